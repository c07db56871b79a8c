/** Derives MCP ToolSpecs from the declarative resource and documentation JSON. Pure: no I/O, no eDesk, no MCP wire. */
import type {
	DocRecord,
	DocRecords,
	HttpMethod,
	JsonSchema,
	MethodDefinition,
	ParamLocation,
	ResourceDefinition,
	ToolAnnotations,
	ToolMethod,
	ToolSpec,
	UpstreamSpec,
} from './tool-spec';

/** Default page size of list tools (the `limit` argument). */
export const LIST_LIMIT_DEFAULT = 10;
/** Largest page size eDesk honours (edesk-api.md §3). */
export const LIST_LIMIT_MAX = 100;

const TOOL_METHODS: readonly ToolMethod[] = ['list', 'get', 'create', 'update', 'delete'];
const HTTP_BY_METHOD: Record<ToolMethod, HttpMethod> = {
	list: 'GET',
	get: 'GET',
	create: 'POST',
	update: 'PUT',
	delete: 'DELETE',
};
// Owned by the pagination layer, never routed upstream; eDesk's page/itemsPerPage hide behind them.
const PAGING_PROPERTIES: Record<string, JsonSchema> = {
	limit: {
		type: 'integer',
		minimum: 1,
		maximum: LIST_LIMIT_MAX,
		default: LIST_LIMIT_DEFAULT,
		description: 'Page size',
	},
	next_cursor: { type: 'string', description: 'Opaque; pass back unchanged' },
};
/** get and list tools: which paths of the record the result keeps (worker/tools/fields.ts). */
export const FIELDS_PROPERTY: JsonSchema = {
	type: 'string',
	description: 'Paths to keep, comma-separated',
};
const PLACEHOLDER = /\{([^}]+)\}/g;

interface Arg {
	schema: JsonSchema;
	location: ParamLocation;
	upstream: string;
	required: boolean;
}

/** Builds one ToolSpec per operation that has a documentation record; operations without one yield no tool. */
export function deriveTools(
	resources: readonly ResourceDefinition[],
	docs: DocRecords,
): ToolSpec[] {
	const tools: ToolSpec[] = [];
	for (const resource of resources) {
		for (const method of TOOL_METHODS) {
			const def = resource.methods[method];
			const doc = docs[resource.resource]?.[method];
			if (def !== undefined && doc !== undefined)
				tools.push(deriveTool(resource, method, def, doc));
		}
	}
	const seen = new Set<string>();
	for (const tool of tools) {
		if (seen.has(tool.name)) throw new Error(`duplicate tool name ${tool.name}`);
		seen.add(tool.name);
	}
	return tools;
}

function deriveTool(
	resource: ResourceDefinition,
	method: ToolMethod,
	def: MethodDefinition,
	doc: DocRecord,
): ToolSpec {
	const where = `${resource.resource}.${method}`;
	if (def.http_method !== HTTP_BY_METHOD[method]) {
		throw new Error(`${where}: http_method ${def.http_method} does not fit method ${method}`);
	}
	const args = collectArgs(def, method, where);
	const properties: Record<string, JsonSchema> = {};
	const required: string[] = [];
	const params: UpstreamSpec['params'] = {};
	for (const [name, arg] of args) {
		properties[name] = structuredClone(arg.schema);
		if (arg.required) required.push(name);
		params[name] = { in: arg.location, name: arg.upstream };
	}
	const readsRecord = method === 'list' || method === 'get';
	if (readsRecord) {
		if (resource.record === undefined) throw new Error(`${where}: the resource declares no record`);
		if ('fields' in properties) throw new Error(`${where}: argument fields is reserved`);
		properties['fields'] = { ...FIELDS_PROPERTY };
	}
	if (method === 'list') Object.assign(properties, structuredClone(PAGING_PROPERTIES));
	const reachesCustomer = doc.reaches_customer === true;
	return {
		name: toToolName(resource, method, def.path),
		description: doc.description,
		method,
		resource: resource.resource,
		tags: [...new Set([...resource.tags, ...(def.tags ?? [])])],
		annotations: toAnnotations(method, reachesCustomer),
		inputSchema: {
			type: 'object',
			properties,
			...(required.length > 0 ? { required } : {}),
			additionalProperties: false,
		},
		upstream: {
			method: HTTP_BY_METHOD[method],
			path: def.path,
			params,
			bodyEncoding: toBodyEncoding(def.body_encoding, where),
			bodyRoot: def.body?.['type'] === 'array' ? 'array' : 'object',
		},
		resultOmit: [...(def.result_omit ?? [])],
		...(readsRecord ? { record: resource.record } : {}),
	};
}

/** Flattens path, query and body into tool arguments: path wins, then query; later collisions get a prefix. */
function collectArgs(def: MethodDefinition, method: ToolMethod, where: string): Map<string, Arg> {
	const args = new Map<string, Arg>();
	const taken = (name: string): boolean =>
		args.has(name) || (method === 'list' && name in PAGING_PROPERTIES);
	for (const [declared, arg] of declaredArgs(def, where)) {
		// A root-array body is always the argument `body`; only named query/body fields are renamed.
		const rootBody = arg.location === 'body' && def.body?.['type'] === 'array';
		const renamable = arg.location !== 'path' && !rootBody;
		const name = renamable && taken(declared) ? `${arg.location}_${declared}` : declared;
		if (taken(name)) throw new Error(`${where}: argument ${name} collides after renaming`);
		args.set(name, arg);
	}
	return args;
}

/** Every declared argument in precedence order (path, query, body) under its declared name. */
function declaredArgs(def: MethodDefinition, where: string): [string, Arg][] {
	const out: [string, Arg][] = [];
	const upstreamName = (name: string): string => def.upstream_names?.[name] ?? name;
	const placeholders = [...def.path.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
	const pathParams = def.path_params ?? {};
	for (const name of Object.keys(pathParams)) {
		if (!placeholders.includes(name))
			throw new Error(`${where}: path param ${name} is not in ${def.path}`);
	}
	for (const name of placeholders) {
		const schema = pathParams[name];
		if (schema === undefined)
			throw new Error(`${where}: path placeholder {${name}} is not declared`);
		out.push([name, { schema, location: 'path', upstream: name, required: true }]);
	}
	const queryRequired = new Set(def.query?.required ?? []);
	for (const [name, schema] of Object.entries(def.query?.properties ?? {})) {
		const required = queryRequired.has(name);
		out.push([name, { schema, location: 'query', upstream: upstreamName(name), required }]);
	}
	const body = def.body;
	if (body === undefined) return out;
	if (body['type'] === 'array') {
		out.push(['body', { schema: body, location: 'body', upstream: 'body', required: true }]);
		return out;
	}
	if (body['type'] !== 'object')
		throw new Error(`${where}: body must be an object or array schema`);
	const bodyRequired = new Set((body['required'] ?? []) as string[]);
	for (const [name, schema] of Object.entries(
		(body['properties'] ?? {}) as Record<string, JsonSchema>,
	)) {
		const required = bodyRequired.has(name);
		out.push([name, { schema, location: 'body', upstream: upstreamName(name), required }]);
	}
	return out;
}

function toToolName(resource: ResourceDefinition, method: ToolMethod, path: string): string {
	const byId = path.includes('{id}') ? '_by_id' : '';
	switch (method) {
		case 'list':
			return `list_all_e_desk_${resource.plural}`;
		case 'get':
			return `get_single_e_desk_${resource.singular}${byId}`;
		case 'create':
			return `create_a_e_desk_${resource.singular}`;
		case 'update':
			return `update_a_e_desk_${resource.singular}${byId}`;
		case 'delete':
			return `delete_a_e_desk_${resource.singular}${byId}`;
		default: {
			const never: never = method;
			throw new Error(`unknown method ${String(never)}`);
		}
	}
}

// MCP 2025-11-25 ToolAnnotations; openWorldHint defaults to true, so it is always sent. A read-only
// tool leaves out destructiveHint and idempotentHint (see READ_ONLY_ANNOTATIONS): the specification
// gives them meaning only when readOnlyHint is false, and each would cost tokens on every read tool.
function toAnnotations(method: ToolMethod, reachesCustomer: boolean): ToolAnnotations {
	if (method === 'list' || method === 'get') {
		return { readOnlyHint: true, openWorldHint: reachesCustomer };
	}
	return {
		readOnlyHint: false,
		destructiveHint: method === 'delete' || reachesCustomer,
		idempotentHint: method !== 'create',
		openWorldHint: reachesCustomer,
	};
}

function toBodyEncoding(value: string | undefined, where: string): 'json' | 'multipart' {
	if (value === undefined || value === 'json') return 'json';
	if (value === 'multipart') return 'multipart';
	throw new Error(`${where}: unknown body_encoding ${value}`);
}
