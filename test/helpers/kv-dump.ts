/** Reads every entry of the TOKENS KV namespace, for checks that no secret is stored. */
import { env } from 'cloudflare:workers';

/** Every KV entry as `name` and `value` (values as text). */
export async function dumpKv(): Promise<{ name: string; value: string }[]> {
	const out: { name: string; value: string }[] = [];
	let cursor: string | undefined;
	do {
		const page = await env.TOKENS.list({ cursor });
		for (const key of page.keys)
			out.push({ name: key.name, value: (await env.TOKENS.get(key.name)) ?? '' });
		cursor = page.list_complete ? undefined : page.cursor;
	} while (cursor);
	return out;
}
