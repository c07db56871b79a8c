/** deriveTools on the real schemas and on small synthetic resources: doc records gate tools, names, collisions, array bodies. */
import { describe, expect, it } from 'vitest';
import ticketsDocs from '../../../schemas/docs/tickets.json';
import tickets from '../../../schemas/resources/tickets.json';
import { deriveTools } from '../../../worker/tools/derive-tools';
import type { DocRecords, ResourceDefinition } from '../../../worker/tools/tool-spec';

const WIDGETS: ResourceDefinition = {
	resource: 'widgets',
	singular: 'widget',
	plural: 'widgets',
	tags: ['shop'],
	record: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
	methods: {
		list: {
			operation_id: 'listWidgets',
			http_method: 'GET',
			path: '/widgets',
			query: {
				properties: {
					limit: { type: 'integer', description: 'Upstream limit' },
					colour: { type: 'string', description: 'Colour' },
				},
				required: ['colour'],
			},
		},
		update: {
			operation_id: 'updateWidget',
			http_method: 'PUT',
			path: '/widgets/{id}',
			tags: ['write', 'shop'],
			path_params: { id: { type: 'integer', description: 'Widget id' } },
			query: { properties: { dry_run: { type: 'boolean', description: 'Dry run' } } },
			body: {
				type: 'object',
				properties: {
					id: { type: 'integer', description: 'New id' },
					dry_run: { type: 'boolean', description: 'Body flag' },
					name: { type: 'string', description: 'Name' },
				},
				required: ['id', 'name'],
			},
			upstream_names: { name: 'widgetName' },
		},
		create: {
			operation_id: 'bulkCreateWidgets',
			http_method: 'POST',
			path: '/widgets/bulk',
			body: {
				type: 'array',
				items: { type: 'object', properties: { name: { type: 'string', description: 'Name' } } },
				description: 'Widgets',
			},
		},
	},
};
const WIDGET_DOCS: DocRecords = {
	widgets: {
		list: { description: 'List widgets.' },
		update: { description: 'Update a widget.' },
		create: { description: 'Create widgets; tells the customer.', reaches_customer: true },
	},
};

describe('deriveTools', () => {
	it('yields one tool per documented operation and drops exactly the undocumented one', () => {
		const all = deriveTools([tickets], { tickets: ticketsDocs });
		const { update: _removed, ...rest } = ticketsDocs;
		const without = deriveTools([tickets], { tickets: rest });
		expect(all.map((t) => t.name)).toHaveLength(5);
		expect(all.map((t) => t.name).filter((n) => !without.some((t) => t.name === n))).toEqual([
			'update_a_e_desk_ticket_by_id',
		]);
		expect(deriveTools([tickets], {})).toEqual([]);
	});

	it('names tools Truto style, adding _by_id only when the path has {id}', () => {
		const names = deriveTools([WIDGETS], WIDGET_DOCS).map((t) => t.name);
		expect(names).toEqual([
			'list_all_e_desk_widgets',
			'create_a_e_desk_widget',
			'update_a_e_desk_widget_by_id',
		]);
		const me: ResourceDefinition = {
			resource: 'me',
			singular: 'me',
			plural: 'me',
			tags: ['account'],
			record: { type: 'object', properties: { user: { type: 'object' } } },
			methods: { get: { operation_id: 'whoami', http_method: 'GET', path: '/whoami' } },
		};
		expect(deriveTools([me], { me: { get: { description: 'Who am I.' } } })[0]?.name).toBe(
			'get_single_e_desk_me',
		);
	});

	it('renames a query param that collides with a paging argument to query_<name>', () => {
		const [list] = deriveTools([WIDGETS], WIDGET_DOCS);
		expect(Object.keys(list?.inputSchema.properties ?? {})).toEqual([
			'query_limit',
			'colour',
			'fields',
			'limit',
			'next_cursor',
		]);
		expect(list?.inputSchema.required).toEqual(['colour']);
		expect(list?.upstream.params).toEqual({
			query_limit: { in: 'query', name: 'limit' },
			colour: { in: 'query', name: 'colour' },
		});
	});

	it('lets path win over query and query over body, prefixing body collisions with body_', () => {
		const update = deriveTools([WIDGETS], WIDGET_DOCS)[2];
		expect(update?.inputSchema).toMatchObject({
			type: 'object',
			required: ['id', 'body_id', 'name'],
			additionalProperties: false,
		});
		expect(Object.keys(update?.inputSchema.properties ?? {})).toEqual([
			'id',
			'dry_run',
			'body_id',
			'body_dry_run',
			'name',
		]);
		expect(update?.inputSchema.properties['body_id']).toEqual({
			type: 'integer',
			description: 'New id',
		});
		expect(update?.upstream.params).toEqual({
			id: { in: 'path', name: 'id' },
			dry_run: { in: 'query', name: 'dry_run' },
			body_id: { in: 'body', name: 'id' },
			body_dry_run: { in: 'body', name: 'dry_run' },
			name: { in: 'body', name: 'widgetName' },
		});
		expect(update?.tags).toEqual(['shop', 'write']);
	});

	it('wraps a root-array body under the required argument body', () => {
		const create = deriveTools([WIDGETS], WIDGET_DOCS)[1];
		expect(create?.inputSchema.properties['body']).toMatchObject({
			type: 'array',
			description: 'Widgets',
		});
		expect(create?.inputSchema.required).toEqual(['body']);
		expect(create?.upstream).toMatchObject({
			bodyRoot: 'array',
			bodyEncoding: 'json',
			params: { body: { in: 'body' } },
		});
	});

	it('marks a customer-reaching create destructive and open-world', () => {
		expect(deriveTools([WIDGETS], WIDGET_DOCS)[1]?.annotations).toEqual({
			readOnlyHint: false,
			destructiveHint: true,
			idempotentHint: false,
			openWorldHint: true,
		});
	});

	it('gives get and list tools `fields` and their record, and refuses one without a record', () => {
		const tools = deriveTools([WIDGETS], WIDGET_DOCS);
		const list = tools.find((t) => t.method === 'list');
		expect(list?.inputSchema.properties['fields']).toMatchObject({ type: 'string' });
		expect(list?.record).toEqual(WIDGETS.record);
		for (const t of tools.filter((x) => x.method !== 'list')) {
			expect(t.inputSchema.properties, t.name).not.toHaveProperty('fields');
			expect(t.record, t.name).toBeUndefined();
		}
		const { record: _, ...bare } = WIDGETS;
		expect(() => deriveTools([bare], WIDGET_DOCS)).toThrow(/declares no record/);
	});

	it('rejects definitions whose HTTP method or path params do not fit', () => {
		const badMethod: ResourceDefinition = {
			...WIDGETS,
			methods: { list: { operation_id: 'x', http_method: 'POST', path: '/widgets' } },
		};
		expect(() => deriveTools([badMethod], WIDGET_DOCS)).toThrow(/http_method POST/);
		const badPath: ResourceDefinition = {
			...WIDGETS,
			methods: { update: { operation_id: 'x', http_method: 'PUT', path: '/widgets/{widgetId}' } },
		};
		expect(() => deriveTools([badPath], WIDGET_DOCS)).toThrow(/\{widgetId\}/);
	});

	it('does not share schema objects with its input', () => {
		const [list] = deriveTools([WIDGETS], WIDGET_DOCS);
		expect(list?.inputSchema.properties['colour']).not.toBe(
			WIDGETS.methods.list?.query?.properties['colour'],
		);
	});
});
