/** Test projects: `worker` (workerd, with the eDesk sandbox as an auxiliary Worker), `sandbox`, `e2e` (Node clients against a running server) and `browser` (the /admin page in Chromium). */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
	test: {
		projects: [
			{
				plugins: [
					cloudflareTest(async () => {
						await bundleSandbox();
						return {
							wrangler: { configPath: `${root}wrangler.toml`, environment: 'dev' },
							miniflare: {
								bindings: { ...TEST_SECRETS },
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
				},
			},
		],
	},
});
