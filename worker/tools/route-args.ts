/** Splits validated tool arguments into the upstream path, query and body. Pure; does not validate or page. */
import type { ToolSpec } from './tool-spec';

/** The pieces of one upstream request, before the base URL and auth are added. */
export interface RoutedArgs {
	path: string;
	query: URLSearchParams;
	body: unknown | undefined;
}

/**
 * Places each declared argument: path params URL-encoded into the template, query params as strings
 * (arrays as repeated keys), body params under their upstream names. Undeclared arguments (including
 * `limit`/`next_cursor`, which the pagination layer owns, and `fields`) are ignored; the defaults of
 * absent arguments (validateArgs fills them in) are sent like given ones.
 */
export function routeArgs(spec: ToolSpec, args: Record<string, unknown>): RoutedArgs {
	const { params, bodyRoot } = spec.upstream;
	const pathValues = new Map<string, string>();
	const query = new URLSearchParams();
	const bodyObject: Record<string, unknown> = {};
	let rootBody: unknown;
	// Arguments are few and parameters many (list filters): walk the arguments.
	for (const argName of Object.keys(args)) {
		const param = Object.hasOwn(params, argName) ? params[argName] : undefined;
		const value = args[argName];
		if (param === undefined || value === undefined) continue;
		switch (param.in) {
			case 'path':
				pathValues.set(param.name, encodeURIComponent(toQueryString(value)));
				break;
			case 'query':
				for (const item of Array.isArray(value) ? value : [value]) {
					if (item !== undefined && item !== null) query.append(param.name, toQueryString(item));
				}
				break;
			case 'body':
				if (bodyRoot === 'array') rootBody = value;
				else bodyObject[param.name] = value;
				break;
			default: {
				const never: never = param.in;
				throw new Error(`unknown parameter location ${String(never)}`);
			}
		}
	}
	const template = spec.upstream.path;
	const path = !template.includes('{')
		? template
		: template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
				const value = pathValues.get(name);
				if (value === undefined) throw new Error(`${spec.name}: missing path parameter ${name}`);
				return value;
			});
	const hasBody = Object.values(params).some((p) => p.in === 'body');
	const body = !hasBody ? undefined : bodyRoot === 'array' ? rootBody : bodyObject;
	return { path, query, body };
}

function toQueryString(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	return JSON.stringify(value);
}
