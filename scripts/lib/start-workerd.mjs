/**
 * Serves the deploy bundle of the Worker and the eDesk sandbox straight from workerd through Miniflare's
 * API, each on its own direct socket (no wrangler dev proxy, no Miniflare entry proxy), with in-memory
 * KV and Durable Objects. Used by the benchmark and the load test. Node only.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { mintLocalApiToken, ROOT, SANDBOX_TOKEN } from '../local-server.mjs';
import { bundleSandbox } from './bundle-sandbox.mjs';
import { bundleWorker } from './bundle-worker.mjs';

const COMPATIBILITY_DATE = '2025-11-01';
const HOST = '127.0.0.1';
const MAX_KEPT_LOGS = 1000;
const PASS_THROUGH = 'pass-through';
const BASELINE = 'edesk-mcp-baseline';

/**
 * The Miniflare config of one edesk-mcp bundle, with the bindings of wrangler.toml. A baseline
 * bundle (an earlier commit, for the benchmark) shares the KV namespaces, so the same URL works on both.
 */
function mcpWorker(name, bundle, secrets, outboundService, vars = {}) {
	return {
		name,
		modules: true,
		scriptPath: bundle.scriptPath,
		modulesRoot: dirname(bundle.scriptPath),
		compatibilityDate: COMPATIBILITY_DATE,
		compatibilityFlags: ['global_fetch_strictly_public'],
		bindings: { ...readLocalVars(), ...vars, ...secrets },
		kvNamespaces: ['TOKENS', 'OAUTH_KV'],
		durableObjects: {
			TOKEN_EXPIRY: { className: 'TokenExpiry', useSQLite: true },
			ACCOUNT_DIRECTORY: { className: 'AccountDirectory', useSQLite: true },
			ATTEMPT_LIMITER: { className: 'AttemptLimiter', useSQLite: true },
			ACTIVITY: { className: 'ServerActivity', useSQLite: true },
		},
		serviceBindings: { EDESK_SANDBOX: 'edesk-sandbox' },
		...(outboundService ? { outboundService } : {}),
		unsafeDirectSockets: [{ host: HOST, port: 0 }],
	};
}

/** The local vars of wrangler.toml: `[env.dev.vars]`, else the top-level `[vars]` (flat `KEY = "value"` lines). */
function readLocalVars() {
	const tables = { 'env.dev.vars': {}, vars: {} };
	let current;
	for (const line of readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').split('\n')) {
		const table = /^\s*\[+([^\]]+)\]+\s*$/.exec(line);
		if (table) {
			current = tables[table[1].trim()];
			continue;
		}
		const m = current && /^\s*([A-Z0-9_]+)\s*=\s*"(.*)"\s*$/.exec(line);
		if (m) current[m[1]] = m[2];
	}
	return Object.keys(tables['env.dev.vars']).length > 0 ? tables['env.dev.vars'] : tables.vars;
}

/**
 * Bundles both Workers and starts them. Options: `rateLimit` (sandbox token bucket on, default true),
 * `burst`, `refillPerSecond` (sandbox bucket), `verbose` (workerd logs), `inspectorPort` (DevTools
 * protocol, e.g. for CPU profiles; off by default), `passThroughRoutes` (tool name → eDesk path: also
 * serves scripts/lib/pass-through-worker.js on its own socket, the benchmark's floor), `outboundService`
 * (the Worker's global fetch, e.g. to serve OAuth client metadata documents), `baselineBundle` (a second
 * edesk-mcp bundle served beside, from bundleWorker of an earlier commit), `vars` (var overrides).
 * Returns `{ origin, baselineOrigin, sandboxOrigin, passThroughOrigin, secrets, apiToken, bundle, workerErrors, dispose }`
 * (`apiToken`: a management API token valid for 1 hour; `passThroughOrigin` only with `passThroughRoutes`).
 */
export async function startWorkerd({
	rateLimit = true,
	burst = 60,
	refillPerSecond = 2,
	verbose = false,
	inspectorPort,
	passThroughRoutes,
	outboundService,
	baselineBundle,
	vars = {},
} = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'edesk-workerd-'));
	let mf;
	const workerErrors = [];
	try {
		const [bundle, sandboxPath] = await Promise.all([
			bundleWorker(join(dir, 'worker')),
			bundleSandbox(join(dir, 'edesk-sandbox.js')),
		]);
		// Fresh secrets per run: nothing persists, so nothing has to match a previous run.
		const secrets = {
			JWT_SECRET: randomBytes(32).toString('hex'),
			CREDENTIAL_KEY: randomBytes(32).toString('base64'),
		};
		mf = new Miniflare({
			// No Request.cf download (there is no internet here); the placeholder is enough.
			cf: false,
			...(inspectorPort ? { inspectorPort } : {}),
			log: new Log(verbose ? LogLevel.INFO : LogLevel.WARN),
			// Worker console output: errors and warnings are kept (and echoed), the rest only with `verbose`.
			handleStructuredLogs: ({ level, message }) => {
				const serious = level === 'error' || level === 'warn';
				if (serious && workerErrors.length < MAX_KEPT_LOGS) workerErrors.push({ level, message });
				if (verbose || serious) process.stderr.write(`[workerd ${level}] ${message}\n`);
			},
			workers: [
				mcpWorker('edesk-mcp', bundle, secrets, outboundService, vars),
				...(baselineBundle
					? [mcpWorker(BASELINE, baselineBundle, secrets, outboundService, vars)]
					: []),
				{
					name: 'edesk-sandbox',
					modules: true,
					scriptPath: sandboxPath,
					modulesRoot: dirname(sandboxPath),
					compatibilityDate: COMPATIBILITY_DATE,
					bindings: {
						RATE_LIMIT_ENABLED: rateLimit ? 'true' : 'false',
						RATE_LIMIT_BURST: String(burst),
						RATE_LIMIT_REFILL_PER_SECOND: String(refillPerSecond),
					},
					unsafeDirectSockets: [{ host: HOST, port: 0 }],
				},
				...(passThroughRoutes
					? [
							{
								name: PASS_THROUGH,
								modules: true,
								scriptPath: fileURLToPath(new URL('./pass-through-worker.js', import.meta.url)),
								compatibilityDate: COMPATIBILITY_DATE,
								bindings: { ROUTES: JSON.stringify(passThroughRoutes), SANDBOX_TOKEN },
								serviceBindings: { EDESK_SANDBOX: 'edesk-sandbox' },
								unsafeDirectSockets: [{ host: HOST, port: 0 }],
							},
						]
					: []),
			],
		});
		await mf.ready;
		const origin = (await mf.unsafeGetDirectURL('edesk-mcp')).origin;
		const baselineOrigin = baselineBundle
			? (await mf.unsafeGetDirectURL(BASELINE)).origin
			: undefined;
		const sandboxOrigin = (await mf.unsafeGetDirectURL('edesk-sandbox')).origin;
		const passThroughOrigin = passThroughRoutes
			? (await mf.unsafeGetDirectURL(PASS_THROUGH)).origin
			: undefined;
		const apiToken = await mintLocalApiToken(secrets.JWT_SECRET, { subject: 'bench', ttl: '1h' });
		const running = mf;
		return {
			origin,
			baselineOrigin,
			sandboxOrigin,
			passThroughOrigin,
			secrets,
			apiToken,
			bundle,
			/** console.error / console.warn lines of both Workers so far (the first MAX_KEPT_LOGS). */
			workerErrors: () => [...workerErrors],
			dispose: async () => {
				await running.dispose();
				rmSync(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await mf?.dispose().catch(() => {});
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}
