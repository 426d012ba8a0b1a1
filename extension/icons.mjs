// Draws the extension's icon (a green rounded square with the lines of a
// page on it) as PNGs at the sizes the manifest names. No artwork files:
// node:zlib writes the PNG. Usage: node extension/icons.mjs OUT_DIR
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = [16, 32, 48, 128];
const GREEN = [31, 111, 92];
const WHITE = [255, 255, 255];

/** Colour at a point of the unit square, or null outside the icon. */
function shade(x, y) {
  const r = 0.2; // corner radius
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  // Four lines of text, the last one shorter.
  const lines = [[0.26, 0.78], [0.42, 0.78], [0.58, 0.78], [0.74, 0.58]];
  for (const [top, right] of lines) {
    if (y >= top - 0.05 && y <= top + 0.05 && x >= 0.22 && x <= right) return WHITE;
  }
  return GREEN;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG of the icon, 4×4 supersampled. */
function png(size) {
  const S = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; sum[3] += 255;
        }
      }
      const n = sum[3] / 255;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = n ? Math.round(sum[0] / n) : 0;
      raw[o + 1] = n ? Math.round(sum[1] / n) : 0;
      raw[o + 2] = n ? Math.round(sum[2] / n) : 0;
      raw[o + 3] = Math.round(sum[3] / (S * S));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2];
if (!out) throw new Error('usage: node extension/icons.mjs OUT_DIR');
mkdirSync(out, { recursive: true });
for (const size of SIZES) writeFileSync(join(out, `icon-${size}.png`), png(size));
