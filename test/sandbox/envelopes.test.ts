/** Envelopes and pagination of the sandbox (edesk-api.md §3, §8.2). */
import { beforeEach, describe, expect, it } from 'vitest';
import {
	call,
	callJson,
	resetSandbox,
	TIMESTAMP_RE,
	type DataBody,
	type ListBody,
} from './helpers';

beforeEach(resetSandbox);

type Row = { id: number; created_at: string; last_updated_at: string | null };

describe('single-object envelope', () => {
	it('wraps a get in {data} with no paginator', async () => {
		const { status, body, res } = await callJson<DataBody & { paginator?: unknown }>(
			'/tickets/701581498',
		);
		expect(status).toBe(200);
		expect(res.headers.get('Content-Type')).toBe('application/json');
		expect(body.data).toMatchObject({ id: 701581498, status: 'Open' });
		expect(body.paginator).toBeUndefined();
	});

	it('sends Content-Length in UTF-8 bytes, as an HTTP server does, also through a binding', async () => {
		const res = await call('/tickets?itemsPerPage=100');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(Number(res.headers.get('Content-Length'))).toBe(bytes.byteLength);
		// The seeded data holds non-ASCII text, so bytes and UTF-16 units differ.
		expect(new TextDecoder().decode(bytes).length).toBeLessThan(bytes.byteLength);
	});

	it('emits UTC "YYYY-MM-DD HH:MM:SS" timestamps and ids above 2^32 as integers', async () => {
		const { body } =
			await callJson<DataBody<{ created_at: string; contact_id: number; sales_order_id: number }>>(
				'/tickets/701581498',
			);
		expect(body.data.created_at).toMatch(TIMESTAMP_RE);
		expect(body.data.contact_id).toBe(3478494326);
		expect(body.data.sales_order_id).toBe(3777826195);
	});
});

describe('list envelope and pagination', () => {
	it('defaults to page 1 of 20, ordered by id asc, with the total count', async () => {
		const { body } = await callJson<ListBody<Row>>('/tickets');
		expect(body.paginator).toEqual({ currentPage: 1, itemsPerPage: 20, totalItemsCount: 16 });
		const ids = body.data.map((t) => t.id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
	});

	it('honours page and itemsPerPage', async () => {
		const all = await callJson<ListBody<Row>>('/tickets?itemsPerPage=100');
		const { body } = await callJson<ListBody<Row>>('/tickets?page=2&itemsPerPage=5');
		expect(body.paginator).toEqual({ currentPage: 2, itemsPerPage: 5, totalItemsCount: 16 });
		expect(body.data.map((t) => t.id)).toEqual(all.body.data.slice(5, 10).map((t) => t.id));
	});

	it('caps itemsPerPage at 100', async () => {
		const { body } = await callJson<ListBody>('/tickets?itemsPerPage=500');
		expect(body.paginator.itemsPerPage).toBe(100);
	});

	it('ignores per_page and limit', async () => {
		const { body } = await callJson<ListBody>('/tickets?per_page=2&limit=3');
		expect(body.paginator.itemsPerPage).toBe(20);
		expect(body.data).toHaveLength(16);
	});

	it('treats empty query values as absent', async () => {
		const { status, body } = await callJson<ListBody>('/tickets?filter_contact_id_equals=&page=');
		expect(status).toBe(200);
		expect(body.paginator).toEqual({ currentPage: 1, itemsPerPage: 20, totalItemsCount: 16 });
	});

	it('returns data [] for a page past the end', async () => {
		const { status, body } = await callJson<ListBody>('/tickets?page=9&itemsPerPage=10');
		expect(status).toBe(200);
		expect(body).toEqual({
			data: [],
			paginator: { currentPage: 9, itemsPerPage: 10, totalItemsCount: 16 },
		});
	});

	it('counts totalItemsCount after filters', async () => {
		const { body } = await callJson<ListBody>(
			'/tickets?filter_status_equals=Closed&itemsPerPage=2',
		);
		expect(body.paginator.totalItemsCount).toBe(7);
		expect(body.data).toHaveLength(2);
	});

	it('sorts by order_by and order_direction', async () => {
		const { body } = await callJson<ListBody<Row>>(
			'/tickets?order_by=created_at&order_direction=desc',
		);
		const created = body.data.map((t) => t.created_at);
		expect(created).toEqual([...created].sort().reverse());
	});

	it('rejects an unknown order_by with 4007', async () => {
		const { status, body } = await callJson('/tickets?order_by=subject');
		expect(status).toBe(400);
		expect(body).toEqual({
			error: {
				httpCode: 400,
				message: 'Validation failed',
				details: { order_by: { errorCode: '4007' } },
			},
		});
	});
});

describe('delete confirmation', () => {
	it('is the live top-level {ok, message} shape without data', async () => {
		const { status, body } = await callJson('/tags/4410053', { method: 'DELETE' });
		expect(status).toBe(200);
		expect(body).toEqual({ ok: true, message: 'Tag deleted' });
	});
});
