/**
 * The record shapes of schemas/resources (what `fields` may name) cover every field eDesk returns:
 * each get and list tool's answer from the sandbox is walked key by key against its tool's record.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOOL_CATALOG } from '../../worker/tools/catalog';
import type { RecordShape } from '../../worker/tools/tool-spec';
import { resetSandbox } from '../helpers/mcp';

/** An id of the sandbox's seed for each path parameter of a get tool. */
const SEED_PATHS: Record<string, string> = {
	get_single_e_desk_ticket_by_id: '/tickets/701581498',
	get_single_e_desk_message_by_id: "/messages/<the workflow ticket's first message>",
	get_single_e_desk_sales_order_by_id: '/sales-orders/3777826195',
	get_single_e_desk_sales_order_tracking_link_by_id: '/sales-orders-tracking-links/3777826195',
	get_single_e_desk_order_note_by_id: '/order-notes/<the first order note>',
	get_single_e_desk_tag_by_id: '/tags/4410021',
	get_single_e_desk_template_by_id: '/templates/913301',
	get_single_e_desk_me: '/whoami',
};

async function edesk(path: string): Promise<unknown> {
	const response = await env.EDESK_SANDBOX!.fetch(`http://edesk-sandbox.local/v1${path}`, {
		headers: { authorization: 'Bearer sandbox-read-only', accept: 'application/json' },
	});
	expect(response.status, path).toBe(200);
	return ((await response.json()) as { data: unknown }).data;
}

/** Paths of `value` that `shape` does not declare. */
function undeclared(value: unknown, shape: RecordShape | undefined, at: string): string[] {
	if (Array.isArray(value)) {
		return value.flatMap((item) => undeclared(item, shape?.items, `${at}[]`));
	}
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, child]) => {
		const declared = shape?.properties?.[key];
		return declared ? undeclared(child, declared, `${at}.${key}`) : [`${at}.${key}`];
	});
}

beforeAll(async () => {
	await resetSandbox();
	// Message and order-note ids are assigned by the seed: read them from the records that name them.
	const ticket = (await edesk('/tickets/701581498')) as { messages_ids: number[] };
	SEED_PATHS['get_single_e_desk_message_by_id'] = `/messages/${ticket.messages_ids[0]}`;
	const notes = (await edesk('/order-notes?itemsPerPage=1')) as { id: number }[];
	SEED_PATHS['get_single_e_desk_order_note_by_id'] = `/order-notes/${notes[0]?.id}`;
});

describe('record shapes', () => {
	// The tools derived from schemas/ (ChatGPT's hand-written search and fetch have no record).
	const reads = TOOL_CATALOG.filter((t) => (t.method === 'get' || t.method === 'list') && !t.run);

	it('exist for every get and list tool', () => {
		expect(reads.length).toBeGreaterThan(15);
		for (const tool of reads) expect(tool.record?.type, tool.name).toBe('object');
		for (const tool of reads.filter((t) => t.method === 'get')) {
			expect(SEED_PATHS[tool.name], `a seed path for ${tool.name}`).toBeDefined();
		}
	});

	it.each(reads.map((t) => [t.name, t] as const))('cover every field of %s', async (_, tool) => {
		const path =
			tool.method === 'list' ? `${tool.upstream.path}?itemsPerPage=100` : SEED_PATHS[tool.name];
		const data = await edesk(path ?? '');
		const records = tool.method === 'list' ? (data as unknown[]) : [data];
		expect(records.length, tool.name).toBeGreaterThan(0);
		expect(records.flatMap((r) => undeclared(r, tool.record, tool.resource))).toEqual([]);
	});
});
