// Writes each field app's PNG icons (192, 512, maskable 512): a coloured field with a white cross.
// Run once when an app's colour changes: node scripts/make-icons.mjs. The PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const apps = { crewlink: '#b91c1c', mdt: '#1d4ed8', portal: '#047857', console: '#374151' };

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, hex, safeZone) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const rows = [];
  const arm = size * (safeZone ? 0.1 : 0.13), len = size * (safeZone ? 0.28 : 0.36), mid = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const dx = Math.abs(x - mid), dy = Math.abs(y - mid);
      const cross = (dx < arm && dy < len) || (dy < arm && dx < len);
      row.set(cross ? [255, 255, 255] : [r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const [app, colour] of Object.entries(apps)) {
  const dir = new URL(`../field-apps/${app}/public/icons/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('icon-192.png', dir), png(192, colour, false));
  writeFileSync(new URL('icon-512.png', dir), png(512, colour, false));
  writeFileSync(new URL('icon-maskable-512.png', dir), png(512, colour, true));
}
