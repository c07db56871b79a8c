/**
 * One Durable Object per MCP server (named by its id) holding the server's activity log in its SQLite
 * storage: one writer, strongly consistent, next to the server's traffic. Records are kept for
 * `ACTIVITY_RETENTION_DAYS` and at most `ACTIVITY_MAX_RECORDS` (checked hourly by the alarm); a
 * revoked server's log stays readable until its records age out, then the object empties itself.
 */
import { DurableObject } from 'cloudflare:workers';
import { parseConfig } from '../config';
import { toActivityCursor, type ActivityEntry, type ActivityListOptions } from './activity-entry';

/** A page of the log, newest first; `next_cursor` continues with older records. */
export interface ActivityPage {
	data: ActivityEntry[];
	next_cursor: string | null;
}

/** What the management API shows on a server: when it was last used and its last 24 hours. */
export interface ActivitySummary {
	last_used_at: string | null;
	calls_24h: number;
	errors_24h: number;
}

const DAY_MS = 86_400_000;
const TRIM_EVERY_MS = 3_600_000;

type Row = Record<string, SqlStorageValue>;

export class ServerActivity extends DurableObject<Env> {
	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.blockConcurrencyWhile(async () => this.ensureSchema());
	}

	private ensureSchema(): void {
		this.sql(`CREATE TABLE IF NOT EXISTS calls (
			seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL, tool TEXT NOT NULL,
			outcome TEXT NOT NULL, error_code TEXT, status INTEGER, duration_ms INTEGER NOT NULL, via TEXT NOT NULL,
			client_id TEXT, grant_id TEXT, record_ids TEXT NOT NULL, payload_bytes INTEGER)`);
		this.sql('CREATE INDEX IF NOT EXISTS calls_at ON calls (at, seq)');
		// Only OAuth calls carry a grant: path-token calls add nothing to this index.
		this.sql(
			'CREATE INDEX IF NOT EXISTS calls_grant ON calls (grant_id, at) WHERE grant_id IS NOT NULL',
		);
		this.sql('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
	}

	private sql(query: string, ...bindings: SqlStorageValue[]): Row[] {
		return this.ctx.storage.sql.exec(query, ...bindings).toArray();
	}

	/** The account this server belongs to: only its management requests may read the log. */
	private ownedBy(accountId: string): boolean {
		const row = this.sql("SELECT value FROM meta WHERE key = 'account_id'")[0];
		return row === undefined || row.value === accountId;
	}

	/** Appends records (a record whose id is already in the log is kept once). */
	async record(accountId: string, entries: ActivityEntry[]): Promise<void> {
		this.sql("INSERT OR IGNORE INTO meta (key, value) VALUES ('account_id', ?)", accountId);
		for (const e of entries) {
			this.sql(
				`INSERT OR IGNORE INTO calls (id, at, tool, outcome, error_code, status, duration_ms, via, client_id, grant_id, record_ids, payload_bytes)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.id,
				e.at,
				e.tool,
				e.outcome,
				e.error_code,
				e.status,
				e.duration_ms,
				e.via,
				e.client_id,
				e.grant_id,
				JSON.stringify(e.record_ids),
				e.payload_bytes,
			);
		}
		if ((await this.ctx.storage.getAlarm()) === null)
			await this.ctx.storage.setAlarm(Date.now() + TRIM_EVERY_MS);
	}

	/** Records newest first: at most `limit`, older than the cursor, not before `since` (ms). */
	async list(accountId: string, options: ActivityListOptions): Promise<ActivityPage> {
		if (!this.ownedBy(accountId)) return { data: [], next_cursor: null };
		const before = options.cursor ?? { at: Number.MAX_SAFE_INTEGER, seq: 0 };
		const rows = this.sql(
			'SELECT * FROM calls WHERE (at < ? OR (at = ? AND seq < ?)) AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?',
			before.at,
			before.at,
			before.seq,
			options.since ?? 0,
			options.limit + 1,
		);
		const page = rows.slice(0, options.limit);
		const last = page.at(-1);
		const more = rows.length > options.limit && last !== undefined;
		return {
			data: page.map(toEntry),
			next_cursor: more ? toActivityCursor({ at: Number(last.at), seq: Number(last.seq) }) : null,
		};
	}

	/** Last use, and calls and failures (errors and refusals) over the 24 hours before `now`. */
	async summary(accountId: string, now: number): Promise<ActivitySummary> {
		if (!this.ownedBy(accountId)) return { last_used_at: null, calls_24h: 0, errors_24h: 0 };
		const counts = this.sql(
			"SELECT COUNT(*) AS calls, SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END) AS errors FROM calls WHERE at >= ?",
			now - DAY_MS,
		)[0];
		const last = this.sql('SELECT MAX(at) AS at FROM calls')[0]?.at;
		return {
			last_used_at: typeof last === 'number' ? new Date(last).toISOString() : null,
			calls_24h: Number(counts?.calls ?? 0),
			errors_24h: Number(counts?.errors ?? 0),
		};
	}

	/** When each OAuth grant of the server was last used, by grant id (read from calls_grant). */
	async grantsLastUsed(accountId: string): Promise<Record<string, string>> {
		const grants: Record<string, string> = {};
		if (!this.ownedBy(accountId)) return grants;
		for (const row of this.sql(
			'SELECT grant_id, MAX(at) AS at FROM calls WHERE grant_id IS NOT NULL GROUP BY grant_id',
		)) {
			grants[String(row.grant_id)] = new Date(Number(row.at)).toISOString();
		}
		return grants;
	}

	/** Hourly: drops records past the retention time and beyond the count; an empty log goes entirely. */
	override async alarm(): Promise<void> {
		const config = parseConfig(this.env);
		this.sql('DELETE FROM calls WHERE at < ?', Date.now() - config.activityRetentionDays * DAY_MS);
		const newest = this.sql('SELECT MAX(seq) AS seq FROM calls')[0]?.seq;
		if (typeof newest === 'number')
			this.sql('DELETE FROM calls WHERE seq <= ?', newest - config.activityMaxRecords);
		if (Number(this.sql('SELECT COUNT(*) AS n FROM calls')[0]?.n ?? 0) === 0) {
			await this.ctx.storage.deleteAll();
			this.ensureSchema();
			return;
		}
		await this.ctx.storage.setAlarm(Date.now() + TRIM_EVERY_MS);
	}
}

function toEntry(row: Row): ActivityEntry {
	return {
		id: String(row.id),
		at: Number(row.at),
		tool: String(row.tool),
		outcome: row.outcome as ActivityEntry['outcome'],
		error_code: row.error_code === null ? null : String(row.error_code),
		status: row.status === null ? null : Number(row.status),
		duration_ms: Number(row.duration_ms),
		via: row.via as ActivityEntry['via'],
		client_id: row.client_id === null ? null : String(row.client_id),
		grant_id: row.grant_id === null ? null : String(row.grant_id),
		record_ids: JSON.parse(String(row.record_ids)) as ActivityEntry['record_ids'],
		payload_bytes: row.payload_bytes === null ? null : Number(row.payload_bytes),
	};
}
