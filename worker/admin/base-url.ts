/** Which eDesk base URLs an account may use: EDESK_BASE_URL and EDESK_ALLOWED_BASE_URLS; in development also any https, the sandbox, and http loopback. */
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
	// Outside development only listed base URLs: an exact match, so api.edesk.com.evil.example is not one.
	if (config.environment !== 'development') {
		if (config.edeskAllowedBaseUrls.includes(normalised)) return normalised;
		throw invalid(
			`must be one of ${config.edeskAllowedBaseUrls.join(', ')} (EDESK_ALLOWED_BASE_URLS lists more)`,
		);
	}
	if (url.protocol === 'https:') return normalised;
	const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
	if (url.protocol === 'http:' && loopback) return normalised;
	throw invalid('must use https (http is allowed only for loopback addresses in development)');
}

/**
 * True for a base URL that is known to be eDesk (the configured ones, or the bundled sandbox): only
 * there may the account check say why it failed; for any other host every failure reads the same, so
 * the check cannot be used to probe which hosts and ports answer.
 */
export function isKnownEdesk(baseUrl: string, config: Config): boolean {
	return baseUrl === SANDBOX_BASE_URL || config.edeskAllowedBaseUrls.includes(baseUrl);
}

function invalid(why: string): HttpError {
	return new HttpError(400, 'invalid_request', `base_url: ${why}`);
}
