/** Reads a JSON request body within MAX_BODY_BYTES and checks it with a zod schema, or throws HttpError 4xx. */
import type * as z from 'zod/mini';
import { MAX_BODY_BYTES } from '../config';
import { HttpError } from '../lib/errors';
import { readRequestText } from '../lib/read-limited';
import { toIssueLines } from './schemas';

/** The parsed body; 400 with `path: message` lines when it does not fit `schema`. An empty body reads as `{}`. */
export async function readJsonBody<S extends z.ZodMiniType>(
	request: Request,
	schema: S,
): Promise<z.output<S>> {
	const type = request.headers.get('content-type');
	if (type !== null && !/^application\/([a-z0-9.+-]+\+)?json\b/i.test(type.trim())) {
		throw new HttpError(415, 'unsupported_media_type', 'Send the request body as application/json');
	}
	const read = await readRequestText(request, MAX_BODY_BYTES);
	if (!read.ok) {
		if (read.reason === 'too_large') throw tooLarge();
		throw new HttpError(400, 'invalid_request', 'The request body could not be read to its end');
	}
	const text = read.text.trim();
	let value: unknown = {};
	if (text !== '') {
		try {
			value = JSON.parse(text);
		} catch {
			throw new HttpError(400, 'invalid_request', 'The request body is not valid JSON');
		}
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		const lines = toIssueLines(parsed.error);
		throw new HttpError(400, 'invalid_request', `Invalid request body: ${lines.join('; ')}`, {
			details: lines,
		});
	}
	return parsed.data;
}

function tooLarge(): HttpError {
	return new HttpError(
		413,
		'payload_too_large',
		`The request body is larger than ${MAX_BODY_BYTES} bytes`,
	);
}
