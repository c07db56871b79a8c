/**
 * A client identified by a Client ID Metadata Document (its client_id is an https URL the
 * provider fetches; the test config serves the document, no registration call is made) signs in.
 */
import { describe, expect, it } from 'vitest';
import { createTestServer } from '../helpers/mcp';
import {
	authorizePath,
	consent,
	oauthRpc,
	openConsent,
	pkce,
	REDIRECT_URI,
	RESOURCE,
	tokenRequest,
} from '../helpers/oauth';

const CLIENT_ID = 'https://client.example/oauth/client.json';

describe('a CIMD client', () => {
	it('is named by its document and its domain on the consent page, and gets a token', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { verifier, challenge } = await pkce();
		const path = authorizePath(CLIENT_ID, challenge);
		const page = await openConsent(path);
		expect(page.status).toBe(200);
		expect(page.html).toContain('Connect <span class="client">Example CIMD client</span>');
		expect(page.html).toContain('Published by <strong>client.example</strong>.');
		const location = await consent(path, server.url, '198.51.100.40');
		const { status, body } = await tokenRequest({
			grant_type: 'authorization_code',
			code: location.searchParams.get('code')!,
			redirect_uri: REDIRECT_URI,
			client_id: CLIENT_ID,
			code_verifier: verifier,
			resource: RESOURCE,
		});
		expect(status).toBe(200);
		expect((await oauthRpc(body.access_token, 'tools/list')).response.status).toBe(200);
	});

	it('cannot send access to a redirect URI its document does not list', async () => {
		const { challenge } = await pkce();
		const page = await openConsent(
			authorizePath(CLIENT_ID, challenge, { redirect_uri: 'http://127.0.0.1:6666/other' }),
		);
		expect(page.status).toBe(400);
		expect(page.response.headers.get('location')).toBeNull();
	});
});
