/**
 * Runs edesk-mcp locally under `wrangler dev` (workerd, local KV and Durable Objects) next to the
 * bundled eDesk sandbox, connects an eDesk account and creates an MCP server through the management API.
 * Used by `npm start` and the end-to-end tests. Node only; never imported by the Worker.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { createLineRedactor } from './lib/redact.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';
export const SANDBOX_TOKEN = 'sandbox-full-access';

/** A Node binary wrangler accepts (≥ 22.12): this one, else the `node` devDependency's. */
export function wranglerNode() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
	const local = join(ROOT, 'node_modules', '.bin', 'node');
	return existsSync(local) ? local : process.execPath;
}

/**
 * The environment every wrangler run of the project gets: no metrics, no log file of wrangler's own
 * (it would keep full request paths, and so URL tokens, in the user's home) and no local trace store
 * (X_LOCAL_OBSERVABILITY, which records the full URL of every request under .wrangler/state).
 */
export function wranglerEnv(extra = {}) {
	return {
		...process.env,
		WRANGLER_SEND_METRICS: 'false',
		WRANGLER_WRITE_LOGS: 'false',
		X_LOCAL_OBSERVABILITY: 'false',
		...extra,
	};
}

/** `[command, args]` that run the project's wrangler CLI under a Node it accepts. */
export function wranglerCommand(args) {
	return [wranglerNode(), [join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...args]];
}

/** Reads KEY=value lines of a dotenv file. */
export function readDotenv(path) {
	const out = {};
	if (!existsSync(path)) return out;
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
		if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
	}
	return out;
}

/** Creates `.dev.vars` with fresh local secrets when it is missing; returns its values. */
export function ensureDevVars(root = ROOT) {
	const path = join(root, '.dev.vars');
	const vars = readDotenv(path);
	let changed = false;
	if (!vars.JWT_SECRET) {
		vars.JWT_SECRET = randomBytes(32).toString('hex');
		changed = true;
	}
	if (!vars.CREDENTIAL_KEY || Buffer.from(vars.CREDENTIAL_KEY, 'base64').length !== 32) {
		vars.CREDENTIAL_KEY = randomBytes(32).toString('base64');
		changed = true;
	}
	if (changed) {
		const text = Object.entries(vars)
			.map(([k, v]) => `${k}=${v}`)
			.join('\n');
		writeFileSync(path, `# Local secrets for wrangler dev (never commit)\n${text}\n`, {
			mode: 0o600,
		});
	}
	return vars;
}

/** Mints a management API token (HS256 JWT) for the local Worker. */
export async function mintLocalApiToken(secret, { subject = 'local-admin', ttl = '1h' } = {}) {
	return new SignJWT({ scope: 'admin' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuer('edesk-mcp')
		.setAudience('edesk-mcp-admin')
		.setSubject(subject)
		.setIssuedAt()
		.setJti(randomUUID())
		.setExpirationTime(ttl)
		.sign(new TextEncoder().encode(secret));
}

async function waitForHttp(url, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`wrangler dev did not answer on ${url} within ${timeoutMs} ms`);
}

/** Rejects when something already listens on `port` (a second `npm start`, say), before anything starts. */
export function ensurePortFree(port, host = '127.0.0.1') {
	return new Promise((resolve, reject) => {
		const probe = createNetServer();
		probe.once('error', (error) =>
			reject(
				error.code === 'EADDRINUSE'
					? new Error(`port ${port} is already in use (another npm start?); stop it or set PORT`)
					: error,
			),
		);
		probe.listen(port, host, () => probe.close(() => resolve()));
	});
}

/**
 * Starts the Worker and the sandbox. Options: port, inspectorPort, persistTo, stdio ('inherit' | 'pipe'),
 * extraVars (object of --var overrides), logLevel. The default log level is `warn`; whatever wrangler
 * prints goes through a redactor first (URL tokens, bearer tokens), on the console and in `output()`.
 * wrangler and the workerd it starts run in their own process group, so stop() ends both.
 */
export async function startWrangler({
	port = 8787,
	inspectorPort = 9229,
	persistTo = join(ROOT, '.wrangler', 'state'),
	stdio = 'inherit',
	extraVars = {},
	logLevel = 'warn',
} = {}) {
	await ensurePortFree(port);
	const devArgs = [
		'dev',
		'-c',
		'wrangler.toml',
		'-c',
		'scripts/edesk-sandbox/wrangler.toml',
		'--env',
		'dev',
		'--ip',
		'127.0.0.1',
		'--port',
		String(port),
		'--inspector-port',
		String(inspectorPort),
		'--persist-to',
		persistTo,
		'--show-interactive-dev-session=false',
		'--log-level',
		logLevel,
	];
	for (const [k, v] of Object.entries(extraVars)) devArgs.push('--var', `${k}:${v}`);
	const [wrangler, args] = wranglerCommand(devArgs);
	const child = spawn(wrangler, args, {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: wranglerEnv(),
		detached: true,
	});
	let output = '';
	const listeners = [];
	const sink = (stream) => (text) => {
		output += text;
		if (stdio === 'inherit') stream.write(text);
		for (const listener of listeners) listener(text);
	};
	const outLines = createLineRedactor(sink(process.stdout));
	const errLines = createLineRedactor(sink(process.stderr));
	child.stdout.on('data', (d) => outLines.push(String(d)));
	child.stderr.on('data', (d) => errLines.push(String(d)));
	child.once('exit', () => {
		outLines.flush();
		errLines.flush();
	});
	const signalGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// the group is already gone
		}
	};
	const origin = `http://127.0.0.1:${port}`;
	try {
		await waitForHttp(`${origin}/`, child, 90_000);
	} catch (error) {
		signalGroup('SIGKILL');
		throw new Error(`${error.message}\n${output.slice(-4000)}`);
	}
	return {
		origin,
		child,
		output: () => output,
		/** Calls `listener` with each piece of (redacted) output from now on. */
		onOutput: (listener) => listeners.push(listener),
		/** SIGTERM to wrangler and workerd; SIGKILL after 5 s. Resolves once wrangler has exited. */
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) {
					signalGroup('SIGKILL');
					return resolve();
				}
				const force = setTimeout(() => signalGroup('SIGKILL'), 5000);
				child.once('exit', () => {
					clearTimeout(force);
					// workerd may outlive wrangler by a moment: make sure the whole group is gone.
					signalGroup('SIGKILL');
					resolve();
				});
				signalGroup('SIGTERM');
			}),
	};
}

/** Calls the management API with a bearer token; throws with the API's message on failure. */
export async function adminCall(origin, apiToken, method, path, body) {
	const res = await fetch(origin + path, {
		method,
		headers: {
			authorization: `Bearer ${apiToken}`,
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	const data = text ? JSON.parse(text) : null;
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${data?.error?.message ?? text}`);
	return data;
}

/**
 * Finds or connects the eDesk account (the sandbox unless `edesk` is given) and creates a fresh MCP
 * server named `serverName`, revoking earlier ones of that name. Returns { account, server, url }.
 */
export async function provisionServer(
	origin,
	apiToken,
	{
		edesk,
		serverName = 'npm start',
		config = { methods: ['read', 'write'], tags: [], require_api_token_auth: false },
	} = {},
) {
	const accountName = edesk ? `eDesk (${new URL(edesk.baseUrl).host})` : 'Local eDesk sandbox';
	const accounts = await adminCall(origin, apiToken, 'GET', '/integrated-account');
	let account = (accounts.data ?? accounts).find((a) => a.name === accountName);
	if (!account) {
		const created = await adminCall(origin, apiToken, 'POST', '/integrated-account', {
			name: accountName,
			api_token: edesk ? edesk.apiToken : SANDBOX_TOKEN,
			base_url: edesk ? edesk.baseUrl : SANDBOX_BASE_URL,
		});
		account = created.data ?? created;
	}
	const listed = await adminCall(origin, apiToken, 'GET', `/integrated-account/${account.id}/mcp`);
	for (const old of (listed.data ?? listed).filter((s) => s.name === serverName)) {
		await adminCall(origin, apiToken, 'DELETE', `/integrated-account/${account.id}/mcp/${old.id}`);
	}
	const created = await adminCall(
		origin,
		apiToken,
		'POST',
		`/integrated-account/${account.id}/mcp`,
		{ name: serverName, config, expires_at: null },
	);
	const server = created.data ?? created;
	return { account, server, url: server.url };
}
