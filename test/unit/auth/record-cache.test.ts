/** The per-isolate record memo: time-to-live, size bound, explicit eviction. */
import { describe, expect, it } from 'vitest';
import { createRecordCache } from '../../../worker/auth/record-cache';

describe('createRecordCache', () => {
	it('returns a record until its time-to-live has passed', () => {
		const cache = createRecordCache<string>(1000, 10);
		cache.set('a', 'A', 5000);
		expect(cache.get('a', 5999)).toBe('A');
		expect(cache.get('a', 6000)).toBeUndefined();
		expect(cache.get('a', 5500)).toBeUndefined();
	});

	it('forgets a record when it is deleted and when the clock goes backwards', () => {
		const cache = createRecordCache<string>(1000, 10);
		cache.set('a', 'A', 5000);
		cache.delete('a');
		expect(cache.get('a', 5001)).toBeUndefined();
		cache.set('b', 'B', 5000);
		expect(cache.get('b', 4000)).toBeUndefined();
	});

	it('drops the oldest record beyond its size', () => {
		const cache = createRecordCache<number>(1000, 2);
		cache.set('a', 1, 0);
		cache.set('b', 2, 0);
		cache.set('c', 3, 0);
		expect(cache.get('a', 1)).toBeUndefined();
		expect(cache.get('b', 1)).toBe(2);
		expect(cache.get('c', 1)).toBe(3);
	});
});
