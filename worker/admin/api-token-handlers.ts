/** Handlers of `/api-tokens/revocations`: the deny-list of API tokens, by their `jti`. */
import type { ApiTokenRevocation } from '../auth/records';
import { json } from '../lib/http';
import { audit, type AdminContext } from './admin-context';
import { readJsonBody } from './read-body';
import { RevokeApiTokenBodySchema } from './schemas';

/**
 * `POST /api-tokens/revocations`: from the next request on, the API token with this `jti` gets 401.
 * The entry is kept until the token would have expired (`expires_at`, at most API_TOKEN_MAX_TTL_DAYS
 * ahead, which is also the default: no token lives longer).
 */
export async function revokeApiToken(c: AdminContext): Promise<Response> {
	const body = await readJsonBody(c.request, RevokeApiTokenBodySchema);
	const now = Date.now();
	const latest = now + c.config.apiTokenMaxTtlSeconds * 1000;
	const requested = body.expires_at === undefined ? latest : Date.parse(body.expires_at);
	const revocation: ApiTokenRevocation = {
		jti: body.jti,
		revoked_at: new Date(now).toISOString(),
		expires_at: new Date(Math.min(requested, latest)).toISOString(),
		revoked_by: c.principal.subject,
	};
	if (body.reason) revocation.reason = body.reason;
	await c.store.putApiTokenRevocation(revocation);
	audit(c, 'api_token.revoke', { jti: body.jti });
	return json(revocation, { status: 201 });
}

/** `GET /api-tokens/revocations`: every revoked token whose entry has not run out, newest first. */
export async function listRevocations(c: AdminContext): Promise<Response> {
	const entries = await c.store.listApiTokenRevocations();
	entries.sort((a, b) => b.revoked_at.localeCompare(a.revoked_at) || a.jti.localeCompare(b.jti));
	return json({ data: entries });
}
