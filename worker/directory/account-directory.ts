/**
 * One Durable Object per integrated account (named by its id) in which every write of the account's
 * KV records happens, one at a time: KV has no compare-and-swap, so concurrent management requests
 * could otherwise bring a revoked server back or leave a server without its account. Touches KV only
 * through the token store and alarms only through expiry/schedule.
 */
import { DurableObject } from 'cloudflare:workers';
import type { McpServerRecord } from '../auth/records';
import { createTokenStore, type TokenStore } from '../auth/token-store';
import { cancelExpiry, scheduleExpiry } from '../expiry/schedule';
import { revokeServerGrants } from '../oauth/grants';

/** Why a write did not happen: the account is being or was deleted, the server is gone, it changed since it was read, or storage failed (logged). */
export type DirectoryRefusal = 'account_gone' | 'server_gone' | 'conflict' | 'failed';

export type DirectoryResult<T> =
	| { ok: true; value: T }
	| {
			ok: false;
			reason: DirectoryRefusal;
			/** On a conflict: what KV holds now. */ current?: McpServerRecord;
	  };

/** What an expiry alarm found when it asked for its server to be evicted. */
export type ExpireOutcome =
	{ kind: 'deleted' | 'gone' | 'cleared' } | { kind: 'moved'; expires_at: string };

const CLOSED_KEY = 'closed';

export class AccountDirectory extends DurableObject<Env> {
	private get store(): TokenStore {
		return createTokenStore(this.env.TOKENS);
	}

	/**
	 * Runs `write` with no other event delivered to this object until it has finished (its KV calls
	 * included). A failure becomes a `failed` result: thrown out of the block it would reset the object.
	 */
	private async serially<T>(write: () => Promise<DirectoryResult<T>>): Promise<DirectoryResult<T>> {
		return this.ctx.blockConcurrencyWhile(async () => {
			try {
				return await write();
			} catch (error) {
				console.error(
					JSON.stringify({
						msg: 'account directory write failed',
						error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
					}),
				);
				return { ok: false, reason: 'failed' };
			}
		});
	}

	/**
	 * Ends every OAuth grant of a revoked server (or one whose expiry came closer). Its requests are
	 * refused anyway once the record is gone or expired; this removes the tokens too. A failure is
	 * logged and does not undo the revocation.
	 */
	private async endGrants(serverId: string): Promise<void> {
		try {
			await revokeServerGrants(this.env, serverId);
		} catch (error) {
			console.warn(
				JSON.stringify({
					msg: 'oauth grants not revoked',
					server_id: serverId,
					error: error instanceof Error ? error.name : 'unknown',
				}),
			);
		}
	}

	private async isClosed(): Promise<boolean> {
		return (await this.ctx.storage.get<boolean>(CLOSED_KEY)) === true;
	}

	/** Writes a new server and then its alarm; if the alarm cannot be set, the server is removed again. */
	async createServer(record: McpServerRecord): Promise<DirectoryResult<McpServerRecord>> {
		return this.serially(async () => {
			if (await this.isClosed()) return { ok: false, reason: 'account_gone' };
			const stored: McpServerRecord = { ...record };
			if (stored.expires_at !== null) stored.expiry_scheduled = true;
			await this.store.putServer(stored);
			try {
				if (stored.expires_at !== null) await scheduleExpiry(this.env, stored);
			} catch (error) {
				await this.store.deleteServer(stored);
				throw error;
			}
			return { ok: true, value: stored };
		});
	}

	/**
	 * Replaces a server record by `next`, only if KV still holds exactly `expected` (a compare-and-swap
	 * over KV, made sound by this object being the only writer); then moves or cancels its alarm.
	 */
	async replaceServer(
		expected: McpServerRecord,
		next: McpServerRecord,
	): Promise<DirectoryResult<McpServerRecord>> {
		return this.serially(async () => {
			if (await this.isClosed()) return { ok: false, reason: 'account_gone' };
			const current = await this.store.getServer(expected.account_id, expected.id);
			if (!current) return { ok: false, reason: 'server_gone' };
			if (JSON.stringify(current) !== JSON.stringify(expected))
				return { ok: false, reason: 'conflict', current };
			const stored: McpServerRecord = { ...next };
			if (stored.expires_at === null) delete stored.expiry_scheduled;
			else stored.expiry_scheduled = true;
			await this.store.putServer(stored);
			try {
				if (stored.expires_at === null) {
					if (current.expires_at !== null) await cancelExpiry(this.env, current.token_hash);
				} else if (stored.expires_at !== current.expires_at || !current.expiry_scheduled) {
					await scheduleExpiry(this.env, stored);
				}
			} catch (error) {
				await this.store.putServer(current);
				throw error;
			}
			// No token may outlive expires_at: grants issued under a later (or no) expiry end now.
			if (
				stored.expires_at !== null &&
				(current.expires_at === null || stored.expires_at < current.expires_at)
			) {
				await this.endGrants(stored.id);
			}
			return { ok: true, value: stored };
		});
	}

	/** Revokes a server: cancels its alarm, then deletes its KV record and index entry. */
	async deleteServer(
		accountId: string,
		serverId: string,
	): Promise<DirectoryResult<McpServerRecord>> {
		return this.serially(async () => {
			const current = await this.store.getServer(accountId, serverId);
			if (!current) return { ok: false, reason: 'server_gone' };
			await cancelExpiry(this.env, current.token_hash);
			await this.store.deleteServer(current);
			await this.endGrants(current.id);
			return { ok: true, value: current };
		});
	}

	/**
	 * Deletes the account: from now on no server can be created for it; then every server it has (the
	 * seeded ones too) is revoked, and the account record goes last.
	 */
	async closeAccount(accountId: string): Promise<DirectoryResult<{ revoked: number }>> {
		return this.serially(async () => {
			const wasClosed = await this.isClosed();
			await this.ctx.storage.put(CLOSED_KEY, true);
			const entries = await this.store.listServerEntries(accountId);
			for (const entry of entries) {
				await cancelExpiry(this.env, entry.token_hash);
				await this.store.deleteServer({
					account_id: accountId,
					id: entry.server_id,
					token_hash: entry.token_hash,
				});
				await this.endGrants(entry.server_id);
			}
			const account = await this.store.getAccount(accountId);
			if (account) await this.store.deleteAccount(accountId);
			if (wasClosed && !account && entries.length === 0)
				return { ok: false, reason: 'account_gone' };
			return { ok: true, value: { revoked: entries.length } };
		});
	}

	/** An alarm's eviction: deletes the server unless its expiry was cleared or moved later meanwhile. */
	async expireServer(
		accountId: string,
		serverId: string,
		expiresAt: string,
		now: number,
	): Promise<DirectoryResult<ExpireOutcome>> {
		return this.serially(async () => {
			const outcome = (value: ExpireOutcome): DirectoryResult<ExpireOutcome> => ({
				ok: true,
				value,
			});
			const current = await this.store.getServer(accountId, serverId);
			if (!current) return outcome({ kind: 'gone' });
			if (current.expires_at === null) return outcome({ kind: 'cleared' });
			const at = Date.parse(current.expires_at);
			if (current.expires_at !== expiresAt && at > Date.parse(expiresAt) && at > now) {
				return outcome({ kind: 'moved', expires_at: current.expires_at });
			}
			await this.store.deleteServer(current);
			await this.endGrants(current.id);
			return outcome({ kind: 'deleted' });
		});
	}

	/** Notes on a seeded record that its alarm is set, unless the record changed or went away meanwhile. */
	async markExpiryScheduled(
		accountId: string,
		serverId: string,
		expiresAt: string,
	): Promise<DirectoryResult<boolean>> {
		return this.serially(async () => {
			const current = await this.store.getServer(accountId, serverId);
			if (!current || current.expires_at !== expiresAt || current.expiry_scheduled)
				return { ok: true, value: false };
			await this.store.putServer({ ...current, expiry_scheduled: true });
			return { ok: true, value: true };
		});
	}
}
