/** The bundled catalogue: exact tool names, client-safe schemas, documented parameters, annotations. */
import { describe, expect, it } from 'vitest';
import { ALL_TAGS, TOOL_CATALOG, findTool } from '../../../worker/tools/catalog';
import type { JsonSchema, ToolSpec } from '../../../worker/tools/tool-spec';

const EXPECTED_NAMES = [
	'create_a_e_desk_message',
	'create_a_e_desk_order_note',
	'create_a_e_desk_order_note_attachment',
	'create_a_e_desk_sales_order',
	'create_a_e_desk_sales_order_tracking_link',
	'create_a_e_desk_tag',
	'create_a_e_desk_template',
	'create_a_e_desk_ticket',
	'delete_a_e_desk_message_by_id',
	'delete_a_e_desk_order_note_by_id',
	'delete_a_e_desk_sales_order_by_id',
	'delete_a_e_desk_sales_order_tracking_link_by_id',
	'delete_a_e_desk_tag_by_id',
	'delete_a_e_desk_template_by_id',
	'delete_a_e_desk_ticket_by_id',
	'fetch',
	'get_single_e_desk_me',
	'get_single_e_desk_message_by_id',
	'get_single_e_desk_order_note_by_id',
	'get_single_e_desk_sales_order_by_id',
	'get_single_e_desk_sales_order_tracking_link_by_id',
	'get_single_e_desk_tag_by_id',
	'get_single_e_desk_template_by_id',
	'get_single_e_desk_ticket_by_id',
	'list_all_e_desk_channels',
	'list_all_e_desk_contacts',
	'list_all_e_desk_order_notes',
	'list_all_e_desk_sales_orders',
	'list_all_e_desk_tag_groups',
	'list_all_e_desk_tags',
	'list_all_e_desk_templates',
	'list_all_e_desk_tickets',
	'list_all_e_desk_users',
	'search',
	'update_a_e_desk_message_by_id',
	'update_a_e_desk_order_note_by_id',
	'update_a_e_desk_sales_order_by_id',
	'update_a_e_desk_sales_order_tracking_link_by_id',
	'update_a_e_desk_tag_by_id',
	'update_a_e_desk_template_by_id',
	'update_a_e_desk_ticket_by_id',
	'update_a_e_desk_ticket_data_by_id',
];

/** Every schema node below `schema`, with a readable location. */
function* walk(schema: JsonSchema, at: string): Generator<[string, JsonSchema]> {
	yield [at, schema];
	const items = schema['items'];
	if (typeof items === 'object' && items !== null && !Array.isArray(items)) {
		yield* walk(items as JsonSchema, `${at}[]`);
	}
	const props = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
	for (const [name, sub] of Object.entries(props)) yield* walk(sub, `${at}.${name}`);
}

function tool(name: string): ToolSpec {
	const spec = findTool(name);
	if (spec === undefined) throw new Error(`no tool ${name}`);
	return spec;
}

describe('TOOL_CATALOG', () => {
	it('holds exactly the 40 eDesk tools and ChatGPT search and fetch', () => {
		expect(TOOL_CATALOG.map((t) => t.name).sort()).toEqual(EXPECTED_NAMES);
	});

	it('puts the hand-written search and fetch last, after every derived tool', () => {
		expect(TOOL_CATALOG.slice(-2).map((t) => t.name)).toEqual(['search', 'fetch']);
		expect(TOOL_CATALOG.filter((t) => t.run !== undefined)).toEqual(TOOL_CATALOG.slice(-2));
	});

	it("gives search and fetch OpenAI's single string argument and read-only annotations", () => {
		for (const [name, arg, method] of [
			['search', 'query', 'list'],
			['fetch', 'id', 'get'],
		] as const) {
			const t = tool(name);
			expect(t.method).toBe(method);
			expect(Object.keys(t.inputSchema.properties)).toEqual([arg]);
			expect(t.inputSchema.properties[arg]).toMatchObject({ type: 'string' });
			expect(t.inputSchema.required).toEqual([arg]);
			// As every other read tool: destructiveHint and idempotentHint mean something only for writes.
			expect(t.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
			expect(t.tags).toEqual(['tickets', 'orders']);
		}
	});

	it('gives every tool a client-safe name', () => {
		for (const t of TOOL_CATALOG) expect(t.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
	});

	it('gives every tool a flat object inputSchema without combinators, refs or tuples', () => {
		for (const t of TOOL_CATALOG) {
			const s = t.inputSchema as unknown as JsonSchema;
			expect(s['type'], t.name).toBe('object');
			expect(s['additionalProperties'], t.name).toBe(false);
			for (const k of ['oneOf', 'anyOf', 'allOf', 'not', 'if'])
				expect(s, t.name).not.toHaveProperty(k);
			for (const [at, node] of walk(s, t.name)) {
				for (const k of ['$ref', '$defs', 'definitions']) expect(node, at).not.toHaveProperty(k);
				expect(Array.isArray(node['items']), `${at} tuple items`).toBe(false);
			}
			for (const name of t.inputSchema.required ?? [])
				expect(t.inputSchema.properties, t.name).toHaveProperty(name);
		}
	});

	it('documents every tool and every property, recursively', () => {
		for (const t of TOOL_CATALOG) {
			expect(t.description.length, t.name).toBeGreaterThan(5);
			for (const [at, node] of walk(t.inputSchema as unknown as JsonSchema, t.name)) {
				if (at === t.name || at.endsWith('[]')) continue;
				expect(typeof node['description'], `${at} description`).toBe('string');
				expect((node['description'] as string).length, `${at} description`).toBeGreaterThan(0);
			}
		}
	});

	it('adds limit and next_cursor to derived list tools only', () => {
		for (const t of TOOL_CATALOG) {
			const props = t.inputSchema.properties;
			if (t.method === 'list' && t.run === undefined) {
				expect(props['limit'], t.name).toMatchObject({
					type: 'integer',
					minimum: 1,
					maximum: 100,
					default: 10,
				});
				expect(props['next_cursor'], t.name).toMatchObject({ type: 'string' });
			} else {
				expect(props, t.name).not.toHaveProperty('limit');
				expect(props, t.name).not.toHaveProperty('next_cursor');
			}
			expect(props, t.name).not.toHaveProperty('page');
			expect(props, t.name).not.toHaveProperty('itemsPerPage');
		}
	});

	it('annotates reads as read-only and closed-world (destructive and idempotent hints apply to writes only)', () => {
		const derived = TOOL_CATALOG.filter((x) => x.run === undefined);
		for (const t of derived.filter((x) => x.method === 'get' || x.method === 'list')) {
			expect(t.annotations, t.name).toEqual({ readOnlyHint: true, openWorldHint: false });
			expect(t.upstream.method, t.name).toBe('GET');
		}
	});

	it('annotates writes by method, with only the customer-facing message open-world', () => {
		for (const t of TOOL_CATALOG.filter((x) => x.method !== 'get' && x.method !== 'list')) {
			const customer = t.name === 'create_a_e_desk_message';
			expect(t.annotations, t.name).toEqual({
				readOnlyHint: false,
				destructiveHint: t.method === 'delete' || customer,
				idempotentHint: t.method !== 'create',
				openWorldHint: customer,
			});
		}
	});

	it('maps path ids and the multipart attachment upload upstream', () => {
		expect(tool('update_a_e_desk_ticket_data_by_id').upstream).toMatchObject({
			method: 'PUT',
			path: '/tickets/{id}/data',
			params: {
				id: { in: 'path', name: 'id' },
				custom_fields: { in: 'body', name: 'custom_fields' },
			},
		});
		expect(tool('get_single_e_desk_me').upstream).toMatchObject({
			method: 'GET',
			path: '/whoami',
			params: {},
		});
		expect(tool('create_a_e_desk_order_note_attachment').upstream).toMatchObject({
			method: 'POST',
			path: '/order-notes/{id}/attachments',
			bodyEncoding: 'multipart',
			params: {
				files: { in: 'body', name: 'attachments[]' },
				attachment_type: { in: 'body', name: 'attachmentType' },
			},
		});
		expect(tool('delete_a_e_desk_sales_order_tracking_link_by_id').upstream.path).toBe(
			'/sales-orders-tracking-links/{id}',
		);
	});

	it('uses the narrow ticket status set on create and the wide one on list and update', () => {
		const narrow = ['Scheduled', 'Spam', 'Archived', 'Open', 'Pending', 'Closed'];
		const wide = [...narrow, 'Unread', 'Read', 'Unpriority', 'Priority'];
		expect(tool('create_a_e_desk_ticket').inputSchema.properties['status']?.['enum']).toEqual(
			narrow,
		);
		expect(tool('update_a_e_desk_ticket_by_id').inputSchema.properties['status']?.['enum']).toEqual(
			wide,
		);
		expect(
			tool('list_all_e_desk_tickets').inputSchema.properties['filter_status_equals']?.['enum'],
		).toEqual(wide);
		expect(tool('update_a_e_desk_message_by_id').inputSchema.properties['type']?.['enum']).toEqual([
			'Note',
		]);
	});

	it('lists every tag once, sorted, and finds tools by exact name', () => {
		expect(ALL_TAGS).toEqual([...new Set(TOOL_CATALOG.flatMap((t) => t.tags))].sort());
		expect(ALL_TAGS).toContain('tickets');
		expect(tool('create_a_e_desk_message').tags).toEqual(['tickets', 'customer-facing']);
		expect(findTool('list_all_e_desk_ticket')).toBeUndefined();
	});
});
