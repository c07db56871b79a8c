/** Chooses how requests reach an eDesk base URL: the sandbox service binding locally, global fetch otherwise. */
import { SANDBOX_BASE_URL } from '../config';

/** Sends one request upstream (an absolute URL and its init, as global fetch takes them). */
export type UpstreamFetcher = (url: string, init: RequestInit) => Promise<Response>;

/** The fetcher for `baseUrl`: the EDESK_SANDBOX binding when it is bound and the URL is the sandbox's. */
export function createUpstreamFetcher(
	env: Pick<Env, 'EDESK_SANDBOX'>,
	baseUrl: string,
): UpstreamFetcher {
	const sandbox = env.EDESK_SANDBOX;
	if (sandbox && baseUrl.replace(/\/+$/, '') === SANDBOX_BASE_URL) {
		return (url, init) => sandbox.fetch(url, init);
	}
	return (url, init) => fetch(url, init);
}
