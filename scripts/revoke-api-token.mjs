#!/usr/bin/env node
/**
 * Revokes a management API token by its `jti`, straight in the TOKENS KV namespace (no API token
 * needed, so a leaked admin token can be revoked too). From the next request on, the token gets 401.
 * The deny-list entry lives until the token would have expired. Node only; never imported by the Worker.
 *
 *   node scripts/revoke-api-token.mjs --env local --jti 0b6f…
 *   node scripts/revoke-api-token.mjs --env production --jti 0b6f… --reason "laptop lost"
 */
import { parseArgs } from 'node:util';
import { kvTarget, runWrangler } from './lib/wrangler-kv.mjs';
import { readTomlVars } from './lib/wrangler-toml.mjs';

const ENVIRONMENTS = ['local', 'staging', 'production'];
const TOKEN_ID_SHAPE = /^[A-Za-z0-9._-]{1,128}$/;
const USAGE = `Usage: node scripts/revoke-api-token.mjs --env local|staging|production --jti <token id>
         [--expires-at <ISO 8601, default: now + API_TOKEN_MAX_TTL_DAYS>] [--reason <text>] [--persist-to <dir> (local)]
The jti is printed by mint-api-token when the token is minted; it is also the "jti" claim of the token.`;

function fail(message, code = 1) {
	process.stderr.write(`revoke-api-token: ${message}\n`);
	process.exit(code);
}

function main() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				env: { type: 'string' },
				jti: { type: 'string' },
				'expires-at': { type: 'string' },
				reason: { type: 'string' },
				'persist-to': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		fail(`${error.message}\n${USAGE}`, 2);
	}
	if (values.help) return void process.stdout.write(`${USAGE}\n`);
	if (!ENVIRONMENTS.includes(values.env))
		fail(`--env must be one of ${ENVIRONMENTS.join(', ')}\n${USAGE}`, 2);
	if (!values.jti || !TOKEN_ID_SHAPE.test(values.jti))
		fail(`--jti must be the token id (1 to 128 of A-Z a-z 0-9 . _ -)\n${USAGE}`, 2);
	const maxTtlDays = Number(readTomlVars(values.env).API_TOKEN_MAX_TTL_DAYS || 90);
	const now = Date.now();
	const latest = now + maxTtlDays * 86_400_000;
	let expiresAt = latest;
	if (values['expires-at'] !== undefined) {
		expiresAt = Date.parse(values['expires-at']);
		if (!Number.isFinite(expiresAt)) fail('--expires-at must be an ISO 8601 date-time', 2);
		expiresAt = Math.min(Math.max(expiresAt, now + 60_000), latest);
	}
	const entry = {
		jti: values.jti,
		revoked_at: new Date(now).toISOString(),
		expires_at: new Date(expiresAt).toISOString(),
		revoked_by: 'revoke-api-token script',
		...(values.reason ? { reason: values.reason.slice(0, 200) } : {}),
	};
	const result = runWrangler([
		'kv',
		'key',
		'put',
		`api-token-revoked:${values.jti}`,
		JSON.stringify(entry),
		'--binding',
		'TOKENS',
		'--expiration',
		String(Math.floor(expiresAt / 1000)),
		...kvTarget(values.env, values['persist-to']),
	]);
	if (result.status !== 0)
		fail(
			`wrangler kv key put failed (exit ${result.status}):\n${(result.stderr || result.stdout).slice(-2000)}`,
		);
	process.stdout.write(
		`Revoked API token ${values.jti} in ${values.env} (kept on the deny-list until ${entry.expires_at}).\n`,
	);
}

main();
