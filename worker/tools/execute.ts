/** Runs one tool call: validate, route arguments, call eDesk, page and compact the answer. */
import { compact, fitItems } from './compact-result';
import { decodeCursor, encodeCursor } from './cursor';
import { parseFields, project, type FieldTree } from './fields';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from './derive-tools';
import { routeArgs } from './route-args';
import type { ToolRunContext, ToolRunOutcome, ToolSpec } from './tool-spec';
import {
	invalidArguments,
	jsonResult,
	toolError,
	upstreamFailure,
	type CallToolResult,
} from './tool-error';
import { validateArgs, type ArgIssue } from './validate-args';

/** Byte budget of one list result; whole items beyond it are left for next_cursor. */
export const LIST_RESULT_MAX_BYTES = 6_000;

export interface CallContext extends ToolRunContext {
	/** The server's key that signs list cursors (derived on first use). */
	cursorKey: () => Promise<CryptoKey>;
}

/** A tool call's result, and the 429 figures for the HTTP response headers when eDesk sent one. */
export type ToolOutcome = ToolRunOutcome;

/** Executes `spec` with the client's flat `args`. Never throws for client or upstream mistakes. */
export async function callTool(
	spec: ToolSpec,
	args: unknown,
	ctx: CallContext,
): Promise<ToolOutcome> {
	const checked = validateArgs(spec, args ?? {});
	if (!checked.ok) return { result: invalidArguments(checked.issues) };
	const badFile =
		spec.upstream.bodyEncoding === 'multipart' ? findBadBase64(checked.value) : undefined;
	if (badFile !== undefined) {
		const message = `${badFile}: must be standard base64 (A-Z, a-z, 0-9, +, /, = padding)`;
		return { result: invalidArguments([{ field: badFile, message }]) };
	}
	// Hand-written tools (ChatGPT's search and fetch) run themselves with the validated arguments.
	if (spec.run) return spec.run(checked.value, ctx);
	const { fields, ...rest } = checked.value;
	let tree: FieldTree | undefined;
	if (typeof fields === 'string' && spec.record) {
		const parsed = parseFields(fields, spec.record);
		if (!parsed.ok) return invalidFields(parsed.issues);
		tree = parsed.tree;
	}
	if (spec.method !== 'list') return callSingle(spec, rest, ctx, tree);
	// Filters the caller named (defaults filled in by validation do not count as naming one).
	const named = typeof args === 'object' && args !== null ? Object.keys(args) : [];
	const given = named.some((k) => k !== 'limit' && k !== 'next_cursor' && k !== 'fields');
	return callList(spec, rest, ctx, {
		fields: typeof fields === 'string' ? fields : undefined,
		tree,
		filtersGiven: given,
	});
}

function invalidFields(issues: ArgIssue[]): ToolOutcome {
	return { result: invalidArguments(issues, 'fields names paths the result does not have.') };
}

async function callSingle(
	spec: ToolSpec,
	args: Record<string, unknown>,
	ctx: CallContext,
	tree: FieldTree | undefined,
): Promise<ToolOutcome> {
	const routed = routeArgs(spec, args);
	const res = await ctx.edesk.request({
		method: spec.upstream.method,
		path: routed.path,
		query: routed.query,
		body: routed.body,
		bodyEncoding: spec.upstream.bodyEncoding,
	});
	if (!res.ok) return upstreamFailure(spec, res.error, res.headers);
	const body = res.value.body;
	const data =
		typeof body === 'object' && body !== null && 'data' in body
			? (body as { data: unknown }).data
			: body;
	const value = compact(tree ? project(data, tree) : data) ?? null;
	return { result: jsonResult(value) };
}

async function callList(
	spec: ToolSpec,
	args: Record<string, unknown>,
	ctx: CallContext,
	options: { fields: string | undefined; tree: FieldTree | undefined; filtersGiven: boolean },
): Promise<ToolOutcome> {
	const { limit, next_cursor: cursorArg, ...filters } = args;
	let page = 1;
	let perPage =
		typeof limit === 'number'
			? Math.min(Math.max(1, Math.trunc(limit)), LIST_LIMIT_MAX)
			: LIST_LIMIT_DEFAULT;
	let skip = 0;
	let effectiveFilters = filters;
	let { fields, tree } = options;
	if (typeof cursorArg === 'string' && cursorArg !== '') {
		const state = await decodeCursor(cursorArg, await ctx.cursorKey());
		if (!state) return invalidCursor();
		if (state.tool !== spec.name) {
			return {
				result: toolError({
					error: 'invalid_cursor',
					message: `next_cursor was issued by ${state.tool}, not ${spec.name}.`,
				}),
			};
		}
		if (options.filtersGiven && !sameFilters(filters, state.filters)) {
			return {
				result: toolError({
					error: 'invalid_cursor',
					message:
						'next_cursor belongs to a listing with other filters. Repeat the original filters or omit them (the cursor carries them).',
				}),
			};
		}
		// A cursor's filters go to eDesk: they pass the same check as fresh arguments.
		if (!validateArgs(spec, { ...state.filters, limit: state.perPage }).ok) return invalidCursor();
		({ page, perPage, skip } = state);
		effectiveFilters = state.filters;
		// The projection of the first page holds for the rest, unless this call names its own.
		if (fields === undefined && state.fields !== undefined && spec.record) {
			const parsed = parseFields(state.fields, spec.record);
			if (!parsed.ok) return invalidCursor();
			fields = state.fields;
			tree = parsed.tree;
		}
	}
	const routed = routeArgs(spec, effectiveFilters);
	const query = new URLSearchParams(routed.query);
	query.set('page', String(page));
	query.set('itemsPerPage', String(perPage));
	const res = await ctx.edesk.request({ method: spec.upstream.method, path: routed.path, query });
	if (!res.ok) return upstreamFailure(spec, res.error, res.headers);

	const body = (res.value.body ?? {}) as {
		data?: unknown;
		paginator?: { currentPage?: number; itemsPerPage?: number; totalItemsCount?: number };
	};
	const data = Array.isArray(body.data) ? body.data : [];
	const total = body.paginator?.totalItemsCount;
	// Named fields are the whole projection; without them the tool's default omissions apply.
	const items = data
		.slice(skip)
		.map((item) => (tree ? compact(project(item, tree)) : compact(item, spec.resultOmit)));
	const fitted = fitItems(items, LIST_RESULT_MAX_BYTES);
	const moreUpstream = typeof total === 'number' ? page * perPage < total : data.length === perPage;
	let next: { page: number; skip: number } | undefined;
	if (fitted.count < items.length) next = { page, skip: skip + fitted.count };
	else if (moreUpstream && data.length > 0) next = { page: page + 1, skip: 0 };
	const nextCursor = next
		? await encodeCursor(
				{
					tool: spec.name,
					filters: effectiveFilters,
					page: next.page,
					perPage,
					skip: next.skip,
					...(fields === undefined ? {} : { fields }),
				},
				await ctx.cursorKey(),
			)
		: undefined;
	let out = `{"items":${fitted.json},"has_more":${next ? 'true' : 'false'}`;
	const value: Record<string, unknown> = {
		items: fitted.count === items.length ? items : items.slice(0, fitted.count),
		has_more: next !== undefined,
	};
	if (nextCursor) {
		out += `,"next_cursor":${JSON.stringify(nextCursor)}`;
		value.next_cursor = nextCursor;
	}
	if (typeof total === 'number') {
		out += `,"total":${total}`;
		value.total = total;
	}
	return { result: jsonResult(value, `${out}}`) };
}

function invalidCursor(): ToolOutcome {
	return {
		result: toolError({
			error: 'invalid_cursor',
			message:
				'next_cursor is not valid here. Pass back the next_cursor of the previous result of this tool unchanged, or omit it to start from the first page.',
		}),
	};
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The argument path of the first `content_base64` file field that is not valid base64, if any. */
function findBadBase64(args: Record<string, unknown>): string | undefined {
	for (const [name, value] of Object.entries(args)) {
		if (!Array.isArray(value)) continue;
		for (let i = 0; i < value.length; i++) {
			const item = value[i] as Record<string, unknown> | null;
			const content = item?.content_base64;
			if (typeof content === 'string' && !BASE64.test(content.replace(/\s+/g, '')))
				return `${name}[${i}].content_base64`;
		}
	}
	return undefined;
}

function sameFilters(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const norm = (o: Record<string, unknown>): string =>
		JSON.stringify(
			Object.keys(o)
				.sort()
				.map((k) => [k, o[k]]),
		);
	return norm(a) === norm(b);
}
