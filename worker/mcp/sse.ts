/** Server-Sent Events framing for MCP responses (`event: message`, one JSON-RPC message per event). */

const SSE_HEADERS = {
	'content-type': 'text/event-stream',
	'cache-control': 'no-cache, no-transform',
	'x-accel-buffering': 'no',
} as const;

const encoder = new TextEncoder();

function frameText(message: unknown): string {
	return `event: message\ndata: ${JSON.stringify(message)}\n\n`;
}

function frame(message: unknown): Uint8Array {
	return encoder.encode(frameText(message));
}

/** A complete SSE response carrying already-known messages. */
export function sseResponse(
	messages: readonly unknown[],
	headers: Record<string, string>,
): Response {
	let body = '';
	for (const message of messages) body += frameText(message);
	return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...headers } });
}

/** A streaming SSE response: `produce` sends messages as they happen; the stream ends when it resolves. */
export function sseStream(
	headers: Record<string, string>,
	produce: (send: (message: unknown) => void) => Promise<void>,
): Response {
	const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
	const writer = writable.getWriter();
	let open = true;
	const send = (message: unknown): void => {
		if (!open) return;
		writer.write(frame(message)).catch(() => {
			open = false;
		});
	};
	const run = async (): Promise<void> => {
		try {
			await produce(send);
		} finally {
			open = false;
			await writer.close().catch(() => undefined);
		}
	};
	void run();
	return new Response(readable, { status: 200, headers: { ...SSE_HEADERS, ...headers } });
}
