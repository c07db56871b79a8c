/**
 * Proves that writes reached the eDesk sandbox exactly once: matches each write a load client sent
 * against the sandbox's request log by method, path and body SHA-256. Node only.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of every key order of `body`'s JSON, so the check does not depend on the Worker's key order. */
export function bodyHashes(body) {
	const orders = (keys) =>
		keys.length <= 1
			? [keys]
			: keys.flatMap((k, i) =>
					orders([...keys.slice(0, i), ...keys.slice(i + 1)]).map((rest) => [k, ...rest]),
				);
	return orders(Object.keys(body)).map((keys) =>
		createHash('sha256')
			.update(JSON.stringify(Object.fromEntries(keys.map((k) => [k, body[k]]))))
			.digest('hex'),
	);
}

/**
 * Matches the writes the clients sent (`{ uid, tool, method, path, hashes, outcome }`) against the
 * sandbox's log of write requests (`{ entries, polls, overflowRisk }` from createRequestLogCollector).
 * Returns the counts and a list of problems (empty when every write reached the sandbox exactly once).
 */
export function verifyWrites(writes, log) {
	const byKey = new Map();
	for (const e of log.entries) {
		const key = `${e.method} ${e.path} ${e.body_sha256}`;
		byKey.set(key, [...(byKey.get(key) ?? []), e]);
	}
	const matched = new Set();
	const problems = [];
	for (const w of writes) {
		const hits = w.hashes.flatMap((h) => byKey.get(`${w.method} ${w.path} ${h}`) ?? []);
		for (const e of hits) matched.add(e.seq);
		const expected = w.outcome === 'network_error' ? [0, 1] : [1];
		if (!expected.includes(hits.length))
			problems.push(`${w.uid} (${w.tool}, ${w.outcome}) reached the sandbox ${hits.length} times`);
		const status = hits[0]?.status;
		if (hits.length === 1 && w.outcome === 'ok' && !(status >= 200 && status < 300))
			problems.push(`${w.uid}: ok result but the sandbox answered ${status}`);
		if (hits.length === 1 && w.outcome === 'rate_limited' && status !== 429)
			problems.push(`${w.uid}: rate_limited result but the sandbox answered ${status}`);
	}
	const unknown = log.entries.filter((e) => !matched.has(e.seq));
	const ok = writes.filter((w) => w.outcome === 'ok').length;
	const logged2xx = log.entries.filter((e) => e.status >= 200 && e.status < 300).length;
	const rateLimited = writes.filter((w) => w.outcome === 'rate_limited').length;
	const logged429 = log.entries.filter((e) => e.status === 429).length;
	if (unknown.length > 0)
		problems.push(
			`${unknown.length} logged writes match no write a client sent (e.g. seq ${unknown[0].seq} ${unknown[0].method} ${unknown[0].path})`,
		);
	if (ok !== logged2xx)
		problems.push(`${ok} successful write results but ${logged2xx} logged 2xx writes`);
	if (rateLimited !== logged429)
		problems.push(`${rateLimited} rate-limited write results but ${logged429} logged 429 writes`);
	if (log.overflowRisk)
		problems.push(
			'the sandbox log may have dropped entries between two polls; the writes could not all be verified',
		);
	return {
		sent: writes.length,
		ok,
		rate_limited: rateLimited,
		logged: log.entries.length,
		logged_2xx: logged2xx,
		logged_429: logged429,
		log_polls: log.polls,
		problems,
	};
}
