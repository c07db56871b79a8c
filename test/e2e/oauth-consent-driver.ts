/**
 * Completes the consent page (`/authorize`) of a running server over HTTP, as a person in a browser
 * does: opens the page, keeps its cookie, pastes the MCP server's access key, approves. Node only.
 */

/** The hidden field `name` of a consent page. */
function hidden(html: string, name: string): string {
	const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
	if (value === undefined)
		throw new Error(`the consent page has no ${name}: ${html.slice(0, 400)}`);
	return value;
}

/** Approves the authorization request at `authorizeUrl` with `key`; the redirect back to the client. */
export async function approveConsent(authorizeUrl: string | URL, key: string): Promise<URL> {
	const page = await fetch(authorizeUrl, { redirect: 'manual' });
	const html = await page.text();
	if (page.status !== 200) throw new Error(`consent page ${page.status}: ${html.slice(0, 400)}`);
	const cookie = page.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const post = (fields: Record<string, string>) =>
		fetch(authorizeUrl, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ handle: hidden(html, 'handle'), ...fields }),
		});
	const checked = await post({ step: 'check', key });
	const confirm = await checked.text();
	if (checked.status !== 200)
		throw new Error(`access key refused (${checked.status}): ${confirm.slice(0, 400)}`);
	const approved = await post({ step: 'approve', ticket: hidden(confirm, 'ticket') });
	const location = approved.headers.get('location');
	if (approved.status !== 302 || !location)
		throw new Error(`approval ${approved.status}: ${(await approved.text()).slice(0, 400)}`);
	return new URL(location);
}
