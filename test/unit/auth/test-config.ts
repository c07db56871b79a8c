/** A Config for auth unit tests (no env, no bindings). */
import type { Config } from '../../../worker/config';

export const TEST_SECRET = 'unit-test-secret-0123456789abcdef0123456789';

/** A Config with HS256 verification and the given overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
	return {
		edeskBaseUrl: 'https://api.edesk.com/v1',
		edeskAllowedBaseUrls: ['https://api.edesk.com/v1'],
		allowedOrigins: [],
		publicUrl: undefined,
		jwtIssuer: 'edesk-mcp',
		jwtAudience: 'edesk-mcp-admin',
		jwksUrl: undefined,
		apiTokenMaxTtlSeconds: 90 * 86_400,
		activityRetentionDays: 30,
		activityMaxRecords: 50_000,
		jwtSecret: TEST_SECRET,
		credentialKey: undefined,
		environment: 'test',
		...overrides,
	};
}
