/** Reads `KEY = "value"` vars of one environment from wrangler.toml (enough for the scripts). Node only. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WRANGLER_TOML = fileURLToPath(new URL('../../wrangler.toml', import.meta.url));

/** KEY = "value" pairs of one [section] of a TOML text. */
export function readTomlSection(text, section) {
	const out = {};
	let current = '';
	for (const raw of text.split('\n')) {
		const line = raw.replace(/\s+#.*$/, '').trim();
		const header = /^\[([^\]]+)\]$/.exec(line);
		if (header) {
			current = header[1].trim();
			continue;
		}
		const pair = /^([A-Za-z0-9_]+)\s*=\s*"((?:[^"\\]|\\.)*)"$/.exec(line);
		if (pair && current === section) out[pair[1]] = pair[2];
	}
	return out;
}

/** The vars of `env` (`local` reads the top-level [vars], which [env.dev.vars] mirrors). */
export function readTomlVars(env) {
	return readTomlSection(
		readFileSync(WRANGLER_TOML, 'utf8'),
		env === 'local' ? 'vars' : `env.${env}.vars`,
	);
}
