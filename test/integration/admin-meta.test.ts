/** GET /integrated-account/meta: the config vocabulary (methods, bundled tags) the management page builds its form from. */
import { describe, expect, it } from 'vitest';
import { SANDBOX_BASE_URL } from '../../worker/config';
import { ALL_TAGS, TOOL_CATALOG } from '../../worker/tools/catalog';
import { adminFetch, adminJson } from '../helpers/admin';

describe('GET /integrated-account/meta', () => {
	it('lists the method words, the bundled tags and the limits', async () => {
		const { response, body } = await adminJson('/integrated-account/meta');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(body).toEqual({
			methods: ['read', 'write', 'list', 'get', 'create', 'update', 'delete'],
			method_groups: { read: ['list', 'get'], write: ['create', 'update', 'delete'] },
			tags: [...ALL_TAGS],
			tool_count: TOOL_CATALOG.length,
			tool_exposures: ['all', 'discovery'],
			discovery_tools: ['search_tools', 'get_tool_schema', 'call_tool'],
			default_base_url: 'https://api.edesk.com/v1',
			sandbox_base_url: SANDBOX_BASE_URL,
			name_max_chars: 100,
			min_expiry_ahead_seconds: 60,
			max_expiry_ahead_days: 1826,
			oauth_mcp_url: 'https://edesk-mcp.test/mcp',
		});
		expect(body.tags.length).toBeGreaterThan(0);
	});

	it('needs an API token like every management route', async () => {
		const response = await adminFetch('/integrated-account/meta', { token: null });
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe('Bearer realm="edesk-mcp"');
	});

	it('answers 405 with Allow: GET to other methods', async () => {
		const { response, body } = await adminJson('/integrated-account/meta', { method: 'DELETE' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET');
		expect(body).toMatchObject({ error: { code: 'method_not_allowed' } });
	});

	it('leaves deeper paths under meta to the account routes', async () => {
		const { response } = await adminJson('/integrated-account/meta/mcp');
		expect(response.status).toBe(404);
	});
});
