/** The tools/list token estimate used by the management preview stays close to the real o200k count. */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { TOOL_CATALOG } from '../../../worker/tools/catalog';
import { filterTools } from '../../../worker/tools/filter-tools';
import { estimateToolsListTokens, toToolsListResult } from '../../../worker/tools/wire-tool';

const CONFIGS = [
	{ methods: ['read', 'write'], tags: [] },
	{ methods: ['read'], tags: [] },
	{ methods: ['write'], tags: [] },
	{ methods: ['read'], tags: ['tickets'] },
	{ methods: ['create'], tags: ['orders'] },
];

describe('estimateToolsListTokens', () => {
	it.each(CONFIGS)('is within 5 % of the o200k count for %j', (config) => {
		const tools = filterTools(TOOL_CATALOG, config);
		const real = encode(JSON.stringify(toToolsListResult(tools))).length;
		const estimate = estimateToolsListTokens(tools);
		expect(Math.abs(estimate - real) / real).toBeLessThanOrEqual(0.05);
	});
});
