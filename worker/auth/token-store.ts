/** The only user of the TOKENS KV namespace: key scheme, reads and writes of accounts and MCP servers. */
import {
	AccountRecordSchema,
	ApiTokenRevocationSchema,
	type ApiTokenRevocation,
	McpServerRecordSchema,
	type AccountRecord,
	type McpServerRecord,
} from './records';
import { createRecordCache, type RecordCache } from './record-cache';

/** KV rejects expiration less than 60 s ahead. */
export const KV_MIN_TTL_SECONDS = 60;
/** How long a KV write may take to be seen in every location (Cloudflare KV: "up to 60 seconds"). */
export const KV_PROPAGATION_MS = 60_000;

/** KV key of an MCP server record, by token hash. */
export const tokenKey = (tokenHash: string): string => `token:${tokenHash}`;
/** KV key of an integrated account. */
export const accountKey = (accountId: string): string => `account:${accountId}`;
/** KV key of the deny-list entry of a revoked API token. */
export const revokedApiTokenKey = (jti: string): string => `api-token-revoked:${jti}`;
/** KV key of the per-account index entry of an MCP server (value: token hash). */
export const serverIndexKey = (accountId: string, serverId: string): string =>
	`server:${accountId}:${serverId}`;

export interface TokenStore {
	getServerByTokenHash(tokenHash: string): Promise<McpServerRecord | null>;
	getAccount(accountId: string): Promise<AccountRecord | null>;
	putAccount(account: AccountRecord): Promise<void>;
	listAccounts(): Promise<AccountRecord[]>;
	deleteAccount(accountId: string): Promise<void>;
	putServer(server: McpServerRecord): Promise<void>;
	listServers(accountId: string): Promise<McpServerRecord[]>;
	getServer(accountId: string, serverId: string): Promise<McpServerRecord | null>;
	deleteServer(server: Pick<McpServerRecord, 'account_id' | 'id' | 'token_hash'>): Promise<void>;
	listTokenHashes(): Promise<string[]>;
	/** Every `server:<account_id>:*` index entry, including ones whose token record is already gone. */
	listServerEntries(accountId: string): Promise<ServerIndexEntry[]>;
	/** True when the API token with this `jti` is revoked (a KV read on every call: revocation is at once). */
	isApiTokenRevoked(jti: string): Promise<boolean>;
	putApiTokenRevocation(revocation: ApiTokenRevocation): Promise<void>;
	listApiTokenRevocations(): Promise<ApiTokenRevocation[]>;
}

/** One per-account index entry: which server id maps to which token hash. */
export interface ServerIndexEntry {
	server_id: string;
	token_hash: string;
}

/** Records read on the MCP hot path, per isolate; see README "Storage" for what this means for revocation. */
const serverCache = createRecordCache<McpServerRecord>();
const accountCache = createRecordCache<AccountRecord>();

/** Wraps the TOKENS binding; every record read is schema-checked, so a corrupt entry reads as absent. */
export function createTokenStore(kv: KVNamespace): TokenStore {
	async function readJson<T>(key: string, parse: (v: unknown) => T | null): Promise<T | null> {
		const value = await kv.get(key, 'json');
		return value === null ? null : parse(value);
	}
	const parseServer = (v: unknown): McpServerRecord | null => {
		const r = McpServerRecordSchema.safeParse(v);
		return r.success ? r.data : null;
	};
	const parseAccount = (v: unknown): AccountRecord | null => {
		const r = AccountRecordSchema.safeParse(v);
		return r.success ? r.data : null;
	};
	/** A record from the isolate's memo, else from KV (a found record is memoised). */
	async function readCached<T>(
		cache: RecordCache<T>,
		id: string,
		key: string,
		parse: (v: unknown) => T | null,
	): Promise<T | null> {
		const now = Date.now();
		const cached = cache.get(id, now);
		if (cached) return cached;
		const record = await readJson(key, parse);
		if (record) cache.set(id, record, now);
		return record;
	}
	async function listKeys(prefix: string): Promise<string[]> {
		const names: string[] = [];
		let cursor: string | undefined;
		do {
			const page = await kv.list({ prefix, cursor });
			for (const key of page.keys) names.push(key.name);
			cursor = page.list_complete ? undefined : page.cursor;
		} while (cursor);
		return names;
	}
	function expirationOf(server: McpServerRecord): KVNamespacePutOptions {
		if (!server.expires_at) return {};
		const at = Math.floor(Date.parse(server.expires_at) / 1000);
		// KV rejects expiration less than 60 s ahead; the fail-closed check and the alarm cover that case.
		return at - Math.floor(Date.now() / 1000) >= KV_MIN_TTL_SECONDS ? { expiration: at } : {};
	}

	return {
		getServerByTokenHash: (tokenHash) =>
			readCached(serverCache, tokenHash, tokenKey(tokenHash), parseServer),
		getAccount: (accountId) =>
			readCached(accountCache, accountId, accountKey(accountId), parseAccount),
		async putAccount(account) {
			accountCache.delete(account.id);
			await kv.put(accountKey(account.id), JSON.stringify(account));
		},
		async listAccounts() {
			const keys = await listKeys('account:');
			const accounts = await Promise.all(keys.map((k) => readJson(k, parseAccount)));
			return accounts.filter((a): a is AccountRecord => a !== null);
		},
		async deleteAccount(accountId) {
			accountCache.delete(accountId);
			await kv.delete(accountKey(accountId));
		},
		async putServer(server) {
			serverCache.delete(server.token_hash);
			const options = expirationOf(server);
			await Promise.all([
				kv.put(tokenKey(server.token_hash), JSON.stringify(server), options),
				kv.put(serverIndexKey(server.account_id, server.id), server.token_hash, options),
			]);
		},
		async listServers(accountId) {
			const keys = await listKeys(`server:${accountId}:`);
			const hashes = await Promise.all(keys.map((k) => kv.get(k)));
			const servers = await Promise.all(
				hashes.map((h) => (h ? readJson(tokenKey(h), parseServer) : Promise.resolve(null))),
			);
			return servers.filter((s): s is McpServerRecord => s !== null);
		},
		async getServer(accountId, serverId) {
			const hash = await kv.get(serverIndexKey(accountId, serverId));
			if (!hash) return null;
			const server = await readJson(tokenKey(hash), parseServer);
			return server && server.account_id === accountId && server.id === serverId ? server : null;
		},
		async deleteServer(server) {
			serverCache.delete(server.token_hash);
			await Promise.all([
				kv.delete(tokenKey(server.token_hash)),
				kv.delete(serverIndexKey(server.account_id, server.id)),
			]);
		},
		async isApiTokenRevoked(jti) {
			return (await kv.get(revokedApiTokenKey(jti))) !== null;
		},
		async putApiTokenRevocation(revocation) {
			const at = Math.floor(Date.parse(revocation.expires_at) / 1000);
			const ahead = at - Math.floor(Date.now() / 1000);
			const options =
				ahead >= KV_MIN_TTL_SECONDS ? { expiration: at } : { expirationTtl: KV_MIN_TTL_SECONDS };
			await kv.put(revokedApiTokenKey(revocation.jti), JSON.stringify(revocation), options);
		},
		async listApiTokenRevocations() {
			const keys = await listKeys('api-token-revoked:');
			const parse = (v: unknown): ApiTokenRevocation | null => {
				const r = ApiTokenRevocationSchema.safeParse(v);
				return r.success ? r.data : null;
			};
			const entries = await Promise.all(keys.map((k) => readJson(k, parse)));
			return entries.filter((e): e is ApiTokenRevocation => e !== null);
		},
		async listTokenHashes() {
			return (await listKeys('token:')).map((k) => k.slice('token:'.length));
		},
		async listServerEntries(accountId) {
			const prefix = `server:${accountId}:`;
			const keys = await listKeys(prefix);
			const hashes = await Promise.all(keys.map((k) => kv.get(k)));
			const entries: ServerIndexEntry[] = [];
			keys.forEach((key, i) => {
				const hash = hashes[i];
				if (hash) entries.push({ server_id: key.slice(prefix.length), token_hash: hash });
			});
			return entries;
		},
	};
}
