/** Seed product catalogue and address helpers for "Northwind Outdoor" sales orders. Pure builders. */
import type { Address, OrderItem, Product } from './types';

/** A catalogue entry; price is per channel currency at order time. */
interface CatalogEntry {
	index: number;
	title: string;
	weight: number;
	dimensions: string;
	slug: string;
}

const CATALOG: Record<string, CatalogEntry> = {
	'NW-TNT-2P-GRN': {
		index: 1,
		title: 'Ridgeline 2-Person Backpacking Tent – Forest Green',
		weight: 2150,
		dimensions: '18 x 50 x 15 cm',
		slug: 'ridgeline-2p-tent',
	},
	'NW-FTP-2P': {
		index: 2,
		title: 'Ridgeline 2P Tent Footprint',
		weight: 310,
		dimensions: '5 x 25 x 12 cm',
		slug: 'ridgeline-2p-footprint',
	},
	'NW-SB-20F-REG': {
		index: 3,
		title: 'Summit 20°F Down Sleeping Bag – Regular',
		weight: 1020,
		dimensions: '22 x 40 x 22 cm',
		slug: 'summit-20-down-bag',
	},
	'NW-STV-TI': {
		index: 4,
		title: 'Titan Backpacking Stove',
		weight: 85,
		dimensions: '8 x 10 x 6 cm',
		slug: 'titan-stove',
	},
	'NW-PCK-45L': {
		index: 5,
		title: 'Trailhead 45L Backpack – Slate',
		weight: 1400,
		dimensions: '65 x 32 x 24 cm',
		slug: 'trailhead-45l-pack',
	},
	'NW-HL-400': {
		index: 6,
		title: 'Beacon 400 Rechargeable Headlamp',
		weight: 90,
		dimensions: '6 x 9 x 4 cm',
		slug: 'beacon-400-headlamp',
	},
	'NW-PAD-INS-R': {
		index: 7,
		title: 'Loft Insulated Sleeping Pad – Regular',
		weight: 540,
		dimensions: '25 x 10 x 10 cm',
		slug: 'loft-insulated-pad',
	},
	'NW-BTL-1L': {
		index: 8,
		title: 'Insulated Steel Bottle 1L',
		weight: 420,
		dimensions: '28 x 9 x 9 cm',
		slug: 'insulated-bottle-1l',
	},
	'NW-CHR-CMP': {
		index: 9,
		title: 'Basecamp Folding Camp Chair',
		weight: 1800,
		dimensions: '95 x 20 x 20 cm',
		slug: 'basecamp-chair',
	},
	'NW-FLT-SQZ': {
		index: 10,
		title: 'Squeeze Water Filter',
		weight: 85,
		dimensions: '17 x 5 x 5 cm',
		slug: 'squeeze-filter',
	},
	'NW-JKT-RAIN-M': {
		index: 11,
		title: "Stormline Rain Jacket – Men's M",
		weight: 380,
		dimensions: '30 x 25 x 5 cm',
		slug: 'stormline-rain-jacket',
	},
};

const COUNTRY_NAMES: Record<string, string> = {
	US: 'United States',
	GB: 'United Kingdom',
	CA: 'Canada',
	IE: 'Ireland',
	DE: 'Germany',
	FR: 'France',
	ES: 'Spain',
	IT: 'Italy',
	NL: 'Netherlands',
	AU: 'Australia',
	MX: 'Mexico',
};

/** The English country name of an ISO-3166 alpha-2 code (the code itself when unknown). */
export function toCountryName(code: string): string {
	return COUNTRY_NAMES[code] ?? code;
}

/** A marketplace listing URL for a SKU on a channel type. */
export function toMarketplaceLink(
	channelType: string,
	country: string,
	sku: string,
): string | null {
	const entry = CATALOG[sku];
	if (!entry) return null;
	switch (channelType) {
		case 'Amazon':
			return `https://www.amazon.${country === 'GB' ? 'co.uk' : 'com'}/dp/B0NW${String(7100 + entry.index * 37)}X`;
		case 'eBay':
			return `https://www.ebay.com/itm/28561${String(10000 + entry.index * 113)}`;
		case 'Walmart':
			return `https://www.walmart.com/ip/${String(5120000 + entry.index * 7)}`;
		default:
			return `https://northwindoutdoor.com/products/${entry.slug}`;
	}
}

/** Options for one seeded order line. */
export interface LineSeed {
	sku: string;
	price: number;
	qty: number;
	itemId: number;
}

/** Builds an order line for a channel (product id = 55001000 + catalogue index × 10 + channel slot). */
export function toOrderItem(
	line: LineSeed,
	channel: { type: string; country: string; currency: string; slot: number },
): OrderItem {
	const entry = CATALOG[line.sku];
	if (!entry) throw new Error(`unknown seed SKU ${line.sku}`);
	const product: Product = {
		id: 55001000 + entry.index * 10 + channel.slot,
		sku: line.sku,
		title: entry.title,
		brand: 'Northwind Outdoor',
		dimensions: entry.dimensions,
		weight: entry.weight,
		product_image_url: `https://cdn.xsellco.com/images/${String(55001000 + entry.index * 10)}.png`,
		marketplace_link: toMarketplaceLink(channel.type, channel.country, line.sku),
		price: line.price,
		currency: channel.currency,
	};
	const end_price = Math.round(line.price * line.qty * 100) / 100;
	return { id: line.itemId, product, quantity: line.qty, end_price, item_shipping_amount: 0 };
}

/** Builds an address with its country name. */
export function toAddress(
	name: string,
	line_1: string,
	city: string,
	rest: { state?: string; county?: string; postcode: string; country: string; line_2?: string },
): Address {
	return {
		name,
		line_1,
		line_2: rest.line_2 ?? null,
		city,
		state: rest.state ?? null,
		county: rest.county ?? null,
		country: rest.country,
		postcode: rest.postcode,
		country_name: toCountryName(rest.country),
	};
}
