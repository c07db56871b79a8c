/** Vitest project for the local eDesk sandbox Worker (scripts/edesk-sandbox), run inside workerd. */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	plugins: [
		cloudflareTest({
			wrangler: {
				configPath: fileURLToPath(
					new URL('../../scripts/edesk-sandbox/wrangler.toml', import.meta.url),
				),
			},
		}),
	],
	test: {
		name: 'sandbox',
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['test/sandbox/**/*.test.ts'],
	},
});
