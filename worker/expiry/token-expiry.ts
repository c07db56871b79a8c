/** One Durable Object per MCP server (named by token hash) whose alarm evicts the server at expires_at. Writes KV only through the account's directory. */
import { DurableObject } from 'cloudflare:workers';
import { accountDirectory } from '../directory/directory';

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

	/** Evicts the server through its account's directory, unless KV says the expiry was cleared or moved later. */
	override async alarm(): Promise<void> {
		const target = await this.target();
		if (!target) return; // already evicted or cancelled: a second run is a no-op
		const directory = accountDirectory(this.env, target.account_id);
		const result = await directory.expireServer(
			target.account_id,
			target.server_id,
			target.expires_at,
			Date.now(),
		);
		// Thrown, the alarm is retried (with backoff) by the runtime.
		if (!result.ok)
			throw new Error(`expiry of server ${target.server_id} failed: ${result.reason}`);
		const outcome = result.value;
		if (outcome.kind === 'moved') {
			// A PATCH moved the expiry later but its schedule() call did not reach us.
			await this.schedule({ ...target, expires_at: outcome.expires_at });
			return;
		}
		await this.ctx.storage.deleteAll();
		if (outcome.kind === 'deleted') {
			console.log(
				JSON.stringify({
					msg: 'mcp server expired',
					token_hash: target.token_hash,
					server_id: target.server_id,
				}),
			);
		}
	}
}
