/** `GET /integrated-account/meta`: what a client may put in a server config (methods, bundled tags) and base-URL hints. Read-only; no storage. */
import { TOOL_EXPOSURES } from '../auth/records';
import { SANDBOX_BASE_URL } from '../config';
import { json } from '../lib/http';
import { OAUTH_MCP_PATH, publicOrigin } from '../oauth/provider';
import { ALL_TAGS, TOOL_CATALOG } from '../tools/catalog';
import { META_TOOL_NAMES } from '../tools/discovery/meta-tools';
import { METHOD_GROUPS, METHOD_NAMES } from '../tools/filter-tools';
import type { AdminContext } from './admin-context';
import type { BodyOf, CatalogMetaSchema } from './response-schemas';
import { NAME_MAX_CHARS } from './schemas';
import { MAX_EXPIRY_AHEAD_DAYS, MIN_EXPIRY_AHEAD_SECONDS } from './server-config';

/** The config vocabulary of this deployment, for forms such as the management page. */
export async function getCatalogMeta(c: AdminContext): Promise<Response> {
	return json({
		methods: METHOD_NAMES,
		method_groups: METHOD_GROUPS,
		tags: ALL_TAGS,
		tool_count: TOOL_CATALOG.length,
		tool_exposures: TOOL_EXPOSURES,
		discovery_tools: META_TOOL_NAMES,
		default_base_url: c.config.edeskBaseUrl,
		// Only where the EDESK_SANDBOX binding exists (local development), as in base-url.ts.
		sandbox_base_url: c.env.EDESK_SANDBOX ? SANDBOX_BASE_URL : null,
		name_max_chars: NAME_MAX_CHARS,
		min_expiry_ahead_seconds: MIN_EXPIRY_AHEAD_SECONDS,
		max_expiry_ahead_days: MAX_EXPIRY_AHEAD_DAYS,
		// The OAuth-protected MCP URL (ChatGPT and Claude connectors with OAuth; README "Sign in with
		// OAuth"): the provider's own resource, so its metadata names the same origin.
		oauth_mcp_url: `${publicOrigin(c.env, c.request.url)}${OAUTH_MCP_PATH}`,
	} satisfies BodyOf<typeof CatalogMetaSchema>);
}
