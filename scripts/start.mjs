/**
 * `npm start`: runs edesk-mcp and the bundled eDesk sandbox locally and prints a working MCP URL.
 * With EDESK_API_TOKEN set (and optionally EDESK_BASE_URL) it connects that eDesk account instead.
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

const server = await startWrangler({
	port,
	inspectorPort: Number(process.env.INSPECTOR_PORT ?? 9229),
	logLevel: process.env.LOG_LEVEL ?? 'warn',
});
const shutdown = async () => {
	await server.stop();
	process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

try {
	const apiToken = await mintLocalApiToken(vars.JWT_SECRET, { subject: 'npm-start', ttl: '12h' });
	const { url, account } = await provisionServer(server.origin, apiToken, { edesk });
	console.log(`
edesk-mcp is running against ${edesk ? edesk.baseUrl : 'the bundled eDesk sandbox'} (account "${account.name}").

  MCP URL:  ${url}

Paste it into ChatGPT (Developer mode), Claude Desktop (via mcp-remote) or the MCP Inspector; see README.
A management API token valid for 12 hours (Authorization: Bearer …):
  ${apiToken}
Press Ctrl+C to stop.
`);
} catch (error) {
	console.error(`Could not set up the local MCP server: ${error.message}`);
	await server.stop();
	process.exit(1);
}
