/** Removes secrets from text bound for a console or a log file: MCP URL tokens and bearer credentials. Node only. */

const MCP_PATH_TOKEN = /\/mcp\/[^/?#\s"']+/g;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const URL_TOKEN = /\bem_[A-Za-z0-9_-]{20,}/g;
const QUERY_TOKEN = /([?&](?:token|access_token|code)=)[^&\s"']+/gi;

/** `text` with every URL token (in a path or anywhere), bearer credential and token query parameter replaced. */
export function redactSecrets(text) {
	return text
		.replace(MCP_PATH_TOKEN, '/mcp/[redacted]')
		.replace(BEARER, '$1[redacted]')
		.replace(URL_TOKEN, '[redacted]')
		.replace(QUERY_TOKEN, '$1[redacted]');
}

/**
 * A line-buffered redactor for a child's output stream: complete lines are redacted and passed to
 * `write`; a partial line waits for its end (or `flush()`), so no token is cut in two and missed.
 */
export function createLineRedactor(write) {
	let pending = '';
	let timer;
	const flush = () => {
		clearTimeout(timer);
		if (pending !== '') write(redactSecrets(pending));
		pending = '';
	};
	return {
		push(chunk) {
			pending += chunk;
			const end = pending.lastIndexOf('\n');
			if (end >= 0) {
				write(redactSecrets(pending.slice(0, end + 1)));
				pending = pending.slice(end + 1);
			}
			clearTimeout(timer);
			// A prompt or progress text without a newline still shows, shortly after.
			if (pending !== '') timer = setTimeout(flush, 200);
		},
		flush,
	};
}
