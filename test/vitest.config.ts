/** Test projects: `worker` (workerd, with the eDesk sandbox as an auxiliary Worker), `sandbox`, `e2e` (Node clients against a running server) and `browser` (the /admin page in Chromium). */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { build } from 'esbuild';
import {
	fetch as miniflareFetch,
	Request as MiniflareRequest,
	Response as MiniflareResponse,
} from 'miniflare';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM script without types
import { buildAssets } from '../scripts/build-assets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sandboxBundle = `${root}.wrangler/test/edesk-sandbox.js`;

/** Test-only secrets; real deployments set their own with `wrangler secret put`. */
export const TEST_SECRETS = {
	JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789abcdef',
	CREDENTIAL_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
};

async function bundleSandbox(): Promise<void> {
	await build({
		entryPoints: [`${root}scripts/edesk-sandbox/index.ts`],
		bundle: true,
		format: 'esm',
		platform: 'neutral',
		target: 'es2022',
		outfile: sandboxBundle,
		logLevel: 'error',
	});
}

/** The OAuth Client ID Metadata Documents the tests use (test/integration/oauth-cimd.test.ts). */
export const CIMD_CLIENTS: Record<string, Record<string, unknown>> = {
	'https://client.example/oauth/client.json': {
		client_id: 'https://client.example/oauth/client.json',
		client_name: 'Example CIMD client',
		redirect_uris: ['http://127.0.0.1:5555/callback'],
		token_endpoint_auth_method: 'none',
		grant_types: ['authorization_code', 'refresh_token'],
	},
};

async function serveClientMetadata(request: MiniflareRequest): Promise<MiniflareResponse> {
	const document = CIMD_CLIENTS[request.url];
	if (document) {
		return new MiniflareResponse(JSON.stringify(document), {
			headers: { 'content-type': 'application/json', 'cache-control': 'max-age=60' },
		});
	}
	// As the Worker sent it: redirects are the Worker's to follow or not.
	const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
	return miniflareFetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: hasBody ? await request.arrayBuffer() : undefined,
		redirect: 'manual',
	});
}

export default defineConfig({
	test: {
		// What the Worker logs (audit lines, OAuth refusals, expiry sweeps) is shown for failing tests
		// only: the passing ones exercise those paths on purpose.
		silent: 'passed-only',
		projects: [
			{
				plugins: [
					cloudflareTest(async () => {
						// wrangler.toml's [assets] directory must exist (wrangler dev and deploy build it themselves).
						await Promise.all([bundleSandbox(), buildAssets()]);
						return {
							wrangler: { configPath: `${root}wrangler.toml`, environment: 'dev' },
							miniflare: {
								bindings: { ...TEST_SECRETS },
								// The Worker's global fetch: OAuth client metadata documents of the tests' CIMD
								// clients are served here (no internet); everything else goes out as it is.
								outboundService: serveClientMetadata,
								workers: [
									{
										name: 'edesk-sandbox',
										modules: true,
										scriptPath: sandboxBundle,
										compatibilityDate: '2025-11-01',
										bindings: {
											RATE_LIMIT_BURST: '60',
											RATE_LIMIT_REFILL_PER_SECOND: '2',
											RATE_LIMIT_ENABLED: 'true',
										},
									},
								],
							},
						};
					}),
				],
				test: {
					name: 'worker',
					root,
					// The sandbox Worker's state (rate limiter, fail-next queue) is shared by all files.
					fileParallelism: false,
					include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
					globalSetup: [
						`${root}test/unit/auth/jwks-server.ts`,
						`${root}test/helpers/foreign-host-server.ts`,
					],
				},
			},
			`${root}test/sandbox/vitest.config.ts`,
			{
				test: {
					name: 'e2e',
					root,
					environment: 'node',
					include: ['test/e2e/**/*.test.ts'],
					globalSetup: [`${root}test/e2e/global-setup.ts`],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
			{
				test: {
					name: 'browser',
					root,
					environment: 'node',
					include: ['test/browser/**/*.test.ts'],
					globalSetup: [`${root}test/browser/global-setup.ts`],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
					// A poll that waits on a navigation (a form post through the Worker, a redirect) gets
					// 5 s instead of vitest's 1 s: the other projects load both cores meanwhile.
					expect: { poll: { timeout: 5_000 } },
				},
			},
		],
	},
});
