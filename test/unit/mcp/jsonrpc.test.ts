/** JSON-RPC message classification. */
import { describe, expect, it } from 'vitest';
import { parseRpcMessage } from '../../../worker/mcp/jsonrpc';

describe('parseRpcMessage', () => {
	it('classifies requests, notifications and responses', () => {
		expect(parseRpcMessage({ jsonrpc: '2.0', id: 1, method: 'ping' })).toMatchObject({
			kind: 'request',
			id: 1,
		});
		expect(parseRpcMessage({ jsonrpc: '2.0', method: 'notifications/initialized' })).toMatchObject({
			kind: 'notification',
		});
		expect(parseRpcMessage({ jsonrpc: '2.0', id: 'a', result: {} })).toEqual({ kind: 'response' });
	});

	it.each([
		null,
		1,
		'x',
		[],
		{},
		{ jsonrpc: '1.0', id: 1, method: 'ping' },
		{ jsonrpc: '2.0', id: {}, method: 'ping' },
		{ jsonrpc: '2.0', id: 1, method: 'ping', params: 'x' },
		{ jsonrpc: '2.0', id: 1 },
	])('marks %j invalid', (v) => {
		expect(parseRpcMessage(v).kind).toBe('invalid');
	});

	it('does not let __proto__ keys change the classification', () => {
		const v = JSON.parse('{"jsonrpc":"2.0","id":1,"method":"ping","__proto__":{"method":"x"}}');
		expect(parseRpcMessage(v)).toMatchObject({ kind: 'request', method: 'ping' });
	});
});
