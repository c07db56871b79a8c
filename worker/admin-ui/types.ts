/** What the management API answers, as the management page reads it (the API's own shapes are in /openapi.json). */

export interface Account {
	id: string;
	name: string;
	base_url: string;
	edesk_user?: { id?: number | string; name?: string; email?: string };
	created_at: string;
}

export type ToolExposure = 'all' | 'discovery';

export interface ServerConfig {
	methods: string[];
	tags: string[];
	require_api_token_auth: boolean;
	tool_exposure: ToolExposure;
}

export interface Server {
	id: string;
	account_id: string;
	name: string;
	config: ServerConfig;
	expires_at: string | null;
	created_at: string;
	seeded: boolean;
	last_used_at: string | null;
	calls_24h: number;
	errors_24h: number;
}

/** A server as `POST …/mcp` answers it: with its URL, this once. */
export interface CreatedServer extends Server {
	url: string;
}

export interface Meta {
	methods: string[];
	method_groups: Record<string, string[]>;
	tags: string[];
	tool_count: number;
	tool_exposures: ToolExposure[];
	discovery_tools: string[];
	default_base_url: string;
	sandbox_base_url: string | null;
	name_max_chars: number;
	min_expiry_ahead_seconds: number;
	max_expiry_ahead_days: number;
	oauth_mcp_url: string;
}

export interface Preview {
	/** The server's tools (what its filters keep) and their number. */
	count: number;
	tools: { name: string; method: string }[];
	tool_exposure: ToolExposure;
	/** What tools/list holds: those tools, or a discovery server's three meta-tools. */
	listed: string[];
	tokens_estimate: number;
}

export interface ActivityEntry {
	id: string;
	at: string;
	tool: string;
	outcome: 'ok' | 'error' | 'refused';
	error_code: string | null;
	status: number | null;
	duration_ms: number;
	via: 'url' | 'oauth';
	client_id: string | null;
	grant_id: string | null;
	record_ids: Record<string, number | number[]>;
	payload_bytes: number | null;
}

export interface Page<T> {
	data: T[];
	next_cursor: string | null;
}

export interface Grant {
	id: string;
	client_id: string;
	client_name: string | null;
	scope: readonly string[];
	created_at: string;
	expires_at: string | null;
	last_used_at: string | null;
}
