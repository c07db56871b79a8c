/** List envelopes and ordering: `page` (1-based), `itemsPerPage` (default 20, cap 100), `per_page`
 * and `limit` ignored, default order id asc, totals after filters (edesk-api.md §3). Pure. */
import { json } from './envelopes';
import { ORDER_BY_FIELDS, ORDER_DIRECTIONS } from './enums';
import type { Checker } from './validate';

const DEFAULT_ITEMS_PER_PAGE = 20;
const MAX_ITEMS_PER_PAGE = 100;

type SortKey = (typeof ORDER_BY_FIELDS)[number];
type SortValue = string | number | null;

/** Query parameters as an object; empty values count as absent. */
export function toParams(query: URLSearchParams): Record<string, string> {
	return Object.fromEntries([...query].filter(([, value]) => value.trim() !== ''));
}

function toPositiveInt(value: string | null): number | undefined {
	if (value === null || !/^\d+$/.test(value.trim())) return undefined;
	const n = Number(value.trim());
	return n >= 1 ? n : undefined;
}

/** `{data, paginator}` for one page of already filtered and sorted items; `toWire` maps the page. */
export function listResponse<T>(
	items: readonly T[],
	query: URLSearchParams,
	toWire: (item: T) => unknown = (item) => item,
): Response {
	const page = toPositiveInt(query.get('page')) ?? 1;
	const itemsPerPage = Math.min(
		toPositiveInt(query.get('itemsPerPage')) ?? DEFAULT_ITEMS_PER_PAGE,
		MAX_ITEMS_PER_PAGE,
	);
	const start = (page - 1) * itemsPerPage;
	return json({
		data: items.slice(start, start + itemsPerPage).map(toWire),
		paginator: { currentPage: page, itemsPerPage, totalItemsCount: items.length },
	});
}

function compare(a: SortValue, b: SortValue): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	return a < b ? -1 : 1;
}

/** Sorts by `order_by`/`order_direction` (4007 on bad values), ties broken by id asc. */
export function sortByQuery<T extends { id: number }>(
	items: T[],
	query: URLSearchParams,
	check: Checker,
	valueOf: (item: T, key: SortKey) => SortValue,
): T[] {
	const params = toParams(query);
	const key = check.oneOf(params, 'order_by', ORDER_BY_FIELDS) ?? 'id';
	const direction = check.oneOf(params, 'order_direction', ORDER_DIRECTIONS) ?? 'asc';
	const sign = direction === 'desc' ? -1 : 1;
	return [...items].sort((a, b) => sign * compare(valueOf(a, key), valueOf(b, key)) || a.id - b.id);
}
