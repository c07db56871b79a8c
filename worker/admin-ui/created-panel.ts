/** Screen part: a new MCP server's URL, shown once, with a copy button and how to connect ChatGPT, Claude Desktop and the Inspector. */
import { copyField } from './copy-field';
import { byId, h, type Child } from './dom';
import { INSPECTOR_VERSION, MCP_REMOTE_VERSION } from './client-versions';
import { meta } from './state';
import type { CreatedServer } from './types';

function step(title: string, ...content: Child[]): HTMLDivElement {
	return h('div', {}, h('h4', { text: title }), ...content);
}

/** The Inspector CLI command that lists the tools of `url`. */
export function inspectorCommand(url: string, withApiToken: boolean): string {
	return (
		`npx -y -p node@22 -p @modelcontextprotocol/inspector@${INSPECTOR_VERSION} -- mcp-inspector --cli ${url} --transport http --method tools/list` +
		(withApiToken ? ' --header "Authorization: Bearer <API token>"' : '')
	);
}

/** Shows the URL once. It lives only in this DOM node: never stored, gone on reload or 'Done'. */
export function showCreated(server: CreatedServer): void {
	const { url } = server;
	const auth = server.config.require_api_token_auth;
	const args = ['-y', `mcp-remote@${MCP_REMOTE_VERSION}`, url];
	const entry: { command: string; args: string[]; env?: Record<string, string> } = {
		command: 'npx',
		args,
	};
	if (auth) {
		args.push('--header', 'Authorization: Bearer ${EDESK_MCP_API_TOKEN}');
		entry.env = { EDESK_MCP_API_TOKEN: '<API token>' };
	}
	const panel = h(
		'section',
		{ class: 'created', id: 'created', tabindex: '-1', 'aria-labelledby': 'created-title' },
		h('h3', { id: 'created-title', text: `Created “${server.name}”: copy its URL now` }),
		h('p', {
			id: 'created-note',
			text: 'This is the only time the URL is shown. It is not stored anywhere; if it is lost, revoke the server and create a new one. Treat it like a password: it is also the access key people paste when they sign in with OAuth.',
		}),
		copyField({
			id: 'created-url',
			label: 'MCP server URL',
			value: url,
			button: 'Copy URL',
			describedBy: 'created-note',
		}),
		h(
			'div',
			{ class: 'steps' },
			step(
				'ChatGPT or claude.ai (OAuth)',
				h(
					'p',
					{},
					'Add ',
					h('code', { text: meta().oauth_mcp_url }),
					' as a connector with OAuth, then paste this URL on the consent page. See the server’s OAuth button.',
				),
			),
			step(
				'ChatGPT (no authentication)',
				auth
					? h('p', {
							text: 'This URL also needs an API token, which ChatGPT cannot send: connect ChatGPT with OAuth instead.',
						})
					: h(
							'ol',
							{},
							h('li', { text: 'Settings → Apps → Advanced settings: turn on Developer mode.' }),
							h('li', {
								text: 'Create app: paste the URL as the MCP server URL, choose No authentication.',
							}),
							h('li', {
								text: 'ChatGPT needs a public https URL (a deployed Worker or a tunnel).',
							}),
						),
			),
			step(
				'Claude Desktop',
				h('p', { text: 'Add to claude_desktop_config.json, then restart Claude:' }),
				h(
					'pre',
					{},
					h('code', { text: JSON.stringify({ mcpServers: { edesk: entry } }, null, 2) }),
				),
			),
			step(
				'MCP Inspector',
				h('p', { text: 'List the tools from a terminal:' }),
				h('pre', {}, h('code', { text: inspectorCommand(url, auth) })),
			),
		),
		h(
			'div',
			{ class: 'actions' },
			h('button', { type: 'button', text: 'Done: hide the URL', onclick: hideCreated }),
		),
	);
	byId('created-slot').replaceChildren(panel);
	panel.focus();
}

function hideCreated(): void {
	byId('created-slot').replaceChildren();
	byId('servers-title').focus();
}
