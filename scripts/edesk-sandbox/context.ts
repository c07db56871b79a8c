/** What a resource handler receives: parsed input, the caller and the state. Types only. */
import type { SandboxState } from './store';
import type { JsonObject, User } from './types';

/** A parsed API request. */
export interface HandlerContext {
	state: SandboxState;
	/** The numeric `{id}` path parameter (0 on collection routes). */
	id: number;
	query: URLSearchParams;
	/** The JSON body ({} when empty or multipart). */
	body: JsonObject;
	/** The multipart form, when the request was multipart/form-data. */
	form: FormData | null;
	user: User;
	nowMs: number;
}

/** A resource handler. */
export type Handler = (ctx: HandlerContext) => Response;
