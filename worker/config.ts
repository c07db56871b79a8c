/** The only reader of vars and secrets: parseConfig(env) checks them with zod into a frozen Config. */
import * as z from 'zod/mini';

/** Largest MCP or admin request body accepted, in bytes (larger gets 413). */
export const MAX_BODY_BYTES = 1_048_576;
/** Base URL that routes to the bundled eDesk sandbox through the EDESK_SANDBOX service binding. */
export const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';
/** Default for API_TOKEN_MAX_TTL_DAYS: the longest lifetime (exp - iat) an API token may have. */
export const API_TOKEN_MAX_TTL_DAYS_DEFAULT = 90;

/** Defaults of ACTIVITY_RETENTION_DAYS and ACTIVITY_MAX_RECORDS (per MCP server). */
export const ACTIVITY_RETENTION_DAYS_DEFAULT = 30;
export const ACTIVITY_MAX_RECORDS_DEFAULT = 50_000;

const optionalString = z.optional(z.string());

/** A positive number var, or its default when empty; throws on anything else (a misconfigured deployment). */
function positive(value: string | undefined, fallback: number, name: string): number {
	const n = Number(value || fallback);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
	return n;
}

const ConfigSchema = z.object({
	EDESK_BASE_URL: z._default(z.url(), 'https://api.edesk.com/v1'),
	EDESK_ALLOWED_BASE_URLS: optionalString,
	ALLOWED_ORIGINS: optionalString,
	PUBLIC_URL: optionalString,
	JWT_ISSUER: z._default(z.string().check(z.minLength(1)), 'edesk-mcp'),
	JWT_AUDIENCE: z._default(z.string().check(z.minLength(1)), 'edesk-mcp-admin'),
	JWKS_URL: optionalString,
	API_TOKEN_MAX_TTL_DAYS: optionalString,
	ACTIVITY_RETENTION_DAYS: optionalString,
	ACTIVITY_MAX_RECORDS: optionalString,
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

/** `origin + path` of an absolute URL without a trailing slash, as base URLs are compared. */
export function toNormalisedUrl(value: string): string {
	const url = new URL(value);
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export interface Config {
	readonly edeskBaseUrl: string;
	/** EDESK_BASE_URL plus EDESK_ALLOWED_BASE_URLS, normalised: the only base URLs outside development. */
	readonly edeskAllowedBaseUrls: readonly string[];
	readonly allowedOrigins: readonly string[];
	/** The public origin MCP URLs are built from (PUBLIC_URL); undefined only in development. */
	readonly publicUrl: string | undefined;
	readonly jwtIssuer: string;
	readonly jwtAudience: string;
	readonly jwksUrl: string | undefined;
	readonly apiTokenMaxTtlSeconds: number;
	/** How long activity records are kept, and how many per MCP server at most. */
	readonly activityRetentionDays: number;
	readonly activityMaxRecords: number;
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
	const development = v.ENVIRONMENT === 'development';
	const edeskBaseUrl = v.EDESK_BASE_URL.replace(/\/+$/, '');
	const publicUrl = v.PUBLIC_URL ? toNormalisedUrl(v.PUBLIC_URL) : undefined;
	if (!publicUrl && !development) {
		throw new Error(
			'PUBLIC_URL must be set to the public origin of this Worker outside development',
		);
	}
	const maxTtlDays = Number(v.API_TOKEN_MAX_TTL_DAYS || API_TOKEN_MAX_TTL_DAYS_DEFAULT);
	if (!Number.isFinite(maxTtlDays) || maxTtlDays <= 0) {
		throw new Error('API_TOKEN_MAX_TTL_DAYS must be a positive number of days');
	}
	const activityRetentionDays = positive(
		v.ACTIVITY_RETENTION_DAYS,
		ACTIVITY_RETENTION_DAYS_DEFAULT,
		'ACTIVITY_RETENTION_DAYS',
	);
	const activityMaxRecords = Math.round(
		positive(v.ACTIVITY_MAX_RECORDS, ACTIVITY_MAX_RECORDS_DEFAULT, 'ACTIVITY_MAX_RECORDS'),
	);
	const config: Config = Object.freeze({
		edeskBaseUrl,
		edeskAllowedBaseUrls: Object.freeze([
			...new Set([edeskBaseUrl, ...toList(v.EDESK_ALLOWED_BASE_URLS).map(toNormalisedUrl)]),
		]),
		allowedOrigins: Object.freeze(toList(v.ALLOWED_ORIGINS)),
		publicUrl,
		jwtIssuer: v.JWT_ISSUER,
		jwtAudience: v.JWT_AUDIENCE,
		jwksUrl: v.JWKS_URL ? v.JWKS_URL : undefined,
		apiTokenMaxTtlSeconds: Math.round(maxTtlDays * 86_400),
		activityRetentionDays,
		activityMaxRecords,
		jwtSecret: v.JWT_SECRET,
		credentialKey: v.CREDENTIAL_KEY,
		environment: v.ENVIRONMENT,
	});
	cache.set(env, config);
	return config;
}

/** The CREDENTIAL_KEY secret; a deployment without it cannot encrypt, decrypt or sign (a 500, logged). */
export function requireCredentialKey(config: Pick<Config, 'credentialKey'>): string {
	if (!config.credentialKey) throw new Error('CREDENTIAL_KEY is not configured');
	return config.credentialKey;
}
