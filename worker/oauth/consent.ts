/**
 * The consent page `/authorize` (GET shows it, POST answers its steps). The person proves they may use
 * one MCP server by pasting its access key (the URL token), sees what they grant, and approves or
 * denies. Failed keys are rate-limited per client address; the form is bound to the browser by the
 * provider's consent handle and cookie.
 */
import {
	AuthorizationError,
	CimdFetchError,
	type AuthRequest,
	type ConsentDescription,
	type OAuthHelpers,
} from '@cloudflare/workers-oauth-provider';
import { sha256Hex } from '../auth/hash';
import type { McpServerRecord } from '../auth/records';
import { createTokenStore } from '../auth/token-store';
import { parseConfig, requireCredentialKey } from '../config';
import { isExpired } from '../expiry/is-expired';
import { readRequestText } from '../lib/read-limited';
import { findLiveServer } from '../servers/live-server';
import { toolsFor } from '../tools/filter-tools';
import { attemptWaitSeconds, recordFailedAttempt } from './attempts';
import { confirmPage, consentHeaders, keyPage, messagePage, type GrantFacts } from './consent-page';
import { signTicket, verifyTicket } from './consent-ticket';
import { OAUTH_SCOPES, requestOAuthApi } from './provider';

/** The largest consent form read (a handle, a key and a ticket). */
const MAX_FORM_BYTES = 16 * 1024;
/** A pasted MCP URL or bare token: the URL token is the `em_…` part. */
const URL_TOKEN = /em_[A-Za-z0-9_-]{20,128}/;

/** GET /authorize: the first step, or the error where the request came from a client that is not trusted. */
export async function showConsent(request: Request, env: Env): Promise<Response> {
	const oauth = requestOAuthApi(env);
	return withAuthErrors(async () => {
		const authRequest = await oauth.parseAuthRequest(request);
		const details = await oauth.describeConsent(authRequest);
		const consent = await oauth.beginConsent(authRequest);
		return html(
			keyPage(details, consent.handle),
			200,
			consentHeaders(consent.headers, authRequest.redirectUri),
		);
	});
}

/** POST /authorize: `check` (the key), `approve` (with the ticket of a checked key) or `deny`. */
export async function answerConsent(request: Request, env: Env): Promise<Response> {
	const oauth = requestOAuthApi(env);
	return withAuthErrors(async () => {
		const authRequest = await oauth.parseAuthRequest(request);
		const details = await oauth.describeConsent(authRequest);
		const read = await readRequestText(request, MAX_FORM_BYTES);
		if (!read.ok)
			return page('The form could not be read', 'Send the consent form again.', 400, authRequest);
		const form = new URLSearchParams(read.text);
		const handle = form.get('handle') ?? '';
		const step = form.get('step');
		if (step === 'deny') {
			const denied = await oauth.denyConsent(request, handle);
			return new Response(null, { status: 302, headers: denied.headers });
		}
		const flow: Flow = { request, env, oauth, authRequest, details, handle };
		if (step === 'check') return checkKey(flow, form.get('key') ?? '');
		if (step === 'approve') return approve(flow, form.get('ticket') ?? '');
		return page(
			'Unknown step',
			'The consent form was not sent as this page sends it.',
			400,
			authRequest,
		);
	});
}

interface Flow {
	request: Request;
	env: Env;
	oauth: OAuthHelpers;
	authRequest: AuthRequest;
	details: ConsentDescription;
	handle: string;
}

/** Step 1 → 2: a key that opens a live server leads to the confirmation; any other counts as a failed attempt. */
async function checkKey(flow: Flow, key: string): Promise<Response> {
	const wait = await attemptWaitSeconds(flow.env, flow.request);
	if (wait > 0) return tooMany(flow, wait);
	const server = await serverOfKey(flow.env, key);
	if (!server) {
		const waitNow = await recordFailedAttempt(flow.env, flow.request);
		if (waitNow > 0) return tooMany(flow, waitNow);
		const error = 'This access key does not open an MCP server (it is wrong, revoked or expired).';
		return html(
			keyPage(flow.details, flow.handle, error),
			400,
			consentHeaders(new Headers(), flow.authRequest.redirectUri),
		);
	}
	const secret = credentialKey(flow.env);
	const ticket = await signTicket(
		secret,
		flow.handle,
		{ server_id: server.id, account_id: server.account_id },
		Date.now(),
	);
	const facts = await grantFacts(flow.env, server);
	return html(
		confirmPage(flow.details, flow.handle, ticket, facts),
		200,
		consentHeaders(new Headers(), flow.authRequest.redirectUri),
	);
}

/** Step 2 → client: the grant binds its tokens to the ticket's server, which must still be live. */
async function approve(flow: Flow, ticket: string): Promise<Response> {
	const named = await verifyTicket(credentialKey(flow.env), flow.handle, ticket, Date.now());
	const server = named
		? await createTokenStore(flow.env.TOKENS).getServer(named.account_id, named.server_id)
		: null;
	if (!server || isExpired(server, Date.now())) {
		return page(
			'This approval cannot be used',
			'The MCP server was revoked or expired, or the page was open for too long.',
			400,
			flow.authRequest,
		);
	}
	const requested = flow.authRequest.scope.filter((s) =>
		(OAUTH_SCOPES as readonly string[]).includes(s),
	);
	const approved = await flow.oauth.approveConsent(flow.request, flow.handle, {
		scope: [...new Set(['mcp', ...requested])],
	});
	const { redirectTo } = await flow.oauth.completeAuthorization({
		request: approved.request,
		// One OAuth "user" per MCP server: revoking the server revokes exactly its grants.
		userId: server.id,
		metadata: {
			server_id: server.id,
			account_id: server.account_id,
			client_name: flow.details.clientName.slice(0, 200),
		},
		scope: approved.request.scope,
		props: { server_id: server.id, account_id: server.account_id, token_hash: server.token_hash },
		revokeExistingGrants: true,
	});
	approved.headers.set('location', redirectTo);
	return new Response(null, { status: 302, headers: approved.headers });
}

/** The live server whose URL token is in `key` (a pasted URL or the bare token), or null. */
async function serverOfKey(env: Env, key: string): Promise<McpServerRecord | null> {
	const token = URL_TOKEN.exec(key)?.[0];
	if (!token) return null;
	return findLiveServer(createTokenStore(env.TOKENS), await sha256Hex(token));
}

async function grantFacts(env: Env, server: McpServerRecord): Promise<GrantFacts> {
	const account = await createTokenStore(env.TOKENS).getAccount(server.account_id);
	return {
		accountName: account?.name ?? server.account_id,
		serverName: server.name,
		methods: server.config.methods,
		tags: server.config.tags,
		toolCount: toolsFor(server.config).length,
		toolExposure: server.config.tool_exposure,
		expiresAt: server.expires_at,
		lockedWithApiToken: server.config.require_api_token_auth,
	};
}

function credentialKey(env: Env): string {
	return requireCredentialKey(parseConfig(env));
}

function tooMany(flow: Flow, seconds: number): Response {
	const minutes = Math.max(1, Math.ceil(seconds / 60));
	const response = page(
		'Too many attempts',
		`Too many wrong access keys from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
		429,
		flow.authRequest,
	);
	response.headers.set('retry-after', String(seconds));
	return response;
}

function page(title: string, text: string, status: number, authRequest?: AuthRequest): Response {
	return html(
		messagePage(title, text),
		status,
		consentHeaders(new Headers(), authRequest?.redirectUri),
	);
}

function html(body: string, status: number, headers: Headers): Response {
	return new Response(body, { status, headers });
}

/** MCP authorization: redirect an error only to a validated redirect URI; render the rest here. */
async function withAuthErrors(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof AuthorizationError && error.redirectTo) {
			return new Response(null, {
				status: 302,
				headers: { location: error.redirectTo, 'cache-control': 'no-store' },
			});
		}
		if (error instanceof AuthorizationError)
			return page('This sign-in cannot go on', error.description, 400);
		if (error instanceof CimdFetchError)
			return page(
				'This app could not be verified',
				'Its client metadata document could not be fetched or is not valid.',
				400,
			);
		throw error;
	}
}
