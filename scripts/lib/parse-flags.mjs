/** `--name value`, `--name=value` and `--flag` command-line parsing against declared defaults. Node only. */

/** parseFlags, or prints the problem and exits 2 (for scripts' top level). */
export function parseFlagsOrExit(argv, defaults) {
	try {
		return parseFlags(argv, defaults);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(2);
	}
}

/**
 * Parses `argv` for the keys of `defaults` (camelCase key ↔ kebab-case flag). Numbers and booleans
 * follow the type of the default; `--no-<flag>` sets a boolean false. Unknown flags throw.
 */
export function parseFlags(argv, defaults) {
	const out = { ...defaults };
	const kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
	const byFlag = new Map(Object.keys(defaults).map((k) => [kebab(k), k]));
	for (let i = 0; i < argv.length; i++) {
		const m = /^--(no-)?([a-z0-9-]+)(?:=(.*))?$/.exec(argv[i]);
		const key = m && byFlag.get(m[2]);
		if (!m || !key)
			throw new Error(
				`unknown argument ${argv[i]} (flags: ${[...byFlag.keys()].map((f) => `--${f}`).join(', ')})`,
			);
		const type = typeof defaults[key];
		if (type === 'boolean') {
			out[key] = m[1] ? false : m[3] === undefined ? true : m[3] !== 'false';
			continue;
		}
		const raw = m[3] ?? argv[++i];
		if (raw === undefined) throw new Error(`--${m[2]} needs a value`);
		if (type === 'number') {
			out[key] = Number(raw);
			if (!Number.isFinite(out[key])) throw new Error(`--${m[2]} must be a number`);
		} else out[key] = raw;
	}
	return out;
}
