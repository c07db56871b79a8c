/** The only reader of vars and secrets: parseConfig(env) checks them with zod into a frozen Config. */
import { z } from 'zod';

/** Largest MCP or admin request body accepted, in bytes (larger gets 413). */
export const MAX_BODY_BYTES = 1_048_576;
/** Base URL that routes to the bundled eDesk sandbox through the EDESK_SANDBOX service binding. */
export const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';

const csv = z
	.string()
	.optional()
	.transform((s) =>
		(s ?? '')
			.split(',')
			.map((x) => x.trim())
			.filter(Boolean),
	);

const ConfigSchema = z.object({
	EDESK_BASE_URL: z.string().url().default('https://api.edesk.com/v1'),
	ALLOWED_ORIGINS: csv,
	JWT_ISSUER: z.string().min(1).default('edesk-mcp'),
	JWT_AUDIENCE: z.string().min(1).default('edesk-mcp-admin'),
	JWKS_URL: z
		.string()
		.optional()
		.transform((s) => (s ? s : undefined)),
	JWT_SECRET: z.string().optional(),
	CREDENTIAL_KEY: z.string().optional(),
	ENVIRONMENT: z.string().default('development'),
});

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
		allowedOrigins: Object.freeze(v.ALLOWED_ORIGINS),
		jwtIssuer: v.JWT_ISSUER,
		jwtAudience: v.JWT_AUDIENCE,
		jwksUrl: v.JWKS_URL,
		jwtSecret: v.JWT_SECRET,
		credentialKey: v.CREDENTIAL_KEY,
		environment: v.ENVIRONMENT,
	});
	cache.set(env, config);
	return config;
}
