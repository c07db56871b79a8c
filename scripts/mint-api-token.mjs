#!/usr/bin/env node
/**
 * Mints a management API token (HS256 JWT) for one environment and prints only the token (its jti goes to stderr).
 * Issuer and audience come from wrangler.toml; JWT_SECRET from the environment, or `.dev.vars` for local.
 * Node only; never imported by the Worker.
 *
 *   node scripts/mint-api-token.mjs --env local --subject alice --ttl 30d
 *   JWT_SECRET=… node scripts/mint-api-token.mjs --env production --subject ci --ttl 12h
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { readTomlVars } from './lib/wrangler-toml.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENVIRONMENTS = ['local', 'staging', 'production'];
const TTL_UNITS_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

const USAGE = `Usage: node scripts/mint-api-token.mjs [--env local|staging|production] [--subject <who>] [--ttl <n>(s|m|h|d|w)]
                                     [--issuer <iss>] [--audience <aud>] [--scope admin|mcp]
Prints one API token for Authorization: Bearer <token>. JWT_SECRET is read from the environment
(or from .dev.vars for --env local). Defaults: --env local --subject admin --ttl 30d --scope admin.
--scope admin: the management API and every MCP server; --scope mcp: only MCP servers that require an
API token (give these to people who should use, not manage, MCP servers).`;

function fail(message, code = 1) {
	process.stderr.write(`mint-api-token: ${message}\n`);
	process.exit(code);
}

/** KEY=value lines of a dotenv file. */
function readDotenv(path) {
	const out = {};
	if (!existsSync(path)) return out;
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
		if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
	}
	return out;
}

/** --ttl in seconds, within 60 s and the environment's API_TOKEN_MAX_TTL_DAYS (the Worker refuses longer). */
function parseTtlSeconds(ttl, maxDays) {
	const m = /^(\d+)([smhdw])$/.exec(ttl);
	if (!m) fail(`--ttl must look like 30d, 12h, 15m or 3600s (got "${ttl}")`, 2);
	const seconds = Number(m[1]) * TTL_UNITS_SECONDS[m[2]];
	if (seconds < 60 || seconds > maxDays * 86_400)
		fail(`--ttl must be between 60s and ${maxDays}d (API_TOKEN_MAX_TTL_DAYS)`, 2);
	return seconds;
}

async function main() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				env: { type: 'string', default: 'local' },
				subject: { type: 'string', default: 'admin' },
				ttl: { type: 'string', default: '30d' },
				issuer: { type: 'string' },
				audience: { type: 'string' },
				scope: { type: 'string', default: 'admin' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		fail(`${error.message}\n${USAGE}`, 2);
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	if (!ENVIRONMENTS.includes(values.env))
		fail(`--env must be one of ${ENVIRONMENTS.join(', ')}`, 2);
	if (!values.subject.trim()) fail('--subject must not be empty', 2);
	const vars = readTomlVars(values.env);
	const ttlSeconds = parseTtlSeconds(values.ttl, Number(vars.API_TOKEN_MAX_TTL_DAYS || 90));
	const issuer = values.issuer ?? vars.JWT_ISSUER;
	const audience = values.audience ?? vars.JWT_AUDIENCE;
	if (!issuer || !audience)
		fail(
			`wrangler.toml has no JWT_ISSUER/JWT_AUDIENCE for --env ${values.env}; pass --issuer and --audience`,
		);

	let secret = process.env.JWT_SECRET;
	if (!secret && values.env === 'local') secret = readDotenv(join(ROOT, '.dev.vars')).JWT_SECRET;
	if (!secret) {
		fail(
			values.env === 'local'
				? 'no JWT_SECRET in the environment or .dev.vars (run `npm start` once to create .dev.vars)'
				: `set JWT_SECRET to the value stored with \`wrangler secret put JWT_SECRET --env ${values.env}\``,
		);
	}

	if (!['admin', 'mcp'].includes(values.scope)) fail('--scope must be admin or mcp', 2);
	const now = Math.floor(Date.now() / 1000);
	const jti = crypto.randomUUID();
	const token = await new SignJWT({ scope: values.scope })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuer(issuer)
		.setAudience(audience)
		.setSubject(values.subject.trim())
		.setIssuedAt(now)
		.setExpirationTime(now + ttlSeconds)
		.setJti(jti)
		.sign(new TextEncoder().encode(secret));
	process.stdout.write(`${token}\n`);
	process.stderr.write(
		`jti ${jti}, expires ${new Date((now + ttlSeconds) * 1000).toISOString()} (revoke: npm run revoke-api-token -- --env ${values.env} --jti ${jti})\n`,
	);
}

await main();
