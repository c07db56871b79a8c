/**
 * Which MCP era a request belongs to, decided once per request from its body's `_meta` and its
 * MCP-Protocol-Version header (MCP 2026-07-28 basic/versioning §Backward Compatibility): a request whose
 * `_meta` claims a protocol version is served statelessly by 2026-07-28 rules; anything else is the
 * initialize era, served exactly as before. Pure: no I/O.
 */
import { RpcErrorCode, type RpcId, type RpcRejection } from './jsonrpc';
import { checkModernHeaders, type HeaderView } from './modern-headers';
import {
	DEFAULT_PROTOCOL_VERSION,
	isLegacyVersion,
	isModernVersion,
	META,
	SUPPORTED_PROTOCOL_VERSIONS,
	unsupportedVersionMessage,
	type LegacyProtocolVersion,
	type ModernProtocolVersion,
} from './protocol';

export type Era =
	| { kind: 'legacy'; version: LegacyProtocolVersion }
	| { kind: 'modern'; version: ModernProtocolVersion; clientCapabilities: Record<string, unknown> };

/** The era of a request, or the refusal to answer it with (HTTP status and JSON-RPC error). */
export type Classified = { ok: true; era: Era } | { ok: false; rejection: RpcRejection };

/** What classification reads of one JSON-RPC request. */
export interface RequestView {
	id: RpcId;
	method: string;
	params: Record<string, unknown> | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request's `_meta` when it claims a protocol version (the mark of a 2026-07-28 request), else undefined. */
export function modernMeta(
	params: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
	const meta = params?._meta;
	return isObject(meta) && Object.hasOwn(meta, META.protocolVersion) ? meta : undefined;
}

/** Classifies one request (MCP 2026-07-28 streamable-http §Request Metadata; the TS SDK's validation order). */
export function classifyRequest(request: RequestView, headers: HeaderView): Classified {
	const header = headers.protocolVersion;
	const meta = modernMeta(request.params);
	const claim = meta?.[META.protocolVersion];
	if (meta === undefined || (typeof claim === 'string' && isLegacyVersion(claim))) {
		return classifyLegacy(request, header, typeof claim === 'string' ? claim : undefined);
	}
	const envelope = checkEnvelope(meta);
	if (envelope) return reject(400, RpcErrorCode.InvalidParams, envelope);
	const claimed = claim as string;
	if (header !== null && header !== claimed) {
		return reject(
			400,
			RpcErrorCode.HeaderMismatch,
			`Header mismatch: MCP-Protocol-Version is ${header.slice(0, 40)} but _meta says ${claimed.slice(0, 40)}`,
		);
	}
	if (headers.method !== null && headers.method !== request.method) {
		return reject(
			400,
			RpcErrorCode.HeaderMismatch,
			`Header mismatch: Mcp-Method does not match the method ${request.method.slice(0, 60)}`,
		);
	}
	if (!isModernVersion(claimed)) {
		return reject(400, RpcErrorCode.UnsupportedProtocolVersion, 'Unsupported protocol version', {
			supported: SUPPORTED_PROTOCOL_VERSIONS,
			requested: claimed.slice(0, 100),
		});
	}
	const mismatch = checkModernHeaders(request, headers);
	if (mismatch) return reject(400, RpcErrorCode.HeaderMismatch, mismatch);
	const clientCapabilities = meta[META.clientCapabilities] as Record<string, unknown>;
	return { ok: true, era: { kind: 'modern', version: claimed, clientCapabilities } };
}

/** The initialize era: the header (or the legacy version a `_meta` names) decides the version. */
function classifyLegacy(
	request: RequestView,
	header: string | null,
	claim: string | undefined,
): Classified {
	if (header === null)
		return {
			ok: true,
			era: {
				kind: 'legacy',
				version: (claim as LegacyProtocolVersion | undefined) ?? DEFAULT_PROTOCOL_VERSION,
			},
		};
	if (isLegacyVersion(header)) return { ok: true, era: { kind: 'legacy', version: header } };
	if (isModernVersion(header)) {
		// A 2026-07-28 header on a request without its `_meta`: malformed (basic/index §Request metadata).
		if (request.method === 'initialize') {
			return reject(
				400,
				RpcErrorCode.HeaderMismatch,
				'Header mismatch: initialize does not exist in 2026-07-28; send it without a 2026-07-28 MCP-Protocol-Version header',
			);
		}
		return reject(
			400,
			RpcErrorCode.InvalidParams,
			`Invalid params: a 2026-07-28 request carries _meta["${META.protocolVersion}"] and _meta["${META.clientCapabilities}"]`,
		);
	}
	return {
		ok: false,
		rejection: {
			status: 400,
			code: RpcErrorCode.ServerError,
			message: unsupportedVersionMessage(header),
			// The initialize era answers this transport refusal with id null, as the TS SDK does.
			withoutId: true,
		},
	};
}

/** Why a 2026-07-28 `_meta` envelope is malformed, or null (basic/index §Request metadata). */
function checkEnvelope(meta: Record<string, unknown>): string | null {
	if (typeof meta[META.protocolVersion] !== 'string')
		return `Invalid params: _meta["${META.protocolVersion}"] must be a string`;
	if (!isObject(meta[META.clientCapabilities]))
		return `Invalid params: _meta["${META.clientCapabilities}"] is required and must be an object`;
	const info = meta[META.clientInfo];
	if (
		info !== undefined &&
		!(isObject(info) && typeof info.name === 'string' && typeof info.version === 'string')
	) {
		return `Invalid params: _meta["${META.clientInfo}"] must be an object with a name and a version`;
	}
	return null;
}

function reject(status: number, code: number, message: string, data?: unknown): Classified {
	return {
		ok: false,
		rejection: data === undefined ? { status, code, message } : { status, code, message, data },
	};
}
