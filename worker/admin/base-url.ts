/** Which eDesk base URLs an account may use: https, the bundled sandbox, or http loopback in development. */
import { SANDBOX_BASE_URL, type Config } from '../config';
import { HttpError } from '../lib/errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The normalised base URL (no trailing slash), or HttpError 400 saying what is allowed. */
export function requireBaseUrl(
	input: string | undefined,
	config: Config,
	env: Pick<Env, 'EDESK_SANDBOX'>,
): string {
	if (input === undefined || input === '') return config.edeskBaseUrl;
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		throw invalid('must be an absolute URL such as https://api.edesk.com/v1');
	}
	if (url.username || url.password || url.search || url.hash) {
		throw invalid('must not contain credentials, a query or a fragment');
	}
	const normalised = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
	if (normalised === SANDBOX_BASE_URL) {
		if (env.EDESK_SANDBOX) return normalised;
		throw invalid(`${SANDBOX_BASE_URL} (the local sandbox) is only available in local development`);
	}
	if (url.protocol === 'https:') return normalised;
	const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
	if (url.protocol === 'http:' && loopback && config.environment === 'development')
		return normalised;
	throw invalid('must use https (http is allowed only for loopback addresses in development)');
}

function invalid(why: string): HttpError {
	return new HttpError(400, 'invalid_request', `base_url: ${why}`);
}
