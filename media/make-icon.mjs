// Draws media/icon.png (128×128, the extension's icon in VS Code): a padlock with a keyhole on a
// rounded square. Shapes are signed-distance functions, anti-aliased per pixel, written as a PNG with
// zlib only, so the icon can be regenerated without image tools: `node media/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const background = [30, 41, 59]; // slate
const lock = [241, 245, 249];
const accent = [45, 212, 191]; // teal

const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

// Shackle: a ring's upper half plus two legs, as the band between two rounded boxes.
const shackle = (x, y) => {
  const outer = roundedBox(x, y, 64, 44, 24, 26, 24);
  const inner = roundedBox(x, y, 64, 44, 14, 20, 14);
  return Math.max(outer, -inner, y - 60);
};
const body = (x, y) => roundedBox(x, y, 64, 80, 34, 26, 7);
const keyhole = (x, y) => Math.min(circle(x, y, 64, 74, 7), roundedBox(x, y, 64, 86, 3.5, 10, 2));

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  pixels[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    let color = background;
    let alpha = coverage(roundedBox(px, py, 64, 64, 64, 64, 22));
    const mix = (target, amount) => (color = color.map((c, i) => c + (target[i] - c) * amount));
    mix(accent, coverage(shackle(px, py)));
    mix(lock, coverage(body(px, py)));
    mix(background, coverage(keyhole(px, py)));
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    pixels[offset] = Math.round(color[0]);
    pixels[offset + 1] = Math.round(color[1]);
    pixels[offset + 2] = Math.round(color[2]);
    pixels[offset + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
