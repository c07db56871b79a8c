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
		const declared = new Response(response.body, {
			headers: { 'content-length': String(10 * 1024 * 1024) },
		});
		expect(await readTextWithin(declared, 1024 * 1024)).toBeNull();
		expect(pulled()).toBeLessThanOrEqual(1);
	});

	it('reads a length-less native body of any size in few reads, across buffer growth', async () => {
		// A Response built from a string has no Content-Length header: the BYOB path reads it.
		const text = `${'é€'.repeat(50_000)}😀`;
		const response = new Response(text);
		expect(response.headers.get('content-length')).toBeNull();
		expect(await readTextWithin(response, 1024 * 1024)).toBe(text);
	});

	it('refuses a length-less native body one byte over the limit', async () => {
		expect(await readTextWithin(new Response('x'.repeat(200_001)), 200_000)).toBeNull();
		expect(await readTextWithin(new Response('x'.repeat(200_000)), 200_000)).toHaveLength(200_000);
	});

	it('reads a body with a Content-Length natively and refuses one that outgrows it', async () => {
		const exact = new Response('{"a":1}', { headers: { 'content-length': '7' } });
		expect(await readTextWithin(exact, 100)).toBe('{"a":1}');
		const { response } = streamed(4, 1024);
		const lying = new Response(response.body, { headers: { 'content-length': '10' } });
		expect(await readTextWithin(lying, 2048)).toBeNull();
	});

	it('pulls a compressed body chunk by chunk even when it declares a length', async () => {
		const { response, pulled } = streamed(10_000, 64 * 1024);
		const compressed = new Response(response.body, {
			headers: { 'content-length': '100', 'content-encoding': 'gzip' },
		});
		expect(await readTextWithin(compressed, 1024 * 1024)).toBeNull();
		expect(pulled()).toBeLessThanOrEqual(18);
	});
});
