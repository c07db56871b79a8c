/** The only user of env.ATTEMPT_LIMITER: failed consent attempts counted per client address. */
import { sha256Hex } from '../auth/hash';
import type { AttemptLimiter } from './attempt-limiter';

/** The limiter of the address a request came from (CF-Connecting-IP; one shared bucket without it). */
async function limiterFor(
	env: Pick<Env, 'ATTEMPT_LIMITER'>,
	request: Request,
): Promise<DurableObjectStub<AttemptLimiter>> {
	const address = request.headers.get('cf-connecting-ip') ?? 'unknown';
	const namespace = env.ATTEMPT_LIMITER as unknown as DurableObjectNamespace<AttemptLimiter>;
	return namespace.getByName(await sha256Hex(`consent:${address}`));
}

/** Seconds the address of `request` must wait before its next attempt (0: none). */
export async function attemptWaitSeconds(
	env: Pick<Env, 'ATTEMPT_LIMITER'>,
	request: Request,
): Promise<number> {
	return (await limiterFor(env, request)).retryAfterSeconds(Date.now());
}

/** Records a failed attempt of the address of `request`; the seconds to wait now (0: none). */
export async function recordFailedAttempt(
	env: Pick<Env, 'ATTEMPT_LIMITER'>,
	request: Request,
): Promise<number> {
	return (await limiterFor(env, request)).recordFailure(Date.now());
}
