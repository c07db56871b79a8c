/** Times on the page: absolute (the viewer's locale), relative ("5 min ago") and live countdowns to an expiry. */
import { h } from './dom';

export const DATE_FORMAT = new Intl.DateTimeFormat(undefined, {
	dateStyle: 'medium',
	timeStyle: 'short',
});
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
	dateStyle: 'short',
	timeStyle: 'medium',
});

/** A <time> with the date and time in the viewer's locale. */
export function timeEl(iso: string, precise = false): HTMLTimeElement {
	const date = new Date(iso);
	return h('time', {
		datetime: iso,
		text: (precise ? TIME_FORMAT : DATE_FORMAT).format(date),
		title: date.toISOString(),
	});
}

/** '6 d 23 h', '59 min 12 s', '8 s'. */
export function formatDuration(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	const days = Math.floor(s / 86400);
	const hours = Math.floor((s % 86400) / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	if (days > 0) return `${days} d ${hours} h`;
	if (hours > 0) return `${hours} h ${minutes} min`;
	if (minutes > 0) return `${minutes} min ${s % 60} s`;
	return `${s} s`;
}

/** 'just now', '5 min ago', '3 h ago', '2 d ago'. */
export function ago(iso: string, now = Date.now()): string {
	const s = Math.floor((now - Date.parse(iso)) / 1000);
	if (s < 60) return 'just now';
	if (s < 3600) return `${Math.floor(s / 60)} min ago`;
	if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
	return `${Math.floor(s / 86400)} d ago`;
}

/** Updates every live countdown; an expired one turns into a red 'Expired' badge and marks its row. */
export function tickCountdowns(): void {
	const now = Date.now();
	for (const el of document.querySelectorAll<HTMLElement>('[data-expires]')) {
		const left = Date.parse(el.dataset.expires ?? '') - now;
		if (left <= 0) {
			el.textContent = 'Expired';
			el.classList.add('expired');
			el.closest('tr')?.classList.add('is-expired');
		} else {
			el.textContent = `${formatDuration(left)} left`;
			el.classList.toggle('soon', left < 3_600_000);
		}
	}
}
