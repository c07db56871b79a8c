/** Which eDesk base URLs an account may use (outside development only listed ones, matched exactly). */
import { describe, expect, it } from 'vitest';
import { requireBaseUrl } from '../../../worker/admin/base-url';
import { parseConfig } from '../../../worker/config';
import { HttpError } from '../../../worker/lib/errors';

const production = (allowed = ''): ReturnType<typeof parseConfig> =>
	parseConfig({
		ENVIRONMENT: 'production',
		PUBLIC_URL: 'https://mcp.example.com',
		EDESK_ALLOWED_BASE_URLS: allowed,
	} as unknown as Env);
const development = parseConfig({ ENVIRONMENT: 'development' } as unknown as Env);
const noSandbox = {};

function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof HttpError && error.status === 400) return error.message;
		throw error;
	}
	throw new Error('expected a 400');
}

describe('requireBaseUrl in staging and production', () => {
	it('accepts only https://api.edesk.com/v1 by default, with or without a trailing slash', () => {
		expect(requireBaseUrl(undefined, production(), noSandbox)).toBe('https://api.edesk.com/v1');
		expect(requireBaseUrl('https://api.edesk.com/v1/', production(), noSandbox)).toBe(
			'https://api.edesk.com/v1',
		);
	});

	it.each([
		'https://api.edesk.com.evil.example/v1',
		'https://evil.example/v1',
		'https://api.edesk.com/v2',
		'https://api.edesk.com:8443/v1',
		'http://127.0.0.1:8787/v1',
	])('refuses %s', (base) => {
		expect(refusal(() => requireBaseUrl(base, production(), noSandbox))).toBe(
			'base_url: must be one of https://api.edesk.com/v1 (EDESK_ALLOWED_BASE_URLS lists more)',
		);
	});

	it('accepts the base URLs EDESK_ALLOWED_BASE_URLS lists, exactly', () => {
		const config = production('https://eu.edesk.example/v1/, https://us.edesk.example/v1');
		expect(requireBaseUrl('https://eu.edesk.example/v1', config, noSandbox)).toBe(
			'https://eu.edesk.example/v1',
		);
		expect(requireBaseUrl('https://us.edesk.example/v1', config, noSandbox)).toBe(
			'https://us.edesk.example/v1',
		);
		expect(
			refusal(() => requireBaseUrl('https://eu.edesk.example/v1/x', config, noSandbox)),
		).toContain(
			'must be one of https://api.edesk.com/v1, https://eu.edesk.example/v1, https://us.edesk.example/v1',
		);
	});
});

describe('requireBaseUrl in development', () => {
	it('accepts any https base URL and http on loopback', () => {
		expect(requireBaseUrl('https://edesk.example/v1', development, noSandbox)).toBe(
			'https://edesk.example/v1',
		);
		expect(requireBaseUrl('http://127.0.0.1:9/v1', development, noSandbox)).toBe(
			'http://127.0.0.1:9/v1',
		);
	});
});
