/** Which servers get ChatGPT's `search` and `fetch`, and the pure pieces of their records (typed ids, HTML to text, the url rule). */
import { describe, expect, it } from 'vitest';
import { TOOL_CATALOG } from '../../worker/tools/catalog';
import { htmlToText, parseTypedId, ticketUrl } from '../../worker/tools/chatgpt/records';
import { filterTools } from '../../worker/tools/filter-tools';

const chatgpt = (methods: string[], tags: string[] = []) =>
	filterTools(TOOL_CATALOG, { methods, tags }).filter(
		(t) => t.name === 'search' || t.name === 'fetch',
	);
const names = (methods: string[], tags: string[] = []): string[] =>
	chatgpt(methods, tags).map((t) => t.name);

describe('the servers that have search and fetch', () => {
	it('every server that keeps reads: search is a list, fetch a get', () => {
		expect(names(['read'])).toEqual(['search', 'fetch']);
		expect(names(['read', 'write'])).toEqual(['search', 'fetch']);
		expect(names(['list'])).toEqual(['search']);
		expect(names(['get'])).toEqual(['fetch']);
	});

	it('no server without reads', () => {
		expect(names(['create'])).toEqual([]);
		expect(names(['write'])).toEqual([]);
	});

	it('tags: kept when they name tickets or orders, left out otherwise', () => {
		expect(names(['read'], ['tickets'])).toEqual(['search', 'fetch']);
		expect(names(['read'], ['orders'])).toEqual(['search', 'fetch']);
		expect(names(['read'], ['tickets', 'orders'])).toEqual(['search', 'fetch']);
		expect(names(['read'], ['customer-facing', 'tickets'])).toEqual(['search', 'fetch']);
		expect(names(['read'], ['templates'])).toEqual([]);
		expect(names(['read'], ['account', 'tags'])).toEqual([]);
	});

	it('under a tag naming only one side, a form of the tools that reads only that side', () => {
		const whole = chatgpt(['read']);
		expect(chatgpt(['read'], ['tickets', 'orders'])).toEqual(whole);
		expect(chatgpt(['read'], ['tickets', 'orders'])[0]).toBe(whole[0]);
		const tickets = chatgpt(['read'], ['tickets']);
		const orders = chatgpt(['read'], ['orders']);
		for (const scoped of [tickets, orders]) {
			expect(scoped[0]).not.toBe(whole[0]);
			expect(scoped[1]).not.toBe(whole[1]);
			// tools/list shows the same tool either way.
			expect(scoped.map(({ run: _, ...listed }) => listed)).toEqual(
				whole.map(({ run: _, ...listed }) => listed),
			);
		}
		// The same config gets the same objects (tools/list results are cached per tool set).
		expect(chatgpt(['read'], ['tickets'])[0]).toBe(tickets[0]);
	});
});

describe('typed ids', () => {
	it('reads ticket:<n> and sales_order:<n> only', () => {
		expect(parseTypedId('ticket:701581498')).toEqual({ kind: 'ticket', id: '701581498' });
		expect(parseTypedId(' sales_order:3777826195 ')).toEqual({
			kind: 'sales_order',
			id: '3777826195',
		});
		// int64 ids stay digits, never a rounded JS number.
		expect(parseTypedId('ticket:9223372036854775807')?.id).toBe('9223372036854775807');
		for (const bad of ['701581498', 'ticket:0', 'ticket:-1', 'ticket:1.5', 'order:1', 'ticket:'])
			expect(parseTypedId(bad), bad).toBeUndefined();
	});
});

describe('htmlToText', () => {
	it('drops tags, keeps paragraphs apart and decodes entities', () => {
		expect(htmlToText('<p>Hi Daniel,</p><p>your tent &amp; footprint&nbsp;ship today.</p>')).toBe(
			'Hi Daniel,\nyour tent & footprint ship today.',
		);
		expect(htmlToText('line<br/>next<ul><li>one</li><li>two</li></ul>')).toBe(
			'line\nnext\n- one\n- two',
		);
		expect(
			htmlToText('<style>p{}</style><script>x()</script><!-- c -->&#8217;&#x2019;&bogus;'),
		).toBe('’’&bogus;');
		expect(htmlToText('plain text stays')).toBe('plain text stays');
	});
});

describe('the url of a ticket', () => {
	it("is exactly eDesk's uri when it is an absolute http(s) URL, else empty", () => {
		const uri = 'https://app.edesk.com/tickets/701581498';
		expect(ticketUrl({ uri })).toBe(uri);
		expect(ticketUrl({})).toBe('');
		expect(ticketUrl({ uri: '/tickets/1' })).toBe('');
		expect(ticketUrl({ uri: 'javascript:alert(1)' })).toBe('');
		expect(ticketUrl(undefined)).toBe('');
	});
});
