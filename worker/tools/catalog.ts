/** The bundled tool catalogue: every schemas/resources and schemas/docs JSON file, derived once at load. No I/O. */
import tickets from '../../schemas/resources/tickets.json';
import ticketData from '../../schemas/resources/ticket-data.json';
import messages from '../../schemas/resources/messages.json';
import contacts from '../../schemas/resources/contacts.json';
import salesOrders from '../../schemas/resources/sales-orders.json';
import salesOrderTrackingLinks from '../../schemas/resources/sales-order-tracking-links.json';
import orderNotes from '../../schemas/resources/order-notes.json';
import orderNoteAttachments from '../../schemas/resources/order-note-attachments.json';
import tags from '../../schemas/resources/tags.json';
import tagGroups from '../../schemas/resources/tag-groups.json';
import templates from '../../schemas/resources/templates.json';
import channels from '../../schemas/resources/channels.json';
import users from '../../schemas/resources/users.json';
import me from '../../schemas/resources/me.json';
import ticketsDocs from '../../schemas/docs/tickets.json';
import ticketDataDocs from '../../schemas/docs/ticket-data.json';
import messagesDocs from '../../schemas/docs/messages.json';
import contactsDocs from '../../schemas/docs/contacts.json';
import salesOrdersDocs from '../../schemas/docs/sales-orders.json';
import salesOrderTrackingLinksDocs from '../../schemas/docs/sales-order-tracking-links.json';
import orderNotesDocs from '../../schemas/docs/order-notes.json';
import orderNoteAttachmentsDocs from '../../schemas/docs/order-note-attachments.json';
import tagsDocs from '../../schemas/docs/tags.json';
import tagGroupsDocs from '../../schemas/docs/tag-groups.json';
import templatesDocs from '../../schemas/docs/templates.json';
import channelsDocs from '../../schemas/docs/channels.json';
import usersDocs from '../../schemas/docs/users.json';
import meDocs from '../../schemas/docs/me.json';
import { CHATGPT_TOOLS } from './chatgpt/tools';
import { deriveTools } from './derive-tools';
import type { DocRecords, ResourceDefinition, ToolSpec } from './tool-spec';

// One [resource, docs] pair per file stem; scripts/check-schemas.mjs checks this list against schemas/.
const PAIRS: readonly (readonly [ResourceDefinition, DocRecords[string]])[] = [
	[tickets, ticketsDocs],
	[ticketData, ticketDataDocs],
	[messages, messagesDocs],
	[contacts, contactsDocs],
	[salesOrders, salesOrdersDocs],
	[salesOrderTrackingLinks, salesOrderTrackingLinksDocs],
	[orderNotes, orderNotesDocs],
	[orderNoteAttachments, orderNoteAttachmentsDocs],
	[tags, tagsDocs],
	[tagGroups, tagGroupsDocs],
	[templates, templatesDocs],
	[channels, channelsDocs],
	[users, usersDocs],
	[me, meDocs],
];

/**
 * Every tool: the derived ones in resource then list/get/create/update/delete order, then ChatGPT's
 * hand-written `search` and `fetch` (worker/tools/chatgpt/), which span tickets and sales orders.
 */
export const TOOL_CATALOG: readonly ToolSpec[] = [
	...deriveTools(
		PAIRS.map(([resource]) => resource),
		Object.fromEntries(PAIRS.map(([resource, docs]) => [resource.resource, docs])),
	),
	...CHATGPT_TOOLS,
];

/** Every tag used by some tool, sorted. */
export const ALL_TAGS: readonly string[] = [...new Set(TOOL_CATALOG.flatMap((t) => t.tags))].sort();

const BY_NAME: ReadonlyMap<string, ToolSpec> = new Map(TOOL_CATALOG.map((t) => [t.name, t]));

/** The tool with this exact name, if any. */
export function findTool(name: string): ToolSpec | undefined {
	return BY_NAME.get(name);
}
