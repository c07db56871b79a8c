/** The client versions the page's copy-paste snippets pin (the versions the project's tests run). */

/** `@modelcontextprotocol/inspector`, as in package.json. */
export const INSPECTOR_VERSION = '2.12.0';
/** `mcp-remote`, as in package.json. */
export const MCP_REMOTE_VERSION = '0.15.1';
