/**
 * The request headers of MCP 2026-07-28 (streamable-http §Request Metadata): MCP-Protocol-Version and
 * Mcp-Method on every request, Mcp-Name on tools/call, resources/read and prompts/get. Header names are
 * case-insensitive, values case-sensitive, and a `=?base64?…?=` value is compared decoded. Pure.
 */

/** The MCP headers of one HTTP request, trimmed (null when absent). */
export interface HeaderView {
	protocolVersion: string | null;
	method: string | null;
	name: string | null;
}

/** Reads the MCP headers of `request`. */
export function toHeaderView(headers: Headers): HeaderView {
	const read = (name: string): string | null =>
		headers.get(name)?.replace(/^[ \t]+|[ \t]+$/g, '') ?? null;
	return {
		protocolVersion: read('mcp-protocol-version'),
		method: read('mcp-method'),
		name: read('mcp-name'),
	};
}

/** Methods whose Mcp-Name header mirrors a body field. */
const NAME_FIELDS: Readonly<Record<string, 'name' | 'uri'>> = {
	'tools/call': 'name',
	'prompts/get': 'name',
	'resources/read': 'uri',
};

const SENTINEL = /^=\?base64\?(.*)\?=$/s;
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A header value as the body would hold it: `=?base64?…?=` decoded (strict base64, strict UTF-8), else as is; null when undecodable. */
export function decodeHeaderValue(value: string): string | null {
	const encoded = SENTINEL.exec(value)?.[1];
	if (encoded === undefined) return value;
	if (!CANONICAL_BASE64.test(encoded)) return null;
	try {
		const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return null;
	}
}

/** Why the required headers of a 2026-07-28 request are missing or do not match its body, or null. */
export function checkModernHeaders(
	request: { method: string; params: Record<string, unknown> | undefined },
	headers: HeaderView,
): string | null {
	if (headers.protocolVersion === null)
		return 'Header mismatch: the MCP-Protocol-Version header is required';
	if (headers.method === null) return 'Header mismatch: the Mcp-Method header is required';
	const field = NAME_FIELDS[request.method];
	const expected = field === undefined ? undefined : request.params?.[field];
	if (typeof expected !== 'string') return null;
	if (headers.name === null)
		return `Header mismatch: the Mcp-Name header is required on ${request.method}`;
	const given = decodeHeaderValue(headers.name);
	if (given === null) return 'Header mismatch: the Mcp-Name header is not valid =?base64?…?= text';
	if (given !== expected) return `Header mismatch: Mcp-Name does not match params.${field}`;
	return null;
}
