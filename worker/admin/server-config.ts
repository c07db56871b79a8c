/** Turns client input into a stored MCP server config and expiry, or throws HttpError 400 with readable problems. */
import { ServerConfigSchema, type ServerConfig } from '../auth/records';
import { HttpError } from '../lib/errors';
import { validateServerConfig } from '../tools/filter-tools';
import type { ConfigInput } from './schemas';

/** An expiry closer than this is refused (KV cannot hold a TTL under 60 s, and such a link is useless). */
export const MIN_EXPIRY_AHEAD_SECONDS = 60;
/** An expiry further ahead than this is refused (null means never); KV and alarms hold it exactly. */
export const MAX_EXPIRY_AHEAD_DAYS = 1_826;

/** `input` merged shallowly over `base` (or the defaults), deduplicated and checked against the catalogue. */
export function requireServerConfig(
	input: ConfigInput | undefined,
	base?: ServerConfig,
): ServerConfig {
	const merged: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(input ?? {})) {
		if (value !== undefined) merged[key] = value;
	}
	const config = ServerConfigSchema.parse(merged);
	config.methods = [...new Set(config.methods)];
	config.tags = [...new Set(config.tags)];
	const problems = validateServerConfig(config);
	if (problems.length > 0) {
		throw new HttpError(400, 'invalid_request', `Invalid config: ${problems.join('; ')}`, {
			details: problems,
		});
	}
	return config;
}

/** The expiry as a canonical ISO string (or null = never), or HttpError 400 when under 60 s or over 5 years ahead of `now`. */
export function requireExpiresAt(value: string | null | undefined, now: number): string | null {
	if (value === undefined || value === null) return null;
	const at = Date.parse(value);
	if (!Number.isFinite(at) || at < now + MIN_EXPIRY_AHEAD_SECONDS * 1000) {
		throw new HttpError(
			400,
			'invalid_request',
			`expires_at: must be at least ${MIN_EXPIRY_AHEAD_SECONDS} seconds in the future (now is ${new Date(now).toISOString()})`,
		);
	}
	const latest = now + MAX_EXPIRY_AHEAD_DAYS * 86_400_000;
	if (at > latest) {
		throw new HttpError(
			400,
			'invalid_request',
			`expires_at: must be at most ${MAX_EXPIRY_AHEAD_DAYS} days (5 years) ahead, so no later than ${new Date(latest).toISOString()}; use null for a server that never expires`,
		);
	}
	return new Date(at).toISOString();
}
