/** Removes secrets (URL tokens, bearer tokens) from text bound for logs or error messages. */

const MCP_PATH_TOKEN = /\/mcp\/[^/?#\s"']+/g;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const URL_TOKEN = /\bem_[A-Za-z0-9_-]{20,}/g;

/** Replaces every URL token and bearer credential in `text` with a placeholder. */
export function redactTokens(text: string): string {
	return text
		.replace(MCP_PATH_TOKEN, '/mcp/[redacted]')
		.replace(BEARER, '$1[redacted]')
		.replace(URL_TOKEN, '[redacted]');
}
