/** Sandbox API tokens and bearer authentication (edesk-api.md §1, §8.1). Reads the Authorization
 * header only; never logs or echoes a token. */
import { forbiddenWrite, invalidToken } from './envelopes';
import { SEED_IDS } from './seed-directory';
import type { SandboxState } from './store';
import type { User } from './types';

/** Token access level (eDesk "Full Access" / "Read-only"). */
export type Access = 'full' | 'read-only';

/** The authenticated caller. */
export interface Principal {
	token: string;
	user: User;
	access: Access;
}

const TOKENS: Record<string, { userId: number; access: Access }> = {
	'sandbox-full-access': { userId: SEED_IDS.users.owner, access: 'full' },
	'sandbox-read-only': { userId: SEED_IDS.users.reporting, access: 'read-only' },
};

/** The bearer token of a request, or undefined (only `Bearer <token>` is accepted). */
export function toBearerToken(req: Request): string | undefined {
	const header = req.headers.get('Authorization') ?? '';
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match?.[1];
}

/** Resolves the caller or throws the 403 "Invalid token." error. */
export function requirePrincipal(req: Request, state: SandboxState): Principal {
	const token = toBearerToken(req);
	const grant = token === undefined ? undefined : TOKENS[token];
	const user = grant ? state.users.get(grant.userId) : undefined;
	if (token === undefined || !grant || !user) throw invalidToken();
	return { token, user, access: grant.access };
}

/** Throws 403 "User can not access an object" when a read-only token attempts a write. */
export function requireWriteAccess(principal: Principal, method: string): void {
	if (method !== 'GET' && principal.access !== 'full') throw forbiddenWrite();
}
