/** A keep-alive HTTP/1.1 client for one origin (node:http Agent), timing each request. Node only. */
import http from 'node:http';

/** Idle keep-alive sockets are closed after this long (workerd's own idle limit is 5 s). */
const FREE_SOCKET_TIMEOUT_MS = 4_000;

/**
 * Creates a client for `origin` with up to `maxSockets` kept-alive connections.
 * `request({ method, path, headers, body })` resolves `{ status, headers, text, ms }`; it rejects
 * only on network failures.
 */
export function createHttpClient(origin, { maxSockets = 64 } = {}) {
	const url = new URL(origin);
	// workerd closes a keep-alive connection after 5 s idle; a request sent on it at that moment fails
	// with ECONNRESET. Dropping idle sockets after FREE_SOCKET_TIMEOUT_MS first avoids the race.
	const agent = new http.Agent({
		keepAlive: true,
		maxSockets,
		maxFreeSockets: maxSockets,
		timeout: FREE_SOCKET_TIMEOUT_MS,
	});
	function request({ method = 'GET', path = '/', headers = {}, body } = {}) {
		const payload = body === undefined ? undefined : Buffer.from(body);
		const started = performance.now();
		return new Promise((resolve, reject) => {
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					method,
					path,
					agent,
					headers: payload ? { ...headers, 'content-length': payload.byteLength } : headers,
				},
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('error', reject);
					res.on('end', () => {
						// Time to the last byte; decoding the body is the client's own work, not the server's.
						const ms = performance.now() - started;
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							text: Buffer.concat(chunks).toString('utf8'),
							ms,
						});
					});
				},
			);
			// A reused keep-alive socket the server closed meanwhile fails with ECONNRESET ("socket hang up").
			req.on('error', (error) => {
				if (req.reusedSocket) error.message += ' (on a reused keep-alive connection)';
				reject(error);
			});
			req.end(payload);
		});
	}
	return { request, close: () => agent.destroy() };
}
