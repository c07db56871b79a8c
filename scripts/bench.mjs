/**
 * `npm run bench`: latency and throughput of `tools/call` against a direct call of the same eDesk
 * endpoint on the sandbox, the context cost of `tools/list` and of a default tickets page, and the
 * deploy bundle size. At concurrency 1 it also times a pass-through Worker with the same two hops, the
 * floor any MCP Worker in front of eDesk starts from. Serves the bundle straight from workerd (no
 * wrangler dev proxy), prints a table, writes results/bench.json and exits 1 when a target fails. Node only.
 *
 * Flags: --seconds <per side and level, default 6> --slices <alternating slices per side, default 6>
 *        --warmup <seconds per level, default 1; each side warms up for half of it> --levels <concurrencies, default 1,16,64>
 *        --out <path, default results/bench.json>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
	measure,
	measureCatalog,
	CATALOG_MAX_TOKENS,
	DISCOVERY_MAX_TOKENS,
} from './context-budget.mjs';
import { provisionServer, ROOT, SANDBOX_TOKEN } from './local-server.mjs';
import { runClosedLoop } from './lib/closed-loop.mjs';
import { createHttpClient } from './lib/http-client.mjs';
import { loadCatalog } from './lib/load-catalog.mjs';
import { createMcpClient, createModernMcpClient, resultText } from './lib/mcp-client.mjs';
import { parseArgs } from 'node:util';
import { extractBaseline } from './lib/baseline-tree.mjs';
import { bundleWorker } from './lib/bundle-worker.mjs';
import { startWorkerd } from './lib/start-workerd.mjs';
import { formatTable, round, summarize } from './lib/stats.mjs';

/** Targets (see README "Benchmark"). */
const TARGETS = {
	addedLatencyP50Ms: 1,
	/** The whole Worker with the OAuth provider. */
	bundleGzipBytes: 96 * 1024,
	catalogTokens: CATALOG_MAX_TOKENS,
	/** tools/list of a discovery server (three meta-tools), whole catalogue or read-only filters. */
	discoveryTokens: DISCOVERY_MAX_TOKENS,
	ticketsPageTokens: 2000,
	/** A 2026-07-28 tools/call against the same call in 2025-11-25, same run. */
	eraDifferenceP50Ms: 0.05,
	/** This Worker against --baseline (an earlier commit), same run: no slower than before. */
	baselineDifferenceP50Ms: 0.05,
};
const TICKET_ID = 701581498;
const READ_ONLY = { methods: ['read'], tags: [], require_api_token_auth: false };
const ALL_METHODS = { methods: ['read', 'write'], tags: [], require_api_token_auth: false };

/** The two read scenarios: the MCP tool call and the eDesk request the Worker makes for it. */
const SCENARIOS = [
	{
		name: 'get ticket',
		tool: 'get_single_e_desk_ticket_by_id',
		args: { id: TICKET_ID },
		direct: `/v1/tickets/${TICKET_ID}`,
	},
	// The Worker asks for page 1 with the default limit 10 (tools/execute.ts callList).
	{
		name: 'list tickets',
		tool: 'list_all_e_desk_tickets',
		args: {},
		direct: '/v1/tickets?page=1&itemsPerPage=10',
	},
];

const flags = readFlags();
const levels = flags.levels.split(',').map(Number);

/** The command-line flags (node:util parseArgs); a bad flag prints the problem and exits 2. */
function readFlags() {
	try {
		const { values } = parseArgs({
			options: {
				seconds: { type: 'string', default: '6' },
				slices: { type: 'string', default: '6' },
				warmup: { type: 'string', default: '1' },
				levels: { type: 'string', default: '1,16,64' },
				out: { type: 'string', default: 'results/bench.json' },
				baseline: { type: 'string' },
			},
		});
		const number = (name) => {
			const value = Number(values[name]);
			if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
			return value;
		};
		return {
			seconds: number('seconds'),
			slices: number('slices'),
			warmup: number('warmup'),
			levels: values.levels,
			out: values.out,
			baseline: values.baseline,
		};
	} catch (error) {
		console.error(error.message);
		process.exit(2);
	}
}

async function main() {
	const full = await provisionServer(workerd.origin, workerd.apiToken, { serverName: 'bench' });
	const readOnly = await provisionServer(workerd.origin, workerd.apiToken, {
		serverName: 'bench read-only',
		config: READ_ONLY,
	});
	const discovery = await provisionServer(workerd.origin, workerd.apiToken, {
		serverName: 'bench discovery',
		config: { ...ALL_METHODS, tool_exposure: 'discovery' },
	});
	const discoveryRead = await provisionServer(workerd.origin, workerd.apiToken, {
		serverName: 'bench discovery read-only',
		config: { ...READ_ONLY, tool_exposure: 'discovery' },
	});
	const mcp = createMcpClient(worker, new URL(full.url).pathname);
	const modern = createModernMcpClient(worker, new URL(full.url).pathname);
	const mcpRead = createMcpClient(worker, new URL(readOnly.url).pathname);
	const mcpDiscovery = createMcpClient(worker, new URL(discovery.url).pathname);
	const mcpDiscoveryRead = createMcpClient(worker, new URL(discoveryRead.url).pathname);
	await handshake(mcp);

	const context = await measureContext(mcp, mcpRead, mcpDiscovery, mcpDiscoveryRead);
	const latency = [];
	for (const scenario of SCENARIOS) {
		for (const concurrency of levels)
			latency.push(await compare(scenario, concurrency, mcp, modern));
	}
	const breakdown = await measureBreakdown(mcp);

	const bundle = workerd.bundle;
	const checks = evaluate({ latency, breakdown, bundle, context });
	const results = {
		at: new Date().toISOString(),
		command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
		machine: {
			cpus: cpus().length,
			cpu: cpus()[0]?.model,
			memory_gib: round(totalmem() / 2 ** 30, 1),
			node: process.version,
			platform: process.platform,
			load_average_1m: { start: round(LOAD_AT_START, 2), end: round(loadavg()[0], 2) },
		},
		settings: {
			seconds_per_side: flags.seconds,
			slices: flags.slices,
			warmup_seconds: flags.warmup,
			levels,
		},
		latency,
		breakdown_c1: breakdown,
		context,
		baseline: baselineBundle
			? {
					ref: flags.baseline,
					commit: baselineTree.commit,
					raw_bytes: baselineBundle.rawBytes,
					gzip_bytes: baselineBundle.gzipBytes,
				}
			: null,
		bundle: {
			raw_bytes: bundle.rawBytes,
			gzip_bytes: bundle.gzipBytes,
			wrangler_report: bundle.wranglerReport,
			assets: bundle.assets
				? { files: bundle.assets.files, gzip_bytes: bundle.assets.gzipBytes }
				: null,
			command: bundle.command,
		},
		checks,
		duration_seconds: round((Date.now() - started) / 1000, 1),
	};
	print(results);
	const out = resolve(ROOT, flags.out);
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`\nwrote ${out} (${results.duration_seconds} s)`);
	return checks.every((c) => c.pass) ? 0 : 1;
}

/** initialize → notifications/initialized, as every client does first. */
async function handshake(client) {
	const init = await client.initialize();
	if (init.status !== 200 || !init.message?.result)
		throw new Error(`initialize failed: ${init.status} ${init.text.slice(0, 200)}`);
	const note = await client.notifyInitialized();
	if (note.status !== 202) throw new Error(`notifications/initialized got ${note.status}`);
}

/**
 * tools/list (whole catalogue and read-only server, each also as a discovery server) and a default
 * tickets page, in bytes and o200k tokens.
 */
async function measureContext(mcp, mcpRead, mcpDiscovery, mcpDiscoveryRead) {
	const whole = await mcp.listTools();
	const read = await mcpRead.listTools();
	const discovery = await mcpDiscovery.listTools();
	const discoveryRead = await mcpDiscoveryRead.listTools();
	const page = await mcp.callTool('list_all_e_desk_tickets', {});
	for (const r of [whole, read, discovery, discoveryRead, page]) {
		if (r.status !== 200 || !r.message?.result || r.message.result.isError)
			throw new Error(`context call failed: ${r.status} ${r.text.slice(0, 200)}`);
	}
	const pageText = resultText(page.message);
	const pageBody = JSON.parse(pageText);
	const offline = measureCatalog((await loadCatalog()).TOOL_CATALOG);
	return {
		tools_list: {
			tools: whole.message.result.tools.length,
			...measure(whole.message.result),
			http_body_bytes: Buffer.byteLength(whole.text),
		},
		tools_list_read_only: {
			tools: read.message.result.tools.length,
			...measure(read.message.result),
			http_body_bytes: Buffer.byteLength(read.text),
		},
		tools_list_discovery: {
			tools: discovery.message.result.tools.length,
			reaches: whole.message.result.tools.length,
			...measure(discovery.message.result),
			http_body_bytes: Buffer.byteLength(discovery.text),
		},
		tools_list_discovery_read_only: {
			tools: discoveryRead.message.result.tools.length,
			reaches: read.message.result.tools.length,
			...measure(discoveryRead.message.result),
			http_body_bytes: Buffer.byteLength(discoveryRead.text),
		},
		catalog_offline: { whole: offline.whole, read_only: offline.readOnly },
		tickets_page: {
			items: pageBody.items.length,
			has_more: pageBody.has_more,
			...measure(pageText),
			http_body_bytes: Buffer.byteLength(page.text),
		},
	};
}

/** Closed-loop runs of `request` at `concurrency`, merged; `check` names the failure of a response, if any. */
async function run(concurrency, seconds, request, check) {
	return summarizeRuns([await runOnce(concurrency, seconds, request, check)]);
}

function runOnce(concurrency, seconds, request, check) {
	return runClosedLoop({
		concurrency,
		durationMs: seconds * 1000,
		task: async () => {
			const res = await request();
			const error = check(res);
			return error ? { ok: false, error } : { ok: true, ms: res.ms };
		},
	});
}

function summarizeRuns(runs) {
	const latencies = runs.flatMap((r) => r.latencies);
	const errors = runs.reduce((n, r) => n + r.errors, 0);
	const elapsedMs = runs.reduce((n, r) => n + r.elapsedMs, 0);
	const s = summarize(latencies);
	return {
		requests: s.count + errors,
		errors,
		first_error: runs.find((r) => r.firstError)?.firstError,
		rps: round((s.count + errors) / (elapsedMs / 1000), 1),
		p50_ms: round(s.p50),
		p90_ms: round(s.p90),
		p99_ms: round(s.p99),
		mean_ms: round(s.mean),
	};
}

/** A 2026-07-28 tools/call: as mcpCheck, and the result must be of the new revision. */
const modernCheck = (res) =>
	mcpCheck(res) ?? (res.message.result.resultType === 'complete' ? undefined : 'no resultType');
const directCheck = (res) => (res.status === 200 ? undefined : `HTTP ${res.status}`);
const mcpCheck = (res) =>
	res.status !== 200
		? `HTTP ${res.status}`
		: !res.message?.result
			? `JSON-RPC ${res.text.slice(0, 120)}`
			: res.message.result.isError
				? resultText(res.message).slice(0, 120)
				: undefined;

/**
 * Warm-up, then the direct sandbox call and the MCP tool call at one concurrency. At concurrency 1 the
 * pass-through Worker (the floor, scripts/lib/pass-through-worker.js) takes a third slice in each round.
 */
async function compare(scenario, concurrency, mcp, modern) {
	const direct = () =>
		sandbox.request({
			path: scenario.direct,
			headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, accept: 'application/json' },
		});
	const viaMcp = () => mcp.callTool(scenario.tool, scenario.args);
	const viaFloor = () => floor.callTool(scenario.tool, scenario.args);
	const viaModern = () => modern.callTool(scenario.tool, scenario.args);
	const baselineMcp = baselineHttp ? createMcpClient(baselineHttp, mcp.path) : undefined;
	const viaBaseline = () => baselineMcp.callTool(scenario.tool, scenario.args);
	const sides = [
		['direct', direct, directCheck],
		['mcp', viaMcp, mcpCheck],
	];
	// At c=1 also the floor and the same call in MCP 2026-07-28 (within 0.05 ms of 2025).
	if (concurrency === 1)
		sides.push(['floor', viaFloor, mcpCheck], ['mcp_2026', viaModern, modernCheck]);
	if (concurrency === 1 && baselineMcp) sides.push(['baseline', viaBaseline, mcpCheck]);
	if (flags.warmup > 0) {
		for (const [, request, check] of sides)
			await runOnce(concurrency, flags.warmup / 2, request, check);
	}
	// Alternate short slices of each side, so drift in machine load hits them alike.
	const runs = Object.fromEntries(sides.map(([name]) => [name, []]));
	for (let i = 0; i < flags.slices; i++) {
		for (const [name, request, check] of sides)
			runs[name].push(await runOnce(concurrency, flags.seconds / flags.slices, request, check));
	}
	const d = summarizeRuns(runs.direct);
	const m = summarizeRuns(runs.mcp);
	// Each slice pair alone: how far one short run can move the added latency on this machine.
	const bySlice = runs.mcp.map((run, i) =>
		round(summarize(run.latencies).p50 - summarize(runs.direct[i].latencies).p50),
	);
	const row = {
		scenario: scenario.name,
		tool: scenario.tool,
		direct_path: scenario.direct,
		concurrency,
		direct: d,
		mcp: m,
		added_p50_ms: round(m.p50_ms - d.p50_ms),
		added_p99_ms: round(m.p99_ms - d.p99_ms),
		ratio_p50: round(m.p50_ms / d.p50_ms, 2),
		ratio_p99: round(m.p99_ms / d.p99_ms, 2),
		added_p50_by_slice_ms: bySlice,
	};
	if (runs.floor) {
		const f = summarizeRuns(runs.floor);
		row.floor = f;
		row.floor_added_p50_ms = round(f.p50_ms - d.p50_ms);
		row.over_floor_p50_ms = round(m.p50_ms - f.p50_ms);
	}
	if (runs.baseline) {
		const b = summarizeRuns(runs.baseline);
		row.baseline = b;
		row.baseline_over_floor_p50_ms = round(b.p50_ms - row.floor.p50_ms);
		row.mcp_minus_baseline_p50_ms = round(m.p50_ms - b.p50_ms);
	}
	if (runs.mcp_2026) {
		const m26 = summarizeRuns(runs.mcp_2026);
		row.mcp_2026 = m26;
		row.over_floor_p50_ms_2026 = round(m26.p50_ms - row.floor.p50_ms);
		row.modern_minus_legacy_p50_ms = round(m26.p50_ms - m.p50_ms);
	}
	console.log(
		`  ${scenario.name} c=${concurrency}: direct p50 ${d.p50_ms} ms, MCP p50 ${m.p50_ms} ms (+${row.added_p50_ms} ms), ${m.rps} req/s via MCP${row.floor ? `; pass-through p50 ${row.floor.p50_ms} ms` : ''}`,
	);
	return row;
}

/**
 * Where the added time goes, at concurrency 1: workerd + router alone (`GET /`, no KV), `ping` (URL
 * token lookup: SHA-256 and the memoised token record), and a `tools/call` refused by argument
 * validation (the same plus validation, no account read and no eDesk call).
 */
async function measureBreakdown(mcp) {
	const seconds = Math.max(1, flags.seconds / 2);
	const rpcOk = (res) =>
		res.status === 200 && res.message?.result
			? undefined
			: `HTTP ${res.status} ${res.text.slice(0, 120)}`;
	const refused = (res) =>
		rpcOk(res) ??
		(res.message.result.isError && resultText(res.message).includes('invalid_arguments')
			? undefined
			: 'expected invalid_arguments');
	return {
		'GET /': await run(1, seconds, () => worker.request({ path: '/' }), directCheck),
		ping: await run(1, seconds, () => mcp.ping(), rpcOk),
		'tools/call refused by validation': await run(
			1,
			seconds,
			() => mcp.callTool(SCENARIOS[0].tool, { id: 'not-a-number' }),
			refused,
		),
	};
}

function evaluate({ latency, breakdown, bundle, context }) {
	const checks = [];
	for (const row of latency.filter((r) => r.concurrency === 1)) {
		checks.push({
			target: `added latency p50, ${row.scenario}, c=1`,
			value: `${row.added_p50_ms} ms`,
			limit: `≤ ${TARGETS.addedLatencyP50Ms} ms`,
			pass: row.added_p50_ms <= TARGETS.addedLatencyP50Ms,
		});
		if (row.baseline) {
			checks.push({
				target: `over --baseline ${flags.baseline}, p50, ${row.scenario}, c=1`,
				value: `${row.mcp_minus_baseline_p50_ms} ms`,
				limit: `≤ ${TARGETS.baselineDifferenceP50Ms} ms`,
				pass: row.mcp_minus_baseline_p50_ms <= TARGETS.baselineDifferenceP50Ms,
			});
		}
		if (row.mcp_2026) {
			checks.push({
				target: `2026-07-28 over 2025-11-25, p50, ${row.scenario}, c=1`,
				value: `${row.modern_minus_legacy_p50_ms} ms`,
				limit: `within ±${TARGETS.eraDifferenceP50Ms} ms`,
				pass: Math.abs(row.modern_minus_legacy_p50_ms) <= TARGETS.eraDifferenceP50Ms,
			});
		}
	}
	const errors =
		latency.reduce(
			(n, r) =>
				n +
				r.direct.errors +
				r.mcp.errors +
				(r.floor?.errors ?? 0) +
				(r.mcp_2026?.errors ?? 0) +
				(r.baseline?.errors ?? 0),
			0,
		) + Object.values(breakdown).reduce((n, r) => n + r.errors, 0);
	checks.push({
		target: 'failed requests during the runs',
		value: String(errors),
		limit: '0',
		pass: errors === 0,
	});
	checks.push({
		target: 'bundle gzip',
		value: `${round(bundle.gzipBytes / 1024, 2)} KiB`,
		limit: `≤ ${TARGETS.bundleGzipBytes / 1024} KiB`,
		pass: bundle.gzipBytes <= TARGETS.bundleGzipBytes,
	});
	checks.push({
		target: 'tools/list whole catalog',
		value: `${context.tools_list.tokens} tokens`,
		limit: `≤ ${TARGETS.catalogTokens}`,
		pass: context.tools_list.tokens <= TARGETS.catalogTokens,
	});
	for (const [label, measured] of [
		['whole catalog', context.tools_list_discovery],
		['read-only', context.tools_list_discovery_read_only],
	]) {
		checks.push({
			target: `tools/list discovery server, ${label}`,
			value: `${measured.tokens} tokens`,
			limit: `≤ ${TARGETS.discoveryTokens}`,
			pass: measured.tokens <= TARGETS.discoveryTokens,
		});
	}
	checks.push({
		target: 'default tickets page',
		value: `${context.tickets_page.tokens} tokens`,
		limit: `≤ ${TARGETS.ticketsPageTokens}`,
		pass: context.tickets_page.tokens <= TARGETS.ticketsPageTokens,
	});
	return checks;
}

function print(r) {
	console.log(
		`\nMachine: ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}, load average ${r.machine.load_average_1m.start} → ${r.machine.load_average_1m.end}; ${r.settings.seconds_per_side} s per side and level in ${r.settings.slices} alternating slices, after ${r.settings.warmup_seconds} s warm-up\n`,
	);
	console.log(
		formatTable(
			[
				'scenario',
				'c',
				'direct p50',
				'direct p99',
				'direct req/s',
				'MCP p50',
				'MCP p99',
				'MCP req/s',
				'added p50',
				'per slice',
				'added p99',
				'ratio p50',
				'errors',
			],
			r.latency.map((x) => [
				x.scenario,
				x.concurrency,
				ms(x.direct.p50_ms),
				ms(x.direct.p99_ms),
				x.direct.rps,
				ms(x.mcp.p50_ms),
				ms(x.mcp.p99_ms),
				x.mcp.rps,
				ms(x.added_p50_ms),
				spread(x.added_p50_by_slice_ms),
				ms(x.added_p99_ms),
				`${x.ratio_p50}×`,
				x.direct.errors + x.mcp.errors,
			]),
		),
	);
	console.log(
		'\nFloor at c=1: a pass-through Worker with the same two hops (reads the JSON-RPC body, calls the same eDesk path over the service binding, returns the answer text unchanged in one SSE event):',
	);
	console.log(
		formatTable(
			[
				'scenario',
				'direct p50',
				'pass-through p50',
				'pass-through added',
				'MCP p50',
				'MCP added',
				'MCP over pass-through',
				'2026-07-28 p50',
				'2026-07-28 over pass-through',
			],
			r.latency
				.filter((x) => x.floor)
				.map((x) => [
					x.scenario,
					ms(x.direct.p50_ms),
					ms(x.floor.p50_ms),
					ms(x.floor_added_p50_ms),
					ms(x.mcp.p50_ms),
					ms(x.added_p50_ms),
					ms(x.over_floor_p50_ms),
					x.mcp_2026 ? ms(x.mcp_2026.p50_ms) : '-',
					x.mcp_2026 ? ms(x.over_floor_p50_ms_2026) : '-',
				]),
		),
	);
	console.log(`\nBreakdown at c=1 (Worker only, no eDesk call):`);
	console.log(
		formatTable(
			['request', 'p50', 'p99', 'req/s'],
			Object.entries(r.breakdown_c1).map(([k, v]) => [k, ms(v.p50_ms), ms(v.p99_ms), v.rps]),
		),
	);
	console.log('');
	const c = r.context;
	console.log(
		formatTable(
			['context', 'bytes', 'o200k tokens'],
			[
				[
					`tools/list, whole catalog (${c.tools_list.tools} tools)`,
					c.tools_list.bytes,
					c.tools_list.tokens,
				],
				[
					`tools/list, read-only server (${c.tools_list_read_only.tools} tools)`,
					c.tools_list_read_only.bytes,
					c.tools_list_read_only.tokens,
				],
				[
					`tools/list, discovery server, whole catalog (${c.tools_list_discovery.tools} meta-tools, ${c.tools_list_discovery.reaches} tools)`,
					c.tools_list_discovery.bytes,
					c.tools_list_discovery.tokens,
				],
				[
					`tools/list, discovery server, read-only (${c.tools_list_discovery_read_only.tools} meta-tools, ${c.tools_list_discovery_read_only.reaches} tools)`,
					c.tools_list_discovery_read_only.bytes,
					c.tools_list_discovery_read_only.tokens,
				],
				[
					`list_all_e_desk_tickets default page (${c.tickets_page.items} items)`,
					c.tickets_page.bytes,
					c.tickets_page.tokens,
				],
			],
		),
	);
	console.log(
		`\nBundle (${r.bundle.command}): ${kib(r.bundle.raw_bytes)} raw, ${kib(r.bundle.gzip_bytes)} gzip`,
	);
	if (r.bundle.assets) {
		console.log(
			`Static assets beside it (dist/assets: /admin, its script and stylesheet, /favicon.ico, /openapi.json; served without running the Worker): ${r.bundle.assets.files} files, ${kib(r.bundle.assets.gzip_bytes)} gzip`,
		);
	}
	if (r.baseline) {
		console.log(
			`Bundle of --baseline ${r.baseline.ref} (${r.baseline.commit.slice(0, 7)}): ${kib(r.baseline.raw_bytes)} raw, ${kib(r.baseline.gzip_bytes)} gzip`,
		);
		console.log(
			formatTable(
				[
					'scenario',
					'pass-through p50',
					'baseline p50',
					'baseline over pass-through',
					'MCP p50',
					'MCP over pass-through',
					'MCP − baseline',
				],
				r.latency
					.filter((x) => x.baseline)
					.map((x) => [
						x.scenario,
						ms(x.floor.p50_ms),
						ms(x.baseline.p50_ms),
						ms(x.baseline_over_floor_p50_ms),
						ms(x.mcp.p50_ms),
						ms(x.over_floor_p50_ms),
						ms(x.mcp_minus_baseline_p50_ms),
					]),
			),
		);
	}
	console.log('');
	console.log(
		formatTable(
			['target', 'value', 'limit', 'result'],
			r.checks.map((x) => [x.target, x.value, x.limit, x.pass ? 'PASS' : 'FAIL']),
		),
	);
}

function ms(value) {
	return value === null ? null : `${value.toFixed(2)} ms`;
}

/** `min–max ms` of the per-slice added p50s. */
function spread(values) {
	const finite = values.filter((v) => v !== null);
	return finite.length === 0
		? null
		: `${Math.min(...finite).toFixed(2)}–${Math.max(...finite).toFixed(2)} ms`;
}

function kib(bytes) {
	return `${(bytes / 1024).toFixed(2)} KiB`;
}

const started = Date.now();
/** Other work on the machine skews the figures; the 1-minute load average is recorded with them. */
const LOAD_AT_START = loadavg()[0];
console.log('Bundling the Worker (wrangler deploy --dry-run) and the sandbox, starting workerd…');
// --baseline <git ref>: that commit's bundle runs beside this one, called in alternation at c=1.
const baselineTree = flags.baseline ? extractBaseline(flags.baseline) : undefined;
const baselineBundle = baselineTree
	? await bundleWorker(join(baselineTree.root, '.bench-bundle'), { root: baselineTree.root })
	: undefined;
const workerd = await startWorkerd({
	rateLimit: false,
	passThroughRoutes: Object.fromEntries(SCENARIOS.map((s) => [s.tool, s.direct])),
	baselineBundle,
});
const maxSockets = Math.max(...levels);
const worker = createHttpClient(workerd.origin, { maxSockets });
const sandbox = createHttpClient(workerd.sandboxOrigin, { maxSockets });
const passThrough = createHttpClient(workerd.passThroughOrigin, { maxSockets: 1 });
const floor = createMcpClient(passThrough, '/mcp');
const baselineHttp = workerd.baselineOrigin
	? createHttpClient(workerd.baselineOrigin, { maxSockets: 1 })
	: undefined;
let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	console.error(`bench: ${error instanceof Error ? error.stack : error}`);
} finally {
	worker.close();
	sandbox.close();
	passThrough.close();
	baselineHttp?.close();
	await workerd.dispose();
	baselineTree?.dispose();
}
process.exit(exitCode);
