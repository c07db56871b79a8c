/** Reads a body as text without ever holding more than a byte limit in memory. */

/** The UTF-8 text of `source`, or null when it declares or turns out to be larger than `maxBytes`. */
export async function readTextWithin(source: Request | Response, maxBytes: number): Promise<string | null> {
	const declared = Number(source.headers.get('content-length') ?? '0');
	if (declared > maxBytes) {
		await source.body?.cancel();
		return null;
	}
	if (!source.body) return '';
	const reader = source.body.getReader();
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
	const all = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		all.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return new TextDecoder().decode(all);
}
