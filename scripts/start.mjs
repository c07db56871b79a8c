/**
 * `npm start`: runs edesk-mcp and the bundled eDesk sandbox locally and prints a working MCP URL.
 * With EDESK_API_TOKEN set (and optionally EDESK_BASE_URL) it connects that eDesk account instead.
 * SIGINT or SIGTERM stops wrangler and workerd with it; a port already in use stops it before it starts.
 */
import {
	ensureDevVars,
	mintLocalApiToken,
	provisionServer,
	startWrangler,
} from './local-server.mjs';

const port = Number(process.env.PORT ?? 8787);
const vars = ensureDevVars();
const edesk = process.env.EDESK_API_TOKEN
	? {
			apiToken: process.env.EDESK_API_TOKEN,
			baseUrl: process.env.EDESK_BASE_URL ?? 'https://api.edesk.com/v1',
		}
	: undefined;

let server;
let stopping = false;
const shutdown = async (code = 0) => {
	if (stopping) return;
	stopping = true;
	await server?.stop();
	process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// npm runs this script under a shell that does not pass signals on: when npm (or the shell) goes,
// this process is re-parented, and stops too, so no wrangler or workerd is left holding the port.
const parentPid = process.ppid;
setInterval(() => {
	if (process.ppid !== parentPid) void shutdown(0);
}, 500).unref();

try {
	server = await startWrangler({
		port,
		inspectorPort: Number(process.env.INSPECTOR_PORT ?? 9229),
		logLevel: process.env.LOG_LEVEL ?? 'warn',
	});
} catch (error) {
	console.error(`edesk-mcp could not start: ${error.message}`);
	process.exit(1);
}
// wrangler ending on its own (a crash) ends npm start too, with its exit code.
server.child.once('exit', (code) => {
	if (!stopping) {
		console.error(`wrangler dev exited (code ${code ?? 'null'}); stopping.`);
		void shutdown(code || 1);
	}
});

try {
	const apiToken = await mintLocalApiToken(vars.JWT_SECRET, { subject: 'npm-start', ttl: '12h' });
	const { url, account } = await provisionServer(server.origin, apiToken, { edesk });
	console.log(`
edesk-mcp is running against ${edesk ? edesk.baseUrl : 'the bundled eDesk sandbox'} (account "${account.name}").

  MCP URL:     ${url}
  OAuth URL:   ${server.origin}/mcp   (sign in with the MCP URL above as the access key)
  Admin page:  ${server.origin}/admin

Paste the MCP URL into ChatGPT (Developer mode, "No authentication"), Claude Desktop (via mcp-remote)
or the MCP Inspector; or add the OAuth URL as a connector with OAuth. See README.
A management API token valid for 12 hours (Authorization: Bearer …; the admin page asks for it):
  ${apiToken}
Press Ctrl+C to stop.
`);
} catch (error) {
	console.error(`Could not set up the local MCP server: ${error.message}`);
	await shutdown(1);
}
