/** routeArgs: path templating, query encoding, body assembly, collision renames and root-array bodies. */
import { describe, expect, it } from 'vitest';
import { findTool } from '../../../worker/tools/catalog';
import { deriveTools } from '../../../worker/tools/derive-tools';
import { routeArgs } from '../../../worker/tools/route-args';
import type { ResourceDefinition, ToolSpec } from '../../../worker/tools/tool-spec';

function tool(name: string): ToolSpec {
	const spec = findTool(name);
	if (spec === undefined) throw new Error(`no tool ${name}`);
	return spec;
}

const GADGETS: ResourceDefinition = {
	resource: 'gadgets',
	singular: 'gadget',
	plural: 'gadgets',
	tags: ['t'],
	methods: {
		update: {
			operation_id: 'updateGadget',
			http_method: 'PUT',
			path: '/gadgets/{id}/parts',
			path_params: { id: { type: 'string', description: 'Gadget key' } },
			query: { properties: { mode: { type: 'string', description: 'Mode' } } },
			body: {
				type: 'object',
				properties: {
					id: { type: 'integer', description: 'Body id' },
					mode: { type: 'string', description: 'Body mode' },
					size: { type: 'integer', description: 'Size' },
				},
			},
		},
		create: {
			operation_id: 'createGadgets',
			http_method: 'POST',
			path: '/gadgets/{id}',
			path_params: { id: { type: 'integer', description: 'Parent id' } },
			body: {
				type: 'array',
				items: { type: 'integer', description: 'Part id' },
				description: 'Parts',
			},
		},
	},
};
const [CREATE, UPDATE] = deriveTools([GADGETS], {
	gadgets: { update: { description: 'Update.' }, create: { description: 'Create.' } },
});

describe('routeArgs', () => {
	it('puts the id in the path and the other arguments in the body of a ticket update', () => {
		const routed = routeArgs(tool('update_a_e_desk_ticket_by_id'), {
			id: 42,
			status: 'Closed',
			tag_ids: [1, 2],
		});
		expect(routed.path).toBe('/tickets/42');
		expect(routed.query.toString()).toBe('');
		expect(routed.body).toEqual({ status: 'Closed', tag_ids: [1, 2] });
	});

	it('builds the query of a list call and ignores limit and next_cursor', () => {
		const routed = routeArgs(tool('list_all_e_desk_tickets'), {
			filter_status_equals: 'Open',
			filter_contact_id_equals: 3478494326,
			limit: 5,
			next_cursor: 'abc',
		});
		expect(routed.path).toBe('/tickets');
		expect(routed.query.toString()).toBe(
			'filter_status_equals=Open&filter_contact_id_equals=3478494326',
		);
		expect(routed.body).toBeUndefined();
	});

	it('sends no body for get and delete, and an empty object for an update with no fields', () => {
		expect(routeArgs(tool('get_single_e_desk_me'), {})).toMatchObject({
			path: '/whoami',
			body: undefined,
		});
		expect(routeArgs(tool('delete_a_e_desk_tag_by_id'), { id: 7 }).body).toBeUndefined();
		expect(routeArgs(tool('update_a_e_desk_tag_by_id'), { id: 7 }).body).toEqual({});
	});

	it('maps the attachment upload to its multipart field names', () => {
		const files = [
			{ name: 'invoice.pdf', content_base64: 'JVBERi0=', content_type: 'application/pdf' },
		];
		const routed = routeArgs(tool('create_a_e_desk_order_note_attachment'), {
			id: 9,
			files,
			attachment_type: 'Invoice',
		});
		expect(routed.path).toBe('/order-notes/9/attachments');
		expect(routed.body).toEqual({ 'attachments[]': files, attachmentType: 'Invoice' });
	});

	it('URL-encodes path values and sends body_<name> arguments under their upstream name', () => {
		const routed = routeArgs(UPDATE as ToolSpec, {
			id: 'a/b c',
			mode: 'fast',
			body_id: 5,
			body_mode: 'slow',
			size: 3,
		});
		expect(routed.path).toBe('/gadgets/a%2Fb%20c/parts');
		expect(routed.query.toString()).toBe('mode=fast');
		expect(routed.body).toEqual({ id: 5, mode: 'slow', size: 3 });
	});

	it('sends the body argument of a root-array operation as the whole body', () => {
		const routed = routeArgs(CREATE as ToolSpec, { id: 1, body: [3, 4] });
		expect(routed).toMatchObject({ path: '/gadgets/1', body: [3, 4] });
	});

	it('repeats array query values and writes booleans as true/false', () => {
		const spec: ToolSpec = {
			...(UPDATE as ToolSpec),
			upstream: {
				...(UPDATE as ToolSpec).upstream,
				params: {
					id: { in: 'path', name: 'id' },
					ids: { in: 'query', name: 'ids[]' },
					open: { in: 'query', name: 'open' },
				},
			},
		};
		const routed = routeArgs(spec, { id: 'x', ids: [1, 2], open: false, unknown: 'dropped' });
		expect(routed.query.getAll('ids[]')).toEqual(['1', '2']);
		expect(routed.query.toString()).toBe('ids%5B%5D=1&ids%5B%5D=2&open=false');
		expect(routed.body).toBeUndefined();
	});
});
