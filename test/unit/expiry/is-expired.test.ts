/** isExpired: the one expiry rule, with time as an explicit argument. */
import { describe, expect, it } from 'vitest';
import { isExpired } from '../../../worker/expiry/is-expired';

const NOW = Date.parse('2030-01-01T12:00:00Z');

describe('isExpired', () => {
	it('is false for a record that never expires', () => {
		expect(isExpired({ expires_at: null }, NOW)).toBe(false);
	});

	it('is false before expires_at', () => {
		expect(isExpired({ expires_at: '2030-01-01T12:00:01Z' }, NOW)).toBe(false);
	});

	it('is true at and after expires_at, evicted or not', () => {
		expect(isExpired({ expires_at: '2030-01-01T12:00:00Z' }, NOW)).toBe(true);
		expect(isExpired({ expires_at: '2030-01-01T11:00:00+00:00' }, NOW)).toBe(true);
	});

	it('honours offsets', () => {
		expect(isExpired({ expires_at: '2030-01-01T13:30:00+02:00' }, NOW)).toBe(true);
		expect(isExpired({ expires_at: '2030-01-01T07:30:00-05:00' }, NOW)).toBe(false);
	});

	it('fails closed on an unparseable date', () => {
		expect(isExpired({ expires_at: 'soon' }, NOW)).toBe(true);
	});
});
