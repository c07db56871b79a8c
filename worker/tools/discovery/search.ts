/**
 * Lexical search over one server's tools, for `search_tools`, and the closest names to a mistyped
 * one, for the did-you-mean of `get_tool_schema` and `call_tool`. Pure; no I/O. Only the tools it is
 * given are ever looked at, so a server's filters bound every answer.
 */
import type { ToolMethod, ToolSpec } from '../tool-spec';

/** One ranked match. */
export interface SearchHit {
	tool: ToolSpec;
	score: number;
}

/** Words that say nothing about which tool is meant (every name has `e_desk`; "all", "a", "by"). */
const STOP_WORDS = new Set([
	'a',
	'all',
	'an',
	'and',
	'by',
	'desk',
	'e',
	'edesk',
	'for',
	'from',
	'in',
	'into',
	'is',
	'it',
	'of',
	'on',
	'or',
	'single',
	'that',
	'the',
	'this',
	'to',
	'tool',
	'tools',
	'with',
]);

/** Verbs a person uses for each method (the method word itself included). */
const METHOD_WORDS: Readonly<Record<string, ToolMethod>> = Object.fromEntries(
	(
		[
			['list', ['list', 'search', 'find', 'browse', 'query', 'filter', 'many']],
			[
				'get',
				['get', 'read', 'show', 'fetch', 'view', 'detail', 'details', 'lookup', 'look', 'one'],
			],
			['create', ['create', 'add', 'new', 'post', 'make', 'write', 'send', 'reply', 'open']],
			[
				'update',
				['update', 'change', 'edit', 'set', 'modify', 'assign', 'close', 'mark', 'rename'],
			],
			['delete', ['delete', 'remove', 'archive', 'erase', 'drop']],
		] as const
	).flatMap(([method, words]) => words.map((w) => [w, method])),
);

/** Weight of a match by where in the tool it is found. */
const WEIGHT = { name: 3, resource: 3, method: 2.5, tags: 1.5, args: 1, description: 1 } as const;
type Field = Exclude<keyof typeof WEIGHT, 'method'>;
const FIELDS: readonly Field[] = ['name', 'resource', 'tags', 'args', 'description'];

/**
 * How well a query word matches a field: the same word or stem ("note" and "notes" alike: ties keep
 * catalogue order, list before get before writes), or a prefix of a word ("track" of "tracking").
 */
const EXACT = 1;
const SAME_STEM = 1;
const PREFIX = 0.6;
const MIN_PREFIX_CHARS = 3;

/** The words of a text: camelCase and snake_case split, lower case, stop words left out. */
export function toWords(text: string): string[] {
	return text
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w !== '' && !STOP_WORDS.has(w));
}

/** A crude English stem: plurals fold onto the singular ("notes" → "note", "replies" → "reply"). */
function stem(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
	return word;
}

interface FieldIndex {
	words: ReadonlySet<string>;
	stems: ReadonlySet<string>;
}

interface ToolIndex {
	fields: Readonly<Record<Field, FieldIndex>>;
}

const indexes = new WeakMap<ToolSpec, ToolIndex>();

function fieldIndex(words: readonly string[]): FieldIndex {
	return { words: new Set(words), stems: new Set(words.map(stem)) };
}

/** The searchable words of a tool: name, resource, tags, argument names and description. */
function indexOf(tool: ToolSpec): ToolIndex {
	let index = indexes.get(tool);
	if (!index) {
		index = {
			fields: {
				name: fieldIndex(toWords(tool.name)),
				resource: fieldIndex(toWords(tool.resource)),
				tags: fieldIndex(tool.tags.flatMap(toWords)),
				args: fieldIndex(Object.keys(tool.inputSchema.properties).flatMap(toWords)),
				description: fieldIndex(toWords(tool.description)),
			},
		};
		indexes.set(tool, index);
	}
	return index;
}

/** 0 to 1: how well `word` (and its stem) matches one field. */
function matchField(word: string, wordStem: string, field: FieldIndex): number {
	if (field.words.has(word)) return EXACT;
	if (field.stems.has(wordStem)) return SAME_STEM;
	if (wordStem.length >= MIN_PREFIX_CHARS) {
		for (const s of field.stems) if (s.startsWith(wordStem)) return PREFIX;
	}
	return 0;
}

/** The best weighted match of one query word in a tool (0: none). */
function matchTool(word: string, tool: ToolSpec): number {
	const wordStem = stem(word);
	const { fields } = indexOf(tool);
	let best = METHOD_WORDS[word] === tool.method ? WEIGHT.method : 0;
	for (const field of FIELDS) {
		const quality = matchField(word, wordStem, fields[field]);
		if (quality > 0) best = Math.max(best, WEIGHT[field] * quality);
	}
	return best;
}

/**
 * The tools of `tools` that match `query`, best first (ties keep catalogue order). A word found in
 * few tools counts for more than one found in many (an inverse document frequency), and a tool that
 * matches every word ranks above one that matches some. An exact tool name comes first.
 */
export function searchTools(tools: readonly ToolSpec[], query: string): SearchHit[] {
	const words = [...new Set(toWords(query))];
	const exact = query.trim().toLowerCase();
	if (words.length === 0) return tools.filter((t) => t.name === exact).map((tool) => hit(tool, 1));
	const matches = tools.map((tool) => words.map((word) => matchTool(word, tool)));
	const idf = words.map((_, i) => {
		const df = matches.filter((m) => (m[i] ?? 0) > 0).length;
		return df === 0 ? 0 : Math.log(1 + tools.length / df);
	});
	const hits: SearchHit[] = [];
	tools.forEach((tool, t) => {
		const row = matches[t] ?? [];
		let score = 0;
		let matched = 0;
		row.forEach((value, i) => {
			if (value > 0) matched++;
			score += value * (idf[i] ?? 0);
		});
		if (score <= 0 && tool.name !== exact) return;
		score *= 0.5 + (0.5 * matched) / words.length;
		if (tool.name === exact) score += 1_000;
		hits.push(hit(tool, score));
	});
	// Array#sort is stable: equal scores stay in catalogue order.
	return hits.sort((a, b) => b.score - a.score);
}

function hit(tool: ToolSpec, score: number): SearchHit {
	return { tool, score: Math.round(score * 1000) / 1000 };
}

/** Names longer than this are cut before comparing (tool names are at most 64 characters). */
const MAX_COMPARED_CHARS = 100;

/** The `count` names of `tools` closest to `name` by edit distance (ties keep catalogue order). */
export function closestNames(tools: readonly ToolSpec[], name: string, count = 3): string[] {
	const wanted = name.slice(0, MAX_COMPARED_CHARS).toLowerCase();
	return tools
		.map((tool) => ({ name: tool.name, distance: editDistance(wanted, tool.name) }))
		.sort((a, b) => a.distance - b.distance)
		.slice(0, count)
		.map((c) => c.name);
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows at a time. */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
