#!/usr/bin/env node
/**
 * Seeds contractor MCP tokens straight into the TOKENS KV namespace, for one eDesk account.
 * Writes only hashed McpServerRecord JSON (seeded: true) and the `server:` index entry, through
 * `wrangler kv bulk put`; prints each MCP URL once. Alarms are set on first use or by the cron reconcile.
 * Node only; never imported by the Worker.
 *
 *   node scripts/seed-tokens.mjs --env local --account <id> --name "Jane (contractor)" --expires-at 2030-01-31T17:00:00Z --methods read --tags tickets [--tool-exposure discovery]
 *   node scripts/seed-tokens.mjs --env production --account <id> --csv contractors.csv --base-url https://mcp.example.com
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kvTarget, runWrangler } from './lib/wrangler-kv.mjs';
import { readTomlVars } from './lib/wrangler-toml.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENVIRONMENTS = ['local', 'staging', 'production'];
const METHOD_GROUPS = { read: ['list', 'get'], write: ['create', 'update', 'delete'] };
const TOOL_METHODS = ['list', 'get', 'create', 'update', 'delete'];
const METHOD_NAMES = [...Object.keys(METHOD_GROUPS), ...TOOL_METHODS];
/** Same values as the management API's config.tool_exposure (worker/auth/records.ts). */
const TOOL_EXPOSURES = ['all', 'discovery'];
const CSV_COLUMNS = [
	'name',
	'expires_at',
	'methods',
	'tags',
	'require_api_token_auth',
	'tool_exposure',
];
/** KV rejects expiration less than 60 s ahead. */
const KV_MIN_TTL_SECONDS = 60;
const NAME_MAX_CHARS = 100;
/** Same bound as the management API (worker/admin/server-config.ts). */
const MAX_EXPIRY_AHEAD_DAYS = 1_826;
const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

const USAGE = `Usage: node scripts/seed-tokens.mjs --env local|staging|production --account <account id>
         (--name <name> [--expires-at <ISO 8601>] [--methods read,write] [--tags a,b] [--require-api-token-auth]
          [--tool-exposure all|discovery]
          | --csv <file with columns name,expires_at[,methods,tags,require_api_token_auth,tool_exposure]>)
         [--base-url <origin; default: local http://127.0.0.1:$PORT (8787), else the env's PUBLIC_URL>] [--persist-to <dir> (local)] [--skip-account-check]
Methods: ${METHOD_NAMES.join(', ')} (default read). In CSV cells, separate methods and tags with ";" or spaces.
Tool exposure: all (default; tools/list holds the tools) or discovery (only search_tools, get_tool_schema, call_tool).
An empty expires_at means the token never expires (not recommended for contractors).`;

class UsageError extends Error {
	constructor(message, { showUsage = false } = {}) {
		super(message);
		this.showUsage = showUsage;
	}
}

function fail(message, code = 1) {
	process.stderr.write(`seed-tokens: ${message}\n`);
	process.exit(code);
}

/** Every tool as {method, tags}, from schemas/ (a tool exists where a resource method has a docs record). */
function loadToolIndex() {
	const dir = join(ROOT, 'schemas', 'resources');
	if (!existsSync(dir)) return null;
	const tools = [];
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
		const resource = JSON.parse(readFileSync(join(dir, file), 'utf8'));
		const docsPath = join(ROOT, 'schemas', 'docs', file);
		const docs = existsSync(docsPath) ? JSON.parse(readFileSync(docsPath, 'utf8')) : {};
		for (const [method, def] of Object.entries(resource.methods ?? {})) {
			if (!docs[method]) continue;
			tools.push({ method, tags: [...new Set([...(resource.tags ?? []), ...(def.tags ?? [])])] });
		}
	}
	return tools;
}

function splitList(value) {
	return [
		...new Set(
			String(value ?? '')
				.split(/[\s,;|]+/)
				.map((s) => s.trim())
				.filter(Boolean),
		),
	];
}

/** Checks one row and turns it into {name, expiresAt, config}; throws UsageError with the row named. */
function toSpec(row, where, tools, now) {
	const name = String(row.name ?? '').trim();
	if (!name) throw new UsageError(`${where}: name must not be empty`);
	if (name.length > NAME_MAX_CHARS)
		throw new UsageError(`${where}: name must be at most ${NAME_MAX_CHARS} characters`);
	let expiresAt = null;
	if (row.expires_at && String(row.expires_at).trim()) {
		const raw = String(row.expires_at).trim();
		const at = Date.parse(raw);
		if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || !Number.isFinite(at)) {
			throw new UsageError(
				`${where}: expires_at must be an ISO 8601 date-time such as 2030-01-31T17:00:00Z (got "${raw}")`,
			);
		}
		if (at <= now) throw new UsageError(`${where}: expires_at ${raw} is in the past`);
		// Same rule as the management API: an expiry must leave time to use the token (and KV a TTL).
		if (at - now < KV_MIN_TTL_SECONDS * 1000) {
			throw new UsageError(
				`${where}: expires_at ${raw} is less than ${KV_MIN_TTL_SECONDS} s ahead`,
			);
		}
		if (at - now > MAX_EXPIRY_AHEAD_DAYS * 86_400_000) {
			throw new UsageError(
				`${where}: expires_at ${raw} is more than ${MAX_EXPIRY_AHEAD_DAYS} days (5 years) ahead; leave it empty for a token that never expires`,
			);
		}
		expiresAt = new Date(at).toISOString();
	}
	const methods =
		row.methods === undefined || String(row.methods).trim() === ''
			? ['read']
			: splitList(row.methods);
	const tags = splitList(row.tags);
	const exposure = String(row.tool_exposure ?? '').trim() || 'all';
	if (!TOOL_EXPOSURES.includes(exposure)) {
		throw new UsageError(
			`${where}: tool_exposure must be one of ${TOOL_EXPOSURES.join(', ')} (got "${exposure}")`,
		);
	}
	for (const m of methods) {
		if (!METHOD_NAMES.includes(m))
			throw new UsageError(`${where}: unknown method "${m}" (allowed: ${METHOD_NAMES.join(', ')})`);
	}
	if (tools) {
		const known = [...new Set(tools.flatMap((t) => t.tags))].sort();
		for (const t of tags) {
			if (!known.includes(t))
				throw new UsageError(`${where}: unknown tag "${t}" (allowed: ${known.join(', ')})`);
		}
		const selected = new Set(methods.flatMap((m) => METHOD_GROUPS[m] ?? [m]));
		const count = tools.filter(
			(t) => selected.has(t.method) && (tags.length === 0 || t.tags.some((x) => tags.includes(x))),
		).length;
		if (count === 0)
			throw new UsageError(`${where}: methods [${methods}] with tags [${tags}] leave no tool`);
	}
	return {
		name,
		expiresAt,
		config: {
			methods,
			tags,
			require_api_token_auth: row.require_api_token_auth === true,
			tool_exposure: exposure,
		},
	};
}

/** Parses CSV text (RFC 4180 quoting) into rows of cells. */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') (row.push(cell), (cell = ''));
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			(row.push(cell), rows.push(row), (row = []), (cell = ''));
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) (row.push(cell), rows.push(row));
	return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

function rowsFromCsv(path) {
	if (!existsSync(path)) throw new UsageError(`--csv: no such file ${path}`);
	const rows = parseCsv(readFileSync(path, 'utf8'));
	let columns = ['name', 'expires_at', 'methods', 'tags'];
	if (rows[0] && rows[0][0]?.trim().toLowerCase() === 'name')
		columns = rows.shift().map((h) => h.trim().toLowerCase());
	for (const c of columns) {
		if (!CSV_COLUMNS.includes(c)) {
			throw new UsageError(`--csv: unknown column "${c}"`);
		}
	}
	return rows.map((cells) => {
		const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
		row.require_api_token_auth = /^(true|yes|1)$/i.test(row.require_api_token_auth ?? '');
		return row;
	});
}

function accountExists(accountId, target) {
	const result = runWrangler([
		'kv',
		'key',
		'get',
		`account:${accountId}`,
		'--binding',
		'TOKENS',
		...target,
	]);
	return result.status === 0 && result.stdout.trim().startsWith('{');
}

function base64url(bytes) {
	return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** KV bulk entries (hashed record + index per token) and the URLs to print; the raw tokens live only in `issued`. */
function buildEntries(specs, accountId, baseUrl, now) {
	const entries = [];
	const issued = [];
	const createdAt = new Date(now).toISOString();
	for (const spec of specs) {
		const token = `em_${base64url(randomBytes(32))}`;
		const tokenHash = createHash('sha256').update(token).digest('hex');
		const record = {
			id: randomUUID(),
			account_id: accountId,
			name: spec.name,
			config: spec.config,
			token_hash: tokenHash,
			expires_at: spec.expiresAt,
			created_at: createdAt,
			seeded: true,
		};
		const expiration = spec.expiresAt ? Math.floor(Date.parse(spec.expiresAt) / 1000) : undefined;
		// KV rejects expiration less than 60 s ahead; the Worker's fail-closed check covers that case.
		const kvExpiry =
			expiration && expiration - Math.floor(now / 1000) >= KV_MIN_TTL_SECONDS ? { expiration } : {};
		entries.push({ key: `token:${tokenHash}`, value: JSON.stringify(record), ...kvExpiry });
		entries.push({ key: `server:${accountId}:${record.id}`, value: tokenHash, ...kvExpiry });
		issued.push({ name: spec.name, expiresAt: spec.expiresAt, url: `${baseUrl}/mcp/${token}` });
	}
	return { entries, issued };
}

/** Writes the entries with `wrangler kv bulk put` through a private temp file that is always removed. */
function bulkPut(entries, target) {
	const dir = mkdtempSync(join(tmpdir(), 'edesk-seed-'));
	const file = join(dir, 'bulk.json');
	try {
		writeFileSync(file, JSON.stringify(entries), { mode: 0o600 });
		const result = runWrangler(['kv', 'bulk', 'put', file, '--binding', 'TOKENS', ...target]);
		if (result.status !== 0) {
			throw new Error(
				`wrangler kv bulk put failed (exit ${result.status}):\n${(result.stderr || result.stdout).slice(-2000)}`,
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * The origin printed URLs start with: --base-url, else for local the port `npm start` serves (PORT,
 * default 8787), else the environment's PUBLIC_URL in wrangler.toml.
 */
function resolveBaseUrl(env, given) {
	const fallback =
		env === 'local'
			? `http://127.0.0.1:${process.env.PORT || 8787}`
			: readTomlVars(env).PUBLIC_URL || '';
	if (!given && !fallback) {
		throw new UsageError(`${env} has no PUBLIC_URL in wrangler.toml: pass --base-url <origin>`);
	}
	try {
		return new URL(given || fallback).origin;
	} catch {
		throw new UsageError('--base-url must be an absolute URL such as https://mcp.example.com');
	}
}

async function main() {
	const { values } = parseArgs({
		options: {
			env: { type: 'string' },
			account: { type: 'string' },
			name: { type: 'string' },
			'expires-at': { type: 'string' },
			methods: { type: 'string' },
			tags: { type: 'string' },
			'require-api-token-auth': { type: 'boolean', default: false },
			'tool-exposure': { type: 'string' },
			csv: { type: 'string' },
			'base-url': { type: 'string' },
			'persist-to': { type: 'string' },
			'skip-account-check': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) return void process.stdout.write(`${USAGE}\n`);
	if (!ENVIRONMENTS.includes(values.env))
		throw new UsageError(`--env must be one of ${ENVIRONMENTS.join(', ')}`, { showUsage: true });
	if (!values.account || !ID_SHAPE.test(values.account))
		throw new UsageError('--account <integrated account id> is required', { showUsage: true });
	if (Boolean(values.csv) === Boolean(values.name))
		throw new UsageError('give either --name (one token) or --csv (many)', { showUsage: true });
	const baseUrl = resolveBaseUrl(values.env, values['base-url']);

	const now = Date.now();
	const tools = loadToolIndex();
	const rows = values.csv
		? rowsFromCsv(values.csv)
		: [
				{
					name: values.name,
					expires_at: values['expires-at'],
					methods: values.methods,
					tags: values.tags,
					require_api_token_auth: values['require-api-token-auth'],
					tool_exposure: values['tool-exposure'],
				},
			];
	if (rows.length === 0) throw new UsageError('--csv: no rows');
	const specs = rows.map((row, i) =>
		toSpec(row, values.csv ? `${values.csv} row ${i + 1}` : 'token', tools, now),
	);

	const target = kvTarget(values.env, values['persist-to']);
	if (!values['skip-account-check'] && !accountExists(values.account, target)) {
		throw new UsageError(
			`no integrated account "${values.account}" in ${values.env} KV (create it with POST /integrated-account, or pass --skip-account-check)`,
		);
	}

	const { entries, issued } = buildEntries(specs, values.account, baseUrl, now);
	bulkPut(entries, target);
	process.stderr.write(
		`Seeded ${issued.length} MCP server(s) into ${values.env} for account ${values.account}. Each URL is shown only now:\n`,
	);
	for (const t of issued) process.stdout.write(`${t.name}\t${t.expiresAt ?? 'never'}\t${t.url}\n`);
	if (issued.some((t) => t.expiresAt === null))
		process.stderr.write('Warning: some tokens never expire.\n');
}

try {
	await main();
} catch (error) {
	if (error instanceof UsageError)
		fail(error.showUsage ? `${error.message}\n${USAGE}` : error.message, 2);
	if (
		error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
		error?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
	) {
		fail(`${error.message}\n${USAGE}`, 2);
	}
	fail(error?.message ?? String(error));
}
