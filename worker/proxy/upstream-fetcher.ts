/** Chooses how requests reach an eDesk base URL: the sandbox service binding locally, global fetch otherwise. */
import { SANDBOX_BASE_URL } from '../config';

/** Sends one request upstream. */
export type UpstreamFetcher = (request: Request) => Promise<Response>;

/** The fetcher for `baseUrl`: the EDESK_SANDBOX binding when it is bound and the URL is the sandbox's. */
export function createUpstreamFetcher(env: Pick<Env, 'EDESK_SANDBOX'>, baseUrl: string): UpstreamFetcher {
	const sandbox = env.EDESK_SANDBOX;
	if (sandbox && baseUrl.replace(/\/+$/, '') === SANDBOX_BASE_URL) {
		return (request) => sandbox.fetch(request);
	}
	return (request) => fetch(request);
}
