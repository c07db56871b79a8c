/**
 * `npm run load`: many concurrent MCP clients doing mixed reads and writes against the Worker served
 * straight from workerd, with the eDesk sandbox behind it (its real 60/2 token bucket unless
 * --no-rate-limit). Checks: no errors other than passed-through 429s (isError rate_limited with the
 * rate-limit headers), no 5xx, no JSON-RPC errors, and every write reached the sandbox exactly once
 * (its request log). Prints a summary, writes results/load.json, exits 1 on any violation. Node only.
 *
 * Flags: --clients <50> --seconds <60> --no-rate-limit --backoff (wait retry_after_seconds after a 429)
 *        --seed <1> --out <results/load.json>
 *        --inject-duplicate (sends one successful write to the sandbox again, so the run must FAIL:
 *        proves the exactly-once check can fail)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { provisionServer, ROOT, SANDBOX_TOKEN } from './local-server.mjs';
import { createHttpClient } from './lib/http-client.mjs';
import { createMcpClient, resultText } from './lib/mcp-client.mjs';
import { parseArgs } from 'node:util';
import { createRequestLogCollector } from './lib/sandbox-log.mjs';
import { startWorkerd } from './lib/start-workerd.mjs';
import { verifyActivity } from './lib/verify-activity.mjs';
import { bodyHashes, verifyWrites } from './lib/verify-writes.mjs';
import { formatTable, round, summarize } from './lib/stats.mjs';

const flags = readFlags();

/** The command-line flags (node:util parseArgs); a bad flag prints the problem and exits 2. */
function readFlags() {
	try {
		const { values } = parseArgs({
			options: {
				clients: { type: 'string', default: '50' },
				seconds: { type: 'string', default: '60' },
				'no-rate-limit': { type: 'boolean', default: false },
				backoff: { type: 'boolean', default: false },
				'inject-duplicate': { type: 'boolean', default: false },
				seed: { type: 'string', default: '1' },
				out: { type: 'string', default: 'results/load.json' },
			},
		});
		const number = (name) => {
			const value = Number(values[name]);
			if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
			return value;
		};
		return {
			clients: number('clients'),
			seconds: number('seconds'),
			rateLimit: !values['no-rate-limit'],
			backoff: values.backoff,
			injectDuplicate: values['inject-duplicate'],
			seed: number('seed'),
			out: values.out,
		};
	} catch (error) {
		console.error(error.message);
		process.exit(2);
	}
}

/** Headers a passed-through 429 must carry (README "Tools"). */
const RATE_LIMIT_HEADERS = [
	'retry-after',
	'ratelimit-limit',
	'ratelimit-remaining',
	'ratelimit-reset',
	'ratelimit-policy',
	'ratelimit',
];
const WRITE_METHODS = ['POST', 'PUT'];
const RUN_ID = randomBytes(3).toString('hex');

/** mulberry32: a small seeded PRNG, so a run's operation mix is reproducible per --seed. */
function createRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The operation mix: weight, tool, arguments; writes also give the upstream request they must cause. */
function createOperations(seed) {
	const pick = (random, list) => list[Math.floor(random() * list.length)];
	return [
		{ weight: 20, tool: 'list_all_e_desk_tickets', args: (r) => ({ limit: pick(r, [5, 10, 20]) }) },
		{
			weight: 15,
			tool: 'get_single_e_desk_ticket_by_id',
			args: (r) => ({ id: pick(r, seed.tickets) }),
		},
		{
			weight: 15,
			tool: 'get_single_e_desk_sales_order_by_id',
			args: (r) => ({ id: pick(r, seed.orders) }),
		},
		{ weight: 10, tool: 'list_all_e_desk_templates', args: () => ({}) },
		{
			weight: 15,
			tool: 'create_a_e_desk_message',
			args: (r, uid) => ({
				ticket_id: pick(r, seed.tickets),
				type: 'Note',
				body: `Load test note ${uid}`,
			}),
			upstream: (a) => ({ method: 'POST', path: '/v1/messages', body: a }),
		},
		{
			weight: 10,
			tool: 'create_a_e_desk_order_note',
			args: (r, uid) => ({
				sales_order_id: pick(r, seed.orders),
				text: `Load test order note ${uid}`,
			}),
			upstream: (a) => ({ method: 'POST', path: '/v1/order-notes', body: a }),
		},
		{
			weight: 15,
			tool: 'update_a_e_desk_ticket_by_id',
			// The subject carries the unique id, so every update has a distinct body.
			args: (r, uid) => ({
				id: pick(r, seed.tickets),
				status: pick(r, ['Open', 'Pending', 'Closed']),
				subject: `Load test ${uid}`,
			}),
			upstream: ({ id, ...body }) => ({ method: 'PUT', path: `/v1/tickets/${id}`, body }),
		},
	];
}

/** Classifies one tools/call response: ok, rate_limited, or an error kind with a detail. */
function classify(res) {
	if (res.status >= 500) return { kind: 'http_5xx', detail: `HTTP ${res.status}` };
	if (res.status !== 200)
		return { kind: 'http_other', detail: `HTTP ${res.status} ${res.text.slice(0, 160)}` };
	if (!res.message || res.message.error || !res.message.result)
		return { kind: 'jsonrpc_error', detail: res.text.slice(0, 200) };
	if (!res.message.result.isError) return { kind: 'ok' };
	const text = resultText(res.message);
	let payload;
	try {
		payload = JSON.parse(text);
	} catch {
		return { kind: 'tool_error', detail: text.slice(0, 200) };
	}
	if (payload.error !== 'rate_limited') return { kind: 'tool_error', detail: text.slice(0, 200) };
	const missing = RATE_LIMIT_HEADERS.filter((h) => res.headers[h] === undefined);
	return missing.length === 0
		? { kind: 'rate_limited', retryAfterSeconds: payload.retry_after_seconds }
		: { kind: 'rate_limited_without_headers', detail: `missing ${missing.join(', ')}` };
}

/** One MCP client: handshake, then calls until the deadline. Records into `stats`. */
async function runClient(index, { origin, mcpPath, operations, deadline, stats }) {
	const http = createHttpClient(origin, { maxSockets: 1 });
	const mcp = createMcpClient(http, mcpPath);
	const random = createRandom(flags.seed * 1000 + index);
	const total = operations.reduce((n, o) => n + o.weight, 0);
	const fail = (kind, detail) => stats.fail(kind, detail);
	try {
		const init = await mcp.initialize();
		if (init.status !== 200 || !init.message?.result?.protocolVersion)
			return fail('handshake', `initialize ${init.status}`);
		const note = await mcp.notifyInitialized();
		if (note.status !== 202) return fail('handshake', `notifications/initialized ${note.status}`);
		const list = await mcp.listTools();
		if (list.status !== 200 || !Array.isArray(list.message?.result?.tools))
			return fail('handshake', `tools/list ${list.status}`);
		let n = 0;
		while (Date.now() < deadline) {
			let roll = random() * total;
			const op = operations.find((o) => (roll -= o.weight) < 0) ?? operations[0];
			const uid = `lt-${RUN_ID}-${index}-${n++}`;
			const args = op.args(random, uid);
			const write = op.upstream
				? { uid, tool: op.tool, ...op.upstream(args), outcome: 'pending' }
				: undefined;
			if (write) {
				write.hashes = bodyHashes(write.body);
				stats.writes.push(write);
			}
			stats.started += 1;
			let res;
			try {
				res = await mcp.callTool(op.tool, args);
			} catch (error) {
				stats.completed += 1;
				if (write) write.outcome = 'network_error';
				fail('network', error instanceof Error ? error.message : String(error));
				continue;
			}
			stats.completed += 1;
			const verdict = classify(res);
			stats.record(op.tool, verdict, res.ms);
			if (write) write.outcome = verdict.kind;
			if (verdict.kind === 'rate_limited' && flags.backoff)
				await new Promise((r) => setTimeout(r, (verdict.retryAfterSeconds ?? 1) * 1000));
		}
	} finally {
		http.close();
	}
}

function createStats() {
	const byTool = new Map();
	const failures = new Map();
	const latencies = { ok: [], rate_limited: [] };
	return {
		started: 0,
		completed: 0,
		writes: [],
		byTool,
		failures,
		latencies,
		fail(kind, detail) {
			const f = failures.get(kind) ?? { count: 0, examples: [] };
			f.count += 1;
			if (f.examples.length < 3) f.examples.push(detail);
			failures.set(kind, f);
		},
		record(tool, verdict, ms) {
			const t = byTool.get(tool) ?? { calls: 0, ok: 0, rate_limited: 0, errors: 0 };
			t.calls += 1;
			if (verdict.kind === 'ok' || verdict.kind === 'rate_limited') {
				t[verdict.kind] += 1;
				latencies[verdict.kind].push(ms);
			} else {
				t.errors += 1;
				this.fail(verdict.kind, `${tool}: ${verdict.detail}`);
			}
			byTool.set(tool, t);
		},
	};
}

async function seedIds(sandboxOrigin) {
	const get = async (path) => {
		const res = await fetch(`${sandboxOrigin}${path}`, {
			headers: { authorization: `Bearer ${SANDBOX_TOKEN}` },
		});
		if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
		return (await res.json()).data;
	};
	const tickets = (await get('/v1/tickets?itemsPerPage=100'))
		.filter((t) => t.status !== 'Archived')
		.map((t) => t.id);
	const orders = (await get('/v1/sales-orders?itemsPerPage=100')).map((o) => o.id);
	return { tickets, orders };
}

/** Replays the first successful write straight to the sandbox, as a retrying proxy would. */
async function injectDuplicate(sandboxOrigin, writes) {
	const write = writes.find((w) => w.outcome === 'ok');
	if (!write) throw new Error('--inject-duplicate: no successful write to replay');
	const res = await fetch(`${sandboxOrigin}${write.path}`, {
		method: write.method,
		headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify(write.body),
	});
	console.log(
		`--inject-duplicate: sent ${write.uid} (${write.method} ${write.path}) again: ${res.status}`,
	);
}

async function main(workerd) {
	const { url, account, server } = await provisionServer(workerd.origin, workerd.apiToken, {
		serverName: 'load',
	});
	// Fresh data, empty buckets and an empty log (provisioning called /whoami).
	const reset = await fetch(`${workerd.sandboxOrigin}/__sandbox/reset`, { method: 'POST' });
	if (!reset.ok) throw new Error(`sandbox reset: ${reset.status}`);
	const seed = await seedIds(workerd.sandboxOrigin);
	await fetch(`${workerd.sandboxOrigin}/__sandbox/requests`, { method: 'DELETE' });

	const stats = createStats();
	const log = createRequestLogCollector({
		sandboxOrigin: workerd.sandboxOrigin,
		methods: WRITE_METHODS,
		traffic: () => stats,
	});
	const operations = createOperations(seed);
	const t0 = Date.now();
	const deadline = t0 + flags.seconds * 1000;
	const mcpPath = new URL(url).pathname;
	await Promise.all(
		Array.from({ length: flags.clients }, (_, i) =>
			runClient(i, { origin: workerd.origin, mcpPath, operations, deadline, stats }),
		),
	);
	const elapsedSeconds = (Date.now() - t0) / 1000;
	if (flags.injectDuplicate) await injectDuplicate(workerd.sandboxOrigin, stats.writes);
	const writes = verifyWrites(stats.writes, await log.stop());
	const activity = await verifyActivity({
		origin: workerd.origin,
		apiToken: workerd.apiToken,
		accountId: account.id,
		serverId: server.id,
		byTool: stats.byTool,
	});
	return report(stats, writes, activity, elapsedSeconds, workerd.workerErrors());
}

function report(stats, writes, activity, elapsedSeconds, workerErrors) {
	const calls = [...stats.byTool.values()].reduce((n, t) => n + t.calls, 0);
	const ok = summarize(stats.latencies.ok);
	const limited = summarize(stats.latencies.rate_limited);
	const violations = [
		...[...stats.failures].map(([kind, f]) => `${f.count} × ${kind}: ${f.examples.join(' | ')}`),
		...writes.problems,
		...activity.problems,
	];
	if (workerErrors.length > 0)
		violations.push(
			`${workerErrors.length} Worker console errors: ${workerErrors[0].message.slice(0, 200)}`,
		);
	const results = {
		at: new Date().toISOString(),
		command: `npm run load -- ${process.argv.slice(2).join(' ')}`.trim(),
		settings: {
			clients: flags.clients,
			seconds: flags.seconds,
			rate_limit: flags.rateLimit,
			backoff: flags.backoff,
			seed: flags.seed,
		},
		elapsed_seconds: round(elapsedSeconds, 1),
		calls,
		calls_per_second: round(calls / elapsedSeconds, 1),
		latency_ok: { p50_ms: round(ok.p50), p99_ms: round(ok.p99), count: ok.count },
		latency_rate_limited: {
			p50_ms: round(limited.p50),
			p99_ms: round(limited.p99),
			count: limited.count,
		},
		by_tool: Object.fromEntries(stats.byTool),
		writes,
		activity: { logged: activity.logged, expected: activity.expected },
		violations,
	};
	console.log(
		`\n${flags.clients} clients, ${results.elapsed_seconds} s, sandbox rate limit ${flags.rateLimit ? 'on (60 burst, 2/s)' : 'off'}${flags.backoff ? ', clients back off on 429' : ''}`,
	);
	const limitedText =
		limited.count > 0
			? `; 429 p50 ${results.latency_rate_limited.p50_ms} ms p99 ${results.latency_rate_limited.p99_ms} ms`
			: '';
	console.log(
		`${calls} tool calls (${results.calls_per_second}/s); ok p50 ${results.latency_ok.p50_ms} ms p99 ${results.latency_ok.p99_ms} ms${limitedText}\n`,
	);
	console.log(
		formatTable(
			['tool', 'calls', 'ok', '429 passed through', 'errors'],
			[...stats.byTool].sort().map(([tool, t]) => [tool, t.calls, t.ok, t.rate_limited, t.errors]),
		),
	);
	console.log(
		`\nwrites: ${writes.sent} sent, ${writes.ok} ok, ${writes.rate_limited} rate-limited; sandbox log: ${writes.logged} writes (${writes.logged_2xx} 2xx, ${writes.logged_429} 429) over ${writes.log_polls} polls`,
	);
	if (violations.length === 0)
		console.log(
			`\nactivity log: ${activity.logged} records for ${activity.expected} calls\n\nPASS: no errors other than passed-through 429s, no 5xx, no JSON-RPC errors, every write reached eDesk exactly once, every call is in the activity log once`,
		);
	else console.log(`\nFAIL:\n${violations.map((v) => `  - ${v}`).join('\n')}`);
	const out = resolve(ROOT, flags.out);
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`wrote ${out}`);
	return violations.length === 0 ? 0 : 1;
}

console.log('Bundling the Worker and the sandbox, starting workerd…');
// The activity log of the one server must hold every call of the run (README "Activity").
const workerd = await startWorkerd({
	rateLimit: flags.rateLimit,
	vars: { ACTIVITY_MAX_RECORDS: '10000000' },
});
let exitCode = 1;
try {
	exitCode = await main(workerd);
} catch (error) {
	console.error(`load: ${error instanceof Error ? error.stack : error}`);
} finally {
	await workerd.dispose();
}
process.exit(exitCode);
