/** Parses eDesk error responses (error envelope, 429, 5xx, non-JSON gateway pages) into a tagged UpstreamError. */

/** Field-level validation problem reported by eDesk (`details.<field>.errorCode`). */
export interface UpstreamFieldError {
	field: string;
	errorCode: string;
}

export type UpstreamError =
	| {
			kind: 'http';
			status: number;
			message: string;
			details: string | undefined;
			fields: UpstreamFieldError[];
	  }
	| { kind: 'rate_limited'; retryAfterSeconds: number; message: string }
	| { kind: 'unavailable'; message: string }
	| { kind: 'invalid_response'; status: number; message: string };

/** eDesk's documented validation codes (edesk-api.md §5). */
export const EDESK_ERROR_CODES: Readonly<Record<string, string>> = {
	'4001': 'missing required field',
	'4002': 'object not found',
	'4003': 'must be unique',
	'4004': 'not accessible for this user',
	'4005': 'must be numeric',
	'4006': 'must be an array',
	'4007': 'must be one of the allowed values',
	'4008': 'must be a string',
	'4009': 'must be a boolean',
	'4010': 'must be a valid date',
	'4011': 'must be a valid file url',
	'4012': 'must be a valid image url',
	'4013': 'channel type not supported',
	'4014': 'sales order does not match the channel',
	'4015': 'client does not match the channels',
	'4016': 'templates limit exceeded',
	'4017': 'sales order item does not match the sales order',
	'4018': 'custom field value must match its type',
	'4019': 'attachment format not valid',
	'4020': 'too long',
	'4021': 'must be an email',
	'4022': 'message items limit reached',
};

/** Default wait when eDesk sends a 429 without a usable Retry-After (its bucket refills 2/s). */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Parses a Retry-After value (seconds or HTTP date) into whole seconds, or undefined. */
export function parseRetryAfter(
	value: string | null,
	now: number = Date.now(),
): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Maps a non-2xx eDesk status and body text to an UpstreamError. */
export function toUpstreamError(
	status: number,
	bodyText: string,
	retryAfter: string | null,
): UpstreamError {
	let envelope: unknown;
	try {
		envelope = JSON.parse(bodyText);
	} catch {
		envelope = undefined;
	}
	const error =
		typeof envelope === 'object' && envelope !== null && 'error' in envelope
			? (envelope as { error: unknown }).error
			: undefined;
	const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
	const message = typeof e.message === 'string' ? e.message : statusText(status);
	if (status === 429) {
		return {
			kind: 'rate_limited',
			retryAfterSeconds: parseRetryAfter(retryAfter) ?? DEFAULT_RETRY_AFTER_SECONDS,
			message: typeof e.details === 'string' ? `${message} (${e.details})` : message,
		};
	}
	const fields: UpstreamFieldError[] = [];
	let details: string | undefined;
	if (typeof e.details === 'string') details = e.details;
	else if (typeof e.details === 'object' && e.details !== null) {
		for (const [field, info] of Object.entries(e.details as Record<string, unknown>)) {
			const code =
				typeof info === 'object' && info !== null
					? (info as Record<string, unknown>).errorCode
					: info;
			fields.push({ field, errorCode: String(code) });
		}
	}
	return { kind: 'http', status, message, details, fields };
}

function statusText(status: number): string {
	if (status === 401 || status === 403) return 'Not authorized';
	if (status === 404) return 'Not Found';
	if (status >= 500) return 'eDesk server error';
	return `HTTP ${status}`;
}
