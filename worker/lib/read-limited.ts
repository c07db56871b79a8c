/** Reads a body as text without ever holding more than a byte limit in memory. */

/**
 * The UTF-8 text of `source`, or null when it declares or turns out to be larger than `maxBytes`.
 *
 * An uncompressed body with a valid Content-Length within the limit is read natively in one go: on a
 * message from the network the HTTP layer delivers exactly the declared bytes, so the read is bounded.
 * Any other body (chunked, no length, or compressed) is pulled in as few reads as the stream allows and
 * abandoned as soon as it passes the limit.
 */
export async function readTextWithin(
	source: Request | Response,
	maxBytes: number,
): Promise<string | null> {
	const header = source.headers.get('content-length');
	const declared = header === null ? Number.NaN : Number(header);
	if (declared > maxBytes) {
		await source.body?.cancel();
		return null;
	}
	if (!source.body) return '';
	// A compressed body may inflate past its declared length: it is pulled chunk by chunk instead.
	const encoding = source.headers.get('content-encoding');
	const identity = encoding === null || encoding.trim().toLowerCase() === 'identity';
	if (identity && Number.isSafeInteger(declared) && declared >= 0) {
		// Decoded from bytes rather than with .text(): workerd warns when .text() reads a form body.
		const text = new TextDecoder().decode(await source.arrayBuffer());
		// A string is never longer in UTF-16 units than in UTF-8 bytes: this catches a body that
		// outgrew its declared length (only possible for a message built in-process).
		return text.length > maxBytes ? null : text;
	}
	return readChunked(source.body, maxBytes);
}

/** A request body as text: too large, or broken off (the client went away mid-body) are the caller's mistakes. */
export type RequestText =
	{ ok: true; text: string } | { ok: false; reason: 'too_large' | 'broken' };

/** readTextWithin for a request body: never throws, so an aborted upload is a 4xx and no logged error. */
export async function readRequestText(request: Request, maxBytes: number): Promise<RequestText> {
	try {
		const text = await readTextWithin(request, maxBytes);
		return text === null ? { ok: false, reason: 'too_large' } : { ok: true, text };
	} catch {
		return { ok: false, reason: 'broken' };
	}
}

/** First buffer of a length-less body: most eDesk answers fit, so they take one read. */
const FIRST_BUFFER_BYTES = 64 * 1024;

async function readChunked(
	body: ReadableStream<Uint8Array>,
	maxBytes: number,
): Promise<string | null> {
	let reader: ReadableStreamBYOBReader;
	try {
		reader = body.getReader({ mode: 'byob' });
	} catch {
		// Not a byte stream (one built in-process): pull whatever chunks it yields.
		return readDefault(body.getReader(), maxBytes);
	}
	// workerd's readAtLeast fills the whole free part of the buffer unless the stream ends first, so a
	// body is a handful of reads, not one per network chunk. The buffer grows up to maxBytes + 1.
	let buffer = new Uint8Array(Math.min(FIRST_BUFFER_BYTES, maxBytes + 1));
	let filled = 0;
	for (;;) {
		if (filled === buffer.byteLength) {
			if (filled > maxBytes) {
				await reader.cancel();
				return null;
			}
			const grown = new Uint8Array(Math.min(buffer.byteLength * 2, maxBytes + 1));
			grown.set(buffer);
			buffer = grown;
		}
		const free = new Uint8Array(buffer.buffer, filled);
		const { done, value } = await reader.readAtLeast(free.byteLength, free);
		if (value) {
			// A BYOB read transfers the buffer: the data now lives in value.buffer.
			buffer = new Uint8Array(value.buffer);
			filled += value.byteLength;
		}
		// readAtLeast comes back short only when the stream has ended: no further read needed.
		if (done || !value || value.byteLength < free.byteLength) break;
	}
	reader.releaseLock();
	return new TextDecoder().decode(buffer.subarray(0, filled));
}

async function readDefault(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	maxBytes: number,
): Promise<string | null> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
	const all = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		all.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return new TextDecoder().decode(all);
}
