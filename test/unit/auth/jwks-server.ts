/**
 * Global setup of the `worker` test project: an identity provider's JWKS endpoint on loopback, as an
 * API-token issuer would publish it. Serves the public key of an RS256 pair made per run and provides
 * the URL and the private JWK to the tests (vitest `inject('jwks')`). Node only.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { TestProject } from 'vitest/node';

/** The key id the served key carries. */
export const JWKS_KID = 'test-key-1';

declare module 'vitest' {
	export interface ProvidedContext {
		jwks: { url: string; privateJwk: Record<string, unknown> };
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
	const jwk = { ...(await exportJWK(publicKey)), kid: JWKS_KID, alg: 'RS256', use: 'sig' };
	const body = JSON.stringify({ keys: [jwk] });
	const server = createServer((req, res) => {
		if (req.url === '/.well-known/jwks.json') {
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body),
			});
			res.end(body);
		} else {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	project.provide('jwks', {
		url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
		privateJwk: { ...(await exportJWK(privateKey)), kid: JWKS_KID, alg: 'RS256' },
	});
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
