/** The management page's script, served as /admin/app.js: the four client parts in one strict-mode function scope. */
import { CLIENT_ACCOUNTS } from './client-accounts';
import { CLIENT_CORE } from './client-core';
import { CLIENT_SERVER_FORM } from './client-server-form';
import { CLIENT_SERVERS } from './client-servers';

/**
 * Drops indentation, blank lines and whole-line comments. Safe because the client parts hold no
 * multi-line strings (they are written without template literals).
 */
function toCompactScript(source: string): string {
	return source
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('//') && !/^\/\*\*.*\*\/$/.test(line))
		.join('\n');
}

/** The script text (plain ES2022, no framework). */
export const APP_JS = `'use strict';\n(() => {\n${toCompactScript(
	[CLIENT_CORE, CLIENT_SERVER_FORM, CLIENT_SERVERS, CLIENT_ACCOUNTS].join('\n'),
)}\n})();\n`;
