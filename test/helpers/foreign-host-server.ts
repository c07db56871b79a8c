/**
 * Global setup of the `worker` test project: a host on loopback that is not eDesk, for the checks of
 * what the Worker does with one. `/unauthorized/v1/whoami` answers 401,
 * `/redirect/v1/…` answers 302 to `/target/v1/…`, which answers like eDesk's /whoami and counts its
 * hits (`GET /__hits`); anything else is 404. Node only.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		foreignHost: { origin: string };
	}
}

const WHOAMI = JSON.stringify({
	data: { user: { id: 1, name: 'Redirect target', email: 'x@example.com' } },
});

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	let targetHits = 0;
	const server = createServer((req, res) => {
		const path = req.url ?? '/';
		const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
			res.writeHead(status, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body),
				...headers,
			});
			res.end(body);
		};
		if (path === '/__hits') return send(200, JSON.stringify({ target: targetHits }));
		if (path === '/unauthorized/v1/whoami')
			return send(401, '{"error":{"httpCode":401,"message":"Unauthorized"}}');
		if (path.startsWith('/redirect/'))
			return send(302, '', { location: `${origin}/target/${path.slice('/redirect/'.length)}` });
		if (path.startsWith('/target/')) {
			targetHits += 1;
			return send(
				200,
				path.endsWith('/whoami') ? WHOAMI : '{"data":[],"paginator":{"totalItemsCount":0}}',
			);
		}
		return send(404, '{"error":"not found"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	project.provide('foreignHost', { origin });
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
