/** One Durable Object per MCP server (named by token hash) whose alarm evicts the server at expires_at. Touches KV only through the token store. */
import { DurableObject } from 'cloudflare:workers';
import { createTokenStore } from '../auth/token-store';

/** What an alarm evicts, kept in the object's storage between schedule() and alarm(). */
export interface ExpiryTarget {
	token_hash: string;
	account_id: string;
	server_id: string;
	/** ISO 8601; the alarm time. */
	expires_at: string;
}

const TARGET_KEY = 'target';

/** Evicts one MCP server when its expiry is reached; idempotent and aware of expiries moved in KV. */
export class TokenExpiry extends DurableObject<Env> {
	/** Stores the target and (re)sets the alarm to its expires_at. */
	async schedule(target: ExpiryTarget): Promise<void> {
		const at = Date.parse(target.expires_at);
		if (!Number.isFinite(at)) throw new Error('schedule: expires_at is not a date');
		await this.ctx.storage.put(TARGET_KEY, target);
		await this.ctx.storage.setAlarm(at);
	}

	/** Removes the alarm and the stored target (revocation, or expiry cleared). */
	async cancel(): Promise<void> {
		await this.ctx.storage.deleteAlarm();
		await this.ctx.storage.deleteAll();
	}

	/** The stored target, or null when nothing is scheduled. */
	async target(): Promise<ExpiryTarget | null> {
		return (await this.ctx.storage.get<ExpiryTarget>(TARGET_KEY)) ?? null;
	}

	/** Deletes the server's KV record and index entry, unless KV says the expiry was cleared or moved later. */
	override async alarm(): Promise<void> {
		const target = await this.target();
		if (!target) return; // already evicted or cancelled: a second run is a no-op
		const store = createTokenStore(this.env.TOKENS);
		const record = await store.getServerByTokenHash(target.token_hash);
		if (record && record.expires_at === null) {
			// Expiry was cleared but cancel() did not reach us: nothing to evict.
			await this.ctx.storage.deleteAll();
			return;
		}
		if (record?.expires_at) {
			const movedTo = Date.parse(record.expires_at);
			if (movedTo > Date.parse(target.expires_at) && movedTo > Date.now()) {
				await this.schedule({ ...target, expires_at: record.expires_at });
				return;
			}
		}
		await store.deleteServer({
			account_id: target.account_id,
			id: target.server_id,
			token_hash: target.token_hash,
		});
		await this.ctx.storage.deleteAll();
		console.log(
			JSON.stringify({
				msg: 'mcp server expired',
				token_hash: target.token_hash,
				server_id: target.server_id,
			}),
		);
	}
}
