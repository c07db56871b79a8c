/** Checks schemas/ and the derived tool catalogue against the rules in schemas/README.md; exits 1 listing every problem. Node only. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Validator } from '@cfworker/json-schema';
import { loadCatalog } from './lib/load-catalog.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `--schemas <dir>` checks another copy of schemas/ (the tests use it); the catalogue is always the bundled one. */
const SCHEMAS = parseArgs({
	options: { schemas: { type: 'string', default: join(ROOT, 'schemas') } },
}).values.schemas;
const CATALOG_TS = join(ROOT, 'worker/tools/catalog.ts');
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const HTTP_BY_METHOD = { list: 'GET', get: 'GET', create: 'POST', update: 'PUT', delete: 'DELETE' };
const FORBIDDEN_KEYWORDS = ['$ref', '$defs', 'definitions', 'oneOf', 'anyOf', 'allOf', 'format'];
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

const readFormat = (name) =>
	new Validator(JSON.parse(readFileSync(join(SCHEMAS, 'format', name), 'utf8')), '2020-12', false);
/** The format of each kind of file (schemas/format/): unknown or misspelt keywords are refused. */
const FORMATS = {
	resources: readFormat('resource.schema.json'),
	docs: readFormat('docs.schema.json'),
};

/** Every place where `json` breaks the format of its kind of file. */
function checkFormat(dir, stem, json) {
	const result = FORMATS[dir].validate(json);
	if (result.valid) return;
	// Wrapper errors only say that a child failed: report the deepest place of each failure.
	const units = result.errors.filter(
		(e) => e.keyword !== 'false' && !e.error.startsWith('A subschema had errors'),
	);
	const deepest = units.filter(
		(u) => !units.some((v) => v.instanceLocation.startsWith(`${u.instanceLocation}/`)),
	);
	for (const unit of deepest)
		fail(`schemas/${dir}/${stem}.json ${unit.instanceLocation}`, unit.error);
}

const readJsonDir = (dir) =>
	readdirSync(join(SCHEMAS, dir))
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const stem = basename(f, '.json');
			try {
				return { stem, json: JSON.parse(readFileSync(join(SCHEMAS, dir, f), 'utf8')) };
			} catch (e) {
				fail(`schemas/${dir}/${f}`, `not valid JSON (${e.message})`);
				return { stem, json: undefined };
			}
		});

/** Walks a schema node: every property (recursively) has a description, and only the safe subset is used. */
function checkSchema(schema, where, isProperty) {
	if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
		fail(where, 'schema must be an object');
		return;
	}
	if (isProperty && (typeof schema.description !== 'string' || schema.description.trim() === '')) {
		fail(where, 'has no description');
	}
	for (const k of FORBIDDEN_KEYWORDS)
		if (k in schema) fail(where, `uses ${k} (not in the safe subset)`);
	if (typeof schema.type !== 'string' && !Array.isArray(schema.enum)) fail(where, 'has no type');
	// An object that takes any key would pass whatever a client adds straight on to eDesk.
	if (schema.type === 'object' && schema.additionalProperties !== false)
		fail(where, 'is an object without additionalProperties: false');
	if ('items' in schema) {
		if (Array.isArray(schema.items)) fail(where, 'has tuple items');
		else checkSchema(schema.items, `${where}[]`, false);
	}
	if (schema.type === 'array' && !('items' in schema)) fail(where, 'array without items');
	for (const [name, sub] of Object.entries(schema.properties ?? {}))
		checkSchema(sub, `${where}.${name}`, true);
	for (const name of schema.required ?? []) {
		if (!(name in (schema.properties ?? {}))) fail(where, `requires undeclared ${name}`);
	}
}

function checkResource({ stem, json }, docsByStem) {
	const where = `schemas/resources/${stem}.json`;
	if (json === undefined) return;
	if (json.resource !== stem.replace(/-/g, '_'))
		fail(where, `resource must be "${stem.replace(/-/g, '_')}"`);
	for (const key of ['singular', 'plural']) {
		if (typeof json[key] !== 'string' || !/^[a-z0-9_]+$/.test(json[key]))
			fail(where, `${key} must be snake_case`);
	}
	if (!Array.isArray(json.tags) || json.tags.length === 0)
		fail(where, 'tags must be a non-empty array');
	const methods = json.methods ?? {};
	for (const [method, def] of Object.entries(methods)) {
		const at = `${where} methods.${method}`;
		if (!(method in HTTP_BY_METHOD)) {
			fail(at, 'unknown method (list, get, create, update, delete)');
			continue;
		}
		if (typeof def.operation_id !== 'string') fail(at, 'operation_id missing');
		if (def.http_method !== HTTP_BY_METHOD[method])
			fail(at, `http_method must be ${HTTP_BY_METHOD[method]}`);
		if (typeof def.path !== 'string' || !def.path.startsWith('/'))
			fail(at, 'path must start with /');
		for (const [name, schema] of Object.entries(def.path_params ?? {}))
			checkSchema(schema, `${at} path.${name}`, true);
		for (const [name, schema] of Object.entries(def.query?.properties ?? {})) {
			checkSchema(schema, `${at} query.${name}`, true);
		}
		if (
			Object.keys(def.query?.properties ?? {}).some((k) => k === 'page' || k === 'itemsPerPage')
		) {
			fail(at, 'page/itemsPerPage belong to the pagination layer; do not declare them');
		}
		if (def.body !== undefined) {
			if (def.body.type !== 'object' && def.body.type !== 'array')
				fail(at, 'body must be an object or array schema');
			checkSchema(def.body, `${at} body`, def.body.type === 'array');
		}
	}
	// get and list tools take `fields`, checked against the record their results carry.
	if (('get' in methods || 'list' in methods) && json.record?.type !== 'object')
		fail(where, 'a resource with a get or list method declares its record (an object shape)');
	const docs = docsByStem.get(stem);
	if (docs === undefined) {
		fail(where, `has no schemas/docs/${stem}.json`);
		return;
	}
	for (const [method, record] of Object.entries(docs)) {
		const at = `schemas/docs/${stem}.json ${method}`;
		if (!(method in methods)) fail(at, 'documents a method the resource does not declare');
		if (typeof record?.description !== 'string' || record.description.trim() === '')
			fail(at, 'description missing');
		if ('reaches_customer' in record && typeof record.reaches_customer !== 'boolean') {
			fail(at, 'reaches_customer must be a boolean');
		}
		for (const k of Object.keys(record)) {
			if (k !== 'description' && k !== 'reaches_customer') fail(at, `unknown key ${k}`);
		}
	}
}

/** Every JSON file is imported by catalog.ts, and each PAIRS entry joins a resource with its own docs. */
function checkCatalogImports(resources, docs) {
	const source = readFileSync(CATALOG_TS, 'utf8');
	const imports = new Map();
	for (const m of source.matchAll(
		/import (\w+) from '\.\.\/\.\.\/schemas\/(resources|docs)\/([\w-]+)\.json';/g,
	)) {
		imports.set(m[1], `${m[2]}/${m[3]}`);
	}
	const imported = new Set(imports.values());
	for (const { stem } of resources) {
		if (!imported.has(`resources/${stem}`))
			fail('worker/tools/catalog.ts', `does not import schemas/resources/${stem}.json`);
	}
	for (const { stem } of docs) {
		if (!imported.has(`docs/${stem}`))
			fail('worker/tools/catalog.ts', `does not import schemas/docs/${stem}.json`);
	}
	const paired = new Set();
	for (const m of source.matchAll(/^\t\[(\w+), (\w+)\],$/gm)) {
		const [r, d] = [imports.get(m[1]), imports.get(m[2])];
		if (r === undefined || d === undefined || r !== `resources/${d.slice('docs/'.length)}`) {
			fail(
				'worker/tools/catalog.ts',
				`PAIRS entry [${m[1]}, ${m[2]}] does not join a resource with its own docs`,
			);
		}
		if (r !== undefined) paired.add(r);
	}
	for (const { stem } of resources) {
		if (!paired.has(`resources/${stem}`))
			fail('worker/tools/catalog.ts', `resources/${stem} is not in PAIRS`);
	}
}

function checkDerived(tools) {
	const names = new Set();
	for (const tool of tools) {
		const at = `tool ${tool.name}`;
		if (!TOOL_NAME.test(tool.name)) fail(at, `name does not match ${TOOL_NAME}`);
		if (names.has(tool.name)) fail(at, 'duplicate name');
		names.add(tool.name);
		if (typeof tool.description !== 'string' || tool.description === '') fail(at, 'no description');
		const schema = tool.inputSchema;
		if (schema?.type !== 'object') fail(at, 'inputSchema root type must be object');
		if (schema?.additionalProperties !== false)
			fail(at, 'inputSchema must set additionalProperties: false');
		if (JSON.stringify(schema).includes('"$ref"')) fail(at, 'inputSchema uses $ref');
		checkSchema(schema, `${at} inputSchema`, false);
	}
}

const resources = readJsonDir('resources');
const docs = readJsonDir('docs');
for (const { stem, json } of resources)
	if (json !== undefined) checkFormat('resources', stem, json);
for (const { stem, json } of docs) if (json !== undefined) checkFormat('docs', stem, json);
const docsByStem = new Map(docs.map((d) => [d.stem, d.json]));
for (const resource of resources) checkResource(resource, docsByStem);
for (const { stem } of docs) {
	if (!resources.some((r) => r.stem === stem))
		fail(`schemas/docs/${stem}.json`, 'has no schemas/resources file');
}
checkCatalogImports(resources, docs);
let toolCount = 0;
try {
	const { TOOL_CATALOG } = await loadCatalog();
	toolCount = TOOL_CATALOG.length;
	checkDerived(TOOL_CATALOG);
} catch (e) {
	fail('worker/tools/catalog.ts', `could not derive the catalogue: ${e.message}`);
}

if (problems.length > 0) {
	console.error(
		`check-schemas: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
	);
	process.exit(1);
}
console.log(`check-schemas: ok (${resources.length} resources, ${toolCount} tools)`);
