/**
 * The floor of the benchmark: the least any MCP Worker in front of eDesk must do for one `tools/call`,
 * with the same two hops as edesk-mcp. It reads the JSON-RPC body, calls the eDesk path that ROUTES
 * gives for the tool over the EDESK_SANDBOX service binding, and returns the eDesk answer text
 * unchanged as the tool result in one SSE event. No token lookup, argument validation, compaction,
 * cursor or timeout. Served by scripts/lib/start-workerd.mjs for `npm run bench`; never deployed.
 */
let routes;

export default {
	async fetch(request, env) {
		routes ??= JSON.parse(env.ROUTES);
		const message = JSON.parse(await request.text());
		const path = routes[message.params?.name];
		if (!path) return new Response('unknown tool', { status: 404 });
		const upstream = await env.EDESK_SANDBOX.fetch(`http://edesk-sandbox.local${path}`, {
			headers: { authorization: `Bearer ${env.SANDBOX_TOKEN}`, accept: 'application/json' },
		});
		const text = await upstream.text();
		const result = { content: [{ type: 'text', text }], isError: !upstream.ok };
		const body = `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: message.id, result })}\n\n`;
		return new Response(body, {
			headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
		});
	},
};
