/** A minimal stateless MCP Streamable HTTP client (JSON responses) over createHttpClient. Node only. */

/** Protocol version the bench and load clients speak. */
export const PROTOCOL_VERSION = '2025-11-25';

const BASE_HEADERS = {
	'content-type': 'application/json',
	accept: 'application/json, text/event-stream',
};

/** Parses a JSON or single-event SSE body; null when it is neither. */
function parseBody(text) {
	if (text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		const data = text
			.split('\n')
			.filter((l) => l.startsWith('data:'))
			.map((l) => l.slice(5).trim());
		try {
			return data.length > 0 ? JSON.parse(data.at(-1)) : null;
		} catch {
			return null;
		}
	}
}

/**
 * Creates a client for the MCP URL path `mcpPath` (`/mcp/<token>`) on `http` (a createHttpClient).
 * Every method resolves `{ status, headers, message, text, ms }` where `message` is the parsed
 * JSON-RPC response (null for 202 or an unparsable body).
 */
export function createMcpClient(http, mcpPath, { protocolVersion = PROTOCOL_VERSION } = {}) {
	let nextId = 1;
	async function send(payload, versionHeader = true) {
		const res = await http.request({
			method: 'POST',
			path: mcpPath,
			headers: versionHeader
				? { ...BASE_HEADERS, 'mcp-protocol-version': protocolVersion }
				: BASE_HEADERS,
			body: JSON.stringify(payload),
		});
		return { ...res, message: parseBody(res.text) };
	}
	const call = (method, params) =>
		send({ jsonrpc: '2.0', id: nextId++, method, ...(params ? { params } : {}) });
	return {
		/** The MCP URL path this client talks to. */
		path: mcpPath,
		/** `initialize` (sent without MCP-Protocol-Version, as clients do before negotiation). */
		initialize: () =>
			send(
				{
					jsonrpc: '2.0',
					id: nextId++,
					method: 'initialize',
					params: {
						protocolVersion,
						capabilities: {},
						clientInfo: { name: 'edesk-mcp-bench', version: '1.0.0' },
					},
				},
				false,
			),
		notifyInitialized: () => send({ jsonrpc: '2.0', method: 'notifications/initialized' }),
		ping: () => call('ping'),
		listTools: () => call('tools/list'),
		callTool: (name, args = {}) => call('tools/call', { name, arguments: args }),
	};
}

/** The stateless revision the modern client speaks. */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

/**
 * A client of MCP 2026-07-28 (no initialize; `_meta` and the Mcp-Method / Mcp-Name headers on every
 * request) for the MCP URL path `mcpPath` on `http`. Same answers as createMcpClient.
 */
export function createModernMcpClient(http, mcpPath) {
	let nextId = 1;
	const meta = {
		'io.modelcontextprotocol/protocolVersion': MODERN_PROTOCOL_VERSION,
		'io.modelcontextprotocol/clientCapabilities': {},
		'io.modelcontextprotocol/clientInfo': { name: 'edesk-mcp-bench', version: '1.0.0' },
	};
	async function call(method, params = {}) {
		const headers = {
			...BASE_HEADERS,
			'mcp-protocol-version': MODERN_PROTOCOL_VERSION,
			'mcp-method': method,
		};
		if (typeof params.name === 'string') headers['mcp-name'] = params.name;
		const res = await http.request({
			method: 'POST',
			path: mcpPath,
			headers,
			body: JSON.stringify({
				jsonrpc: '2.0',
				id: nextId++,
				method,
				params: { ...params, _meta: meta },
			}),
		});
		return { ...res, message: parseBody(res.text) };
	}
	return {
		discover: () => call('server/discover'),
		listTools: () => call('tools/list'),
		callTool: (name, args = {}) => call('tools/call', { name, arguments: args }),
	};
}

/** The text of the first content block of a tools/call result, or ''. */
export function resultText(message) {
	const block = message?.result?.content?.[0];
	return block && block.type === 'text' ? block.text : '';
}
