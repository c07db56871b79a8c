/** The only reader of vars and secrets: parseConfig(env) checks them with zod into a frozen Config. */
import * as z from 'zod/mini';

/** Largest MCP or admin request body accepted, in bytes (larger gets 413). */
export const MAX_BODY_BYTES = 1_048_576;
/** Base URL that routes to the bundled eDesk sandbox through the EDESK_SANDBOX service binding. */
export const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';

const optionalString = z.optional(z.string());

const ConfigSchema = z.object({
	EDESK_BASE_URL: z._default(z.url(), 'https://api.edesk.com/v1'),
	ALLOWED_ORIGINS: optionalString,
	JWT_ISSUER: z._default(z.string().check(z.minLength(1)), 'edesk-mcp'),
	JWT_AUDIENCE: z._default(z.string().check(z.minLength(1)), 'edesk-mcp-admin'),
	JWKS_URL: optionalString,
	JWT_SECRET: optionalString,
	CREDENTIAL_KEY: optionalString,
	ENVIRONMENT: z._default(z.string(), 'development'),
});

/** Splits a comma-separated var into trimmed, non-empty entries. */
function toList(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);
}

export interface Config {
	readonly edeskBaseUrl: string;
	readonly allowedOrigins: readonly string[];
	readonly jwtIssuer: string;
	readonly jwtAudience: string;
	readonly jwksUrl: string | undefined;
	readonly jwtSecret: string | undefined;
	readonly credentialKey: string | undefined;
	readonly environment: string;
}

const cache = new WeakMap<object, Config>();

/** Parses vars and secrets once per env object. Throws on a misconfigured deployment (a 500, logged). */
export function parseConfig(env: Env): Config {
	const hit = cache.get(env);
	if (hit) return hit;
	const v = ConfigSchema.parse(env);
	const config: Config = Object.freeze({
		edeskBaseUrl: v.EDESK_BASE_URL.replace(/\/+$/, ''),
		allowedOrigins: Object.freeze(toList(v.ALLOWED_ORIGINS)),
		jwtIssuer: v.JWT_ISSUER,
		jwtAudience: v.JWT_AUDIENCE,
		jwksUrl: v.JWKS_URL ? v.JWKS_URL : undefined,
		jwtSecret: v.JWT_SECRET,
		credentialKey: v.CREDENTIAL_KEY,
		environment: v.ENVIRONMENT,
	});
	cache.set(env, config);
	return config;
}
