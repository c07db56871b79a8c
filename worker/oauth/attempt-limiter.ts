/**
 * One Durable Object per client address (named by its hash) that counts the consent page's failed
 * access-key attempts, so a key cannot be guessed at speed: after MAX_FAILURES in WINDOW_MS the
 * address is refused until the window has passed. Stores counts and times only.
 */
import { DurableObject } from 'cloudflare:workers';

/** Failed attempts allowed per address and window. */
export const MAX_FAILURES = 5;
/** The window failures are counted in. */
export const WINDOW_MS = 10 * 60_000;

interface Window {
	started: number;
	failures: number;
}

const KEY = 'window';

export class AttemptLimiter extends DurableObject<Env> {
	/** Seconds until this address may try again (0: it may now). */
	async retryAfterSeconds(now: number): Promise<number> {
		const window = await this.ctx.storage.get<Window>(KEY);
		if (!window || now - window.started >= WINDOW_MS || window.failures < MAX_FAILURES) return 0;
		return Math.ceil((window.started + WINDOW_MS - now) / 1000);
	}

	/** Counts one failed attempt; returns the seconds to wait when that was one too many, else 0. */
	async recordFailure(now: number): Promise<number> {
		let window = await this.ctx.storage.get<Window>(KEY);
		if (!window || now - window.started >= WINDOW_MS) window = { started: now, failures: 0 };
		window.failures += 1;
		await this.ctx.storage.put(KEY, window);
		// The count goes when the window does: nothing is kept about an address for longer.
		await this.ctx.storage.setAlarm(window.started + WINDOW_MS);
		return window.failures >= MAX_FAILURES
			? Math.ceil((window.started + WINDOW_MS - now) / 1000)
			: 0;
	}

	override async alarm(): Promise<void> {
		await this.ctx.storage.deleteAll();
	}
}
