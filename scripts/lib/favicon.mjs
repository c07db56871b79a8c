/** The page icon, drawn in code: a 32 × 32 RGBA PNG (a white speech bubble on the page's blue) inside an ICO file. */
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 32;
const BLUE = [0x1f, 0x5f, 0xbf, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

/** The colour of pixel (x, y): a rounded blue square, a white bubble with a tail, two blue text lines. */
function pixel(x, y) {
	const r = 6;
	const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
	const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
	if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
	const inBubble = x >= 6 && x <= 25 && y >= 7 && y <= 20;
	const inTail = y > 20 && y <= 25 && x >= 9 && x <= 9 + (25 - y);
	if (!inBubble && !inTail) return BLUE;
	const textLine =
		(y === 11 || y === 12 || y === 15 || y === 16) && x >= 10 && x <= (y < 14 ? 21 : 17);
	return textLine ? BLUE : WHITE;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

function png() {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(SIZE, 0);
	header.writeUInt32BE(SIZE, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
	const rows = [];
	for (let y = 0; y < SIZE; y++) {
		rows.push(0); // filter: none
		for (let x = 0; x < SIZE; x++) rows.push(...pixel(x, y));
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.from(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** The bytes of favicon.ico: one 32 × 32 image, stored as PNG (every current browser reads it). */
export function faviconIco() {
	const image = png();
	const head = Buffer.alloc(22);
	head.writeUInt16LE(0, 0); // reserved
	head.writeUInt16LE(1, 2); // type: icon
	head.writeUInt16LE(1, 4); // one image
	head.set([SIZE, SIZE, 0, 0], 6); // width, height, palette, reserved
	head.writeUInt16LE(1, 10); // colour planes
	head.writeUInt16LE(32, 12); // bits per pixel
	head.writeUInt32LE(image.length, 14);
	head.writeUInt32LE(22, 18); // offset of the image
	return Buffer.concat([head, image]);
}
