/** DOM helpers of the management page: element lookup and a small element builder (no HTML strings anywhere). */

/** What `h` accepts as children; null, undefined and false are left out. */
export type Child = Node | string | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;
type Props = Record<string, string | number | boolean | null | undefined | Listener>;

/** The element with `id`; a missing one is a bug in the page, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
	const el = document.getElementById(id);
	if (!el) throw new Error(`#${id} is missing from the page`);
	return el as T;
}

/** Builds an element: props are attributes (true = present), `text`, `class` or `on<event>` listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Props = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === null || value === false) continue;
		if (typeof value === 'function') el.addEventListener(key.slice(2), value);
		else if (key === 'text') el.textContent = String(value);
		else if (key === 'class') el.className = String(value);
		else el.setAttribute(key, value === true ? '' : String(value));
	}
	el.append(...flatten(children));
	return el;
}

function flatten(children: readonly Child[]): (Node | string)[] {
	const out: (Node | string)[] = [];
	for (const child of children) {
		if (child === null || child === undefined || child === false) continue;
		if (Array.isArray(child)) out.push(...flatten(child));
		else out.push(child as Node | string);
	}
	return out;
}
