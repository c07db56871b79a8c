/** Compaction of eDesk data for the model and the byte-budgeted list serialisation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteLength, compact, fitItems } from '../../../worker/tools/compact-result';

describe('compact', () => {
	it('drops null, empty strings, empty arrays and objects at every depth, keeping 0 and false', () => {
		expect(
			compact({
				a: null,
				b: '',
				c: [],
				d: {},
				e: { f: [null, '', {}] },
				g: 0,
				h: false,
				i: [1, null, 'x'],
			}),
		).toEqual({ g: 0, h: false, i: [1, 'x'] });
	});

	it('leaves out the named top-level fields only', () => {
		expect(
			compact({ sales_order: { id: 1 }, id: 2, nested: { sales_order: 3 } }, ['sales_order']),
		).toEqual({ id: 2, nested: { sales_order: 3 } });
	});

	it('keeps an own "__proto__" key as data, never as the prototype', () => {
		const out = compact(JSON.parse('{"__proto__":{"polluted":true},"id":1}')) as Record<
			string,
			unknown
		>;
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect((out as { polluted?: boolean }).polluted).toBeUndefined();
		expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"id":1}');
	});
});

describe('fitItems', () => {
	it('keeps whole items within the byte budget and always the first one', () => {
		const items = [{ t: 'é'.repeat(10) }, { t: 'a' }, { t: 'b' }];
		const first = JSON.stringify(items[0]);
		const budget = 2 + byteLength(first) + 1 + JSON.stringify(items[1]).length;
		expect(fitItems(items, budget)).toEqual({
			json: `[${first},${JSON.stringify(items[1])}]`,
			count: 2,
		});
		expect(fitItems(items, 3)).toEqual({ json: `[${first}]`, count: 1 });
	});

	it('returns exactly the JSON text of the kept items, whole page or cut', () => {
		fc.assert(
			fc.property(
				// undefined stands for an item compacted away entirely: null in the array, as in JSON.stringify.
				fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 12 }),
				fc.integer({ min: 0, max: 400 }),
				(items, budget) => {
					const { json, count } = fitItems(items, budget);
					// The text is registered as the serialisation of the kept items (structuredContent).
					expect(json).toBe(JSON.stringify(items.slice(0, count)));
					if (count > 1) expect(byteLength(json)).toBeLessThanOrEqual(budget);
					if (byteLength(JSON.stringify(items)) <= budget) expect(count).toBe(items.length);
				},
			),
			{ numRuns: 1000 },
		);
	});
});

describe('byteLength', () => {
	it('equals the UTF-8 encoded length of any string, lone surrogates included', () => {
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.oneof(
						fc.constantFrom('\ud800', '\udc00', '\ud83d\ude00', 'é', '€'),
						fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
					),
				}),
				(s) => {
					expect(byteLength(s)).toBe(encoder.encode(s).byteLength);
				},
			),
			{ numRuns: 2000 },
		);
	});
});
