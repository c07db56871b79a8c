/** Bounded body reads: a large eDesk page or request body is never held beyond the limit. */
import { describe, expect, it } from 'vitest';
import { readTextWithin } from '../../../worker/lib/read-limited';

/** A response streaming `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number): { response: Response; pulled: () => number } {
	let pulled = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled >= chunks) return controller.close();
			pulled += 1;
			controller.enqueue(new Uint8Array(size).fill(120));
		},
	});
	return { response: new Response(body), pulled: () => pulled };
}

describe('readTextWithin', () => {
	it('reads a body within the limit', async () => {
		const { response } = streamed(4, 1024);
		expect((await readTextWithin(response, 8192))?.length).toBe(4096);
	});

	it('stops pulling as soon as the limit is passed', async () => {
		const { response, pulled } = streamed(10_000, 64 * 1024);
		expect(await readTextWithin(response, 1024 * 1024)).toBeNull();
		expect(pulled()).toBeLessThanOrEqual(18);
	});

	it('refuses a declared Content-Length over the limit without reading', async () => {
		const { response, pulled } = streamed(10, 1024);
		const declared = new Response(response.body, { headers: { 'content-length': String(10 * 1024 * 1024) } });
		expect(await readTextWithin(declared, 1024 * 1024)).toBeNull();
		expect(pulled()).toBeLessThanOrEqual(1);
	});
});
