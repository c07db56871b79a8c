/** The TOKENS KV namespace of one environment through the wrangler CLI (local state or remote). Node only. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { wranglerCommand, wranglerEnv } from '../local-server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** wrangler's target flags: `--local --env dev` (optionally `--persist-to`) or `--remote --env <name>`. */
export function kvTarget(env, persistTo) {
	const args = env === 'local' ? ['--local', '--env', 'dev'] : ['--remote', '--env', env];
	if (env === 'local' && persistTo) args.push('--persist-to', persistTo);
	return args;
}

/** Runs the project's wrangler synchronously; its output is returned, never printed. */
export function runWrangler(args) {
	const [command, commandArgs] = wranglerCommand(args);
	const result = spawnSync(command, commandArgs, {
		cwd: ROOT,
		encoding: 'utf8',
		env: wranglerEnv(),
	});
	if (result.error) throw result.error;
	return result;
}
