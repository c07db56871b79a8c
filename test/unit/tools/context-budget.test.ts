/** The tools/list result fits the context budget (o200k tokens), as scripts/context-budget.mjs also enforces. */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { toWireTool } from '../../../worker/tools/wire-tool';
import { TOOL_CATALOG } from '../../../worker/tools/catalog';
import type { ToolSpec } from '../../../worker/tools/tool-spec';

const CATALOG_MAX_TOKENS = 6300;
const AVERAGE_MAX_TOKENS = 150;
const TOOL_MAX_TOKENS = 600;

const toListed = (t: ToolSpec): object => toWireTool(t);
const tokens = (value: unknown): number => encode(JSON.stringify(value)).length;

describe('context budget', () => {
	it('keeps the whole tools/list result within 6,300 o200k tokens', () => {
		const whole = tokens({ tools: TOOL_CATALOG.map(toListed) });
		expect(whole).toBeLessThanOrEqual(CATALOG_MAX_TOKENS);
		expect(whole / TOOL_CATALOG.length).toBeLessThanOrEqual(AVERAGE_MAX_TOKENS);
	});

	it('keeps every single tool within 600 tokens', () => {
		for (const t of TOOL_CATALOG)
			expect(tokens(toListed(t)), t.name).toBeLessThanOrEqual(TOOL_MAX_TOKENS);
	});
});
