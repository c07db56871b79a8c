/** validateArgs: issues name the field and what is allowed; defaults are applied on success. */
import { describe, expect, it } from 'vitest';
import { findTool } from '../../../worker/tools/catalog';
import type { ToolSpec } from '../../../worker/tools/tool-spec';
import { validateArgs } from '../../../worker/tools/validate-args';

function tool(name: string): ToolSpec {
	const spec = findTool(name);
	if (spec === undefined) throw new Error(`no tool ${name}`);
	return spec;
}

function issuesOf(name: string, args: unknown): { field: string; message: string }[] {
	const result = validateArgs(tool(name), args);
	if (result.ok) throw new Error('expected validation to fail');
	return result.issues;
}

describe('validateArgs', () => {
	it('accepts valid arguments and fills the defaults: page size, newest first', () => {
		const result = validateArgs(tool('list_all_e_desk_tickets'), { filter_status_equals: 'Open' });
		expect(result).toEqual({
			ok: true,
			value: {
				filter_status_equals: 'Open',
				order_by: 'created_at',
				order_direction: 'desc',
				limit: 10,
			},
		});
	});

	it('treats missing arguments as an empty object', () => {
		expect(validateArgs(tool('get_single_e_desk_me'), undefined)).toEqual({ ok: true, value: {} });
	});

	it('names the field and the allowed values for a bad enum', () => {
		expect(
			issuesOf('create_a_e_desk_ticket', { subject: 's', channel_id: 1, status: 'Unread' }),
		).toEqual([
			{
				field: 'status',
				message: 'status: must be one of Scheduled, Spam, Archived, Open, Pending, Closed',
			},
		]);
	});

	it('names the field and the expected type for a wrong type', () => {
		expect(issuesOf('get_single_e_desk_ticket_by_id', { id: '42' })).toEqual([
			{ field: 'id', message: 'id: must be an integer (got string)' },
		]);
	});

	it('reports a missing required field', () => {
		expect(issuesOf('create_a_e_desk_order_note', { text: 'hi' })).toEqual([
			{ field: 'sales_order_id', message: 'sales_order_id: is required' },
		]);
	});

	it('reports an unknown extra field and lists the allowed ones', () => {
		expect(
			issuesOf('update_a_e_desk_order_note_by_id', { id: 1, text: 'x', colour: 'red' }),
		).toEqual([
			{
				field: 'colour',
				message: 'colour: is not a known argument; allowed: id, text, sales_order_id',
			},
		]);
	});

	it('says when a tool takes no arguments at all', () => {
		const none = {
			inputSchema: { type: 'object' as const, properties: {}, additionalProperties: false },
		};
		const result = validateArgs(none, { id: 1 });
		expect(result.ok ? undefined : result.issues[0]?.message).toBe(
			'id: is not a known argument; this tool takes no arguments',
		);
	});

	it('locates nested problems with a readable path and reports every issue', () => {
		const issues = issuesOf('create_a_e_desk_message', {
			ticket_id: 1,
			type: 'Message',
			body: 'Hello',
			attachments: [{ name: 'a.pdf', url: 'https://x/a.pdf' }, { name: 'b.pdf' }],
			direction: 'Sideways',
		});
		expect(issues).toEqual(
			expect.arrayContaining([
				{ field: 'attachments[1].url', message: 'attachments[1].url: is required' },
				{ field: 'direction', message: 'direction: must be one of Incoming, Outgoing' },
			]),
		);
		expect(issues).toHaveLength(2);
	});

	it('enforces the page size range', () => {
		expect(issuesOf('list_all_e_desk_users', { limit: 500 })).toEqual([
			{ field: 'limit', message: 'limit: must be <= 100' },
		]);
	});

	it('rejects arguments that are not an object', () => {
		expect(issuesOf('list_all_e_desk_users', [1])).toEqual([
			{ field: 'arguments', message: 'arguments: must be an object' },
		]);
	});
});

describe('validateArgs with text that is not valid Unicode', () => {
	it('names the argument holding a lone surrogate instead of failing', () => {
		const spec = findTool('create_a_e_desk_order_note')!;
		const bad = validateArgs(spec, { sales_order_id: 1, text: 'a\uD800b' });
		expect(bad).toEqual({
			ok: false,
			issues: [
				{ field: 'text', message: 'text: must be valid Unicode text (it holds a lone surrogate)' },
			],
		});
		const badKey = validateArgs(spec, { sales_order_id: 1, text: 'x', ['\uDC00']: 1 });
		expect(badKey.ok).toBe(false);
		expect(validateArgs(spec, { sales_order_id: 1, text: 'emoji \uD83D\uDE00 ok' }).ok).toBe(true);
	});
});

// Regression: `1e999` reached eDesk as DELETE /v1/tags/-Infinity, and
// ids above 2^53 were rounded to another record.
describe('validateArgs with numbers JSON cannot carry exactly', () => {
	const spec = () => findTool('delete_a_e_desk_tag_by_id')!;

	it.each([Infinity, -Infinity, NaN])('refuses %s', (id) => {
		expect(validateArgs(spec(), { id })).toEqual({
			ok: false,
			issues: [{ field: 'id', message: 'id: must be a finite number' }],
		});
	});

	it.each([9007199254740992, -9007199254740992, 1e20])('refuses the unsafe integer %s', (id) => {
		expect(validateArgs(spec(), { id })).toEqual({
			ok: false,
			issues: [
				{
					field: 'id',
					message:
						'id: must be between -9007199254740991 and 9007199254740991 (larger integers lose precision)',
				},
			],
		});
	});

	it('accepts the largest safe integer, and finds an unsafe one deep in a body', () => {
		expect(validateArgs(spec(), { id: 9007199254740991 }).ok).toBe(true);
		const order = findTool('create_a_e_desk_sales_order_tracking_link')!;
		const deep = validateArgs(order, {
			id: 1,
			tracking_links: [
				{ tracking_link: 'x', tracking_carrier_name: 'y' },
				{ tracking_link: Infinity },
			],
		});
		expect(deep).toEqual({
			ok: false,
			issues: [
				{
					field: 'tracking_links[1].tracking_link',
					message: 'tracking_links[1].tracking_link: must be a finite number',
				},
			],
		});
	});
});
