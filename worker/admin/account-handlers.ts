/** Handlers of `/integrated-account[/:id]`: connect, list, read and disconnect eDesk accounts. */
import { encryptSecret } from '../auth/credential-crypto';
import type { AccountRecord } from '../auth/records';
import { requireCredentialKey } from '../config';
import { accountDirectory } from '../directory/directory';
import { HttpError } from '../lib/errors';
import { json } from '../lib/http';
import { createUpstreamFetcher } from '../proxy/upstream-fetcher';
import { audit, requireAccount, type AdminContext } from './admin-context';
import { isKnownEdesk, requireBaseUrl } from './base-url';
import { readJsonBody } from './read-body';
import { CreateAccountBodySchema } from './schemas';
import { verifyEdeskCredential } from './verify-edesk-credential';
import { byCreatedAt, toAccountView } from './views';

/** `POST /integrated-account`: checks the eDesk token with /whoami, stores it encrypted. 201. */
export async function createAccount(c: AdminContext): Promise<Response> {
	const body = await readJsonBody(c.request, CreateAccountBodySchema);
	const baseUrl = requireBaseUrl(body.base_url, c.config, c.env);
	const credentialKey = requireCredentialKey(c.config);
	const edeskUser = await verifyEdeskCredential(
		{
			fetcher: createUpstreamFetcher(c.env, baseUrl),
			baseUrl,
			knownEdesk: isKnownEdesk(baseUrl, c.config),
		},
		body.api_token,
	);
	const account: AccountRecord = {
		id: crypto.randomUUID(),
		name: body.name,
		base_url: baseUrl,
		credential: await encryptSecret(body.api_token, credentialKey),
		edesk_user: edeskUser,
		created_at: new Date().toISOString(),
	};
	await c.store.putAccount(account);
	audit(c, 'account.create', { account_id: account.id });
	return json(toAccountView(account), { status: 201 });
}

/** `GET /integrated-account`. */
export async function listAccounts(c: AdminContext): Promise<Response> {
	const accounts = await c.store.listAccounts();
	return json({ data: accounts.sort(byCreatedAt).map(toAccountView) });
}

/** `GET /integrated-account/:id`. */
export async function getAccount(c: AdminContext): Promise<Response> {
	return json(toAccountView(await requireAccount(c)));
}

/** `DELETE /integrated-account/:id`: revokes every MCP server of the account (and its alarm), then the account. */
export async function deleteAccount(c: AdminContext): Promise<Response> {
	const account = await requireAccount(c);
	// From here on the directory refuses new servers for this account, so none is left behind.
	const closed = await accountDirectory(c.env, account.id).closeAccount(account.id);
	if (!closed.ok)
		throw new HttpError(404, 'not_found', `No integrated account with id "${account.id}"`);
	audit(c, 'account.delete', { account_id: account.id });
	return json({ id: account.id, deleted: true, revoked_mcp_servers: closed.value.revoked });
}
