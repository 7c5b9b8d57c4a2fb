#!/usr/bin/env node
/**
 * Draws the application icon, build/icon.png (512×512 RGBA), from code, so
 * that it can be changed and regenerated without an image editor:
 * `node build/make-icon.mjs`. electron-builder makes the .icns and .ico from it.
 *
 * The mark: two columns of paragraph bars (the original on the left, the
 * translation on the right) on a rounded blue square, joined by lines as the
 * aligner links them: one to one, two merged into one, and one left
 * untranslated (no line, dimmed). Each pixel is 4×4 supersampled.
 *
 * The PNG encoder is the minimum the format needs: signature, IHDR, one zlib
 * IDAT (filter byte 0 on every row), IEND, each chunk with its CRC-32.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const samples = 4;

/** Colours, RGBA 0–255. */
const background = [31, 58, 95, 255];
const sourceBar = [236, 240, 245, 255];
const targetBar = [250, 190, 70, 255];
const dimmedBar = [120, 140, 165, 255];
const link = [150, 205, 240, 255];

/** Paragraph bars: [x0, y0, x1, y1] in a 512 grid. */
const leftBars = [
  [96, 104, 212, 142],
  [96, 170, 212, 208],
  [96, 236, 212, 274],
  [96, 302, 212, 340],
  [96, 368, 212, 406],
];
const rightBars = [
  [300, 104, 416, 142],
  [300, 170, 416, 274],
  [300, 368, 416, 406],
];
/** Links: [left bar, right bar]; left bar 3 stays untranslated. */
const links = [
  [0, 0],
  [1, 1],
  [2, 1],
  [4, 2],
];

function insideRoundedRect(x, y, [x0, y0, x1, y1], radius) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function nearSegment(x, y, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= halfWidth ** 2;
}

/** The colour at a point, or undefined outside the icon (transparent). */
function colourAt(x, y) {
  if (!insideRoundedRect(x, y, [16, 16, 496, 496], 96)) return undefined;
  for (const [index, bar] of leftBars.entries()) {
    if (insideRoundedRect(x, y, bar, 12)) return index === 3 ? dimmedBar : sourceBar;
  }
  for (const bar of rightBars) if (insideRoundedRect(x, y, bar, 12)) return targetBar;
  for (const [from, to] of links) {
    const a = leftBars[from];
    const b = rightBars[to];
    if (nearSegment(x, y, a[2], (a[1] + a[3]) / 2, b[0], (b[1] + b[3]) / 2, 7)) return link;
  }
  return background;
}

function render() {
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
          if (!colour) continue;
          // Premultiplied, so edges against transparency do not darken.
          for (let channel = 0; channel < 3; channel++) sum[channel] += colour[channel] * colour[3];
          sum[3] += colour[3];
        }
      }
      const offset = row + 1 + x * 4;
      const alpha = sum[3] / (samples * samples);
      for (let channel = 0; channel < 3; channel++) rows[offset + channel] = sum[3] ? Math.round(sum[channel] / sum[3]) : 0;
      rows[offset + 3] = Math.round(alpha);
    }
  }
  return rows;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA rows (each prefixed by its filter byte) as a PNG file. */
function encodePng(width, height, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const output = new URL('icon.png', import.meta.url);
writeFileSync(output, encodePng(size, size, render()));
console.log(`wrote ${output.pathname}`);
