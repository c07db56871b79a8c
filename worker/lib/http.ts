/** Small response helpers shared by the router and the admin API. */

/** A JSON response with `Cache-Control: no-store` (token and admin answers must never be cached). */
export function json(body: unknown, init: ResponseInit = {}): Response {
	const headers = new Headers(init.headers);
	headers.set('content-type', 'application/json');
	headers.set('cache-control', 'no-store');
	return new Response(JSON.stringify(body), { ...init, headers });
}

/** A fast, bodyless-ish 404 without `WWW-Authenticate` (a 401 would send MCP clients into OAuth discovery). */
export function notFound(): Response {
	return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Not found' } }), {
		status: 404,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
	});
}
