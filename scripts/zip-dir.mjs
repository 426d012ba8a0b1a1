// Zips a directory's files, with their paths relative to it (so the
// directory's own files sit at the archive's root, as the Chrome Web Store
// wants manifest.json), deflated, in sorted order and with a fixed date, so
// the same files give the same archive. Node only: no `zip` needed.
//
// Usage: node scripts/zip-dir.mjs DIR OUT.zip
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';

// zlib.crc32 is only in Node >= 20.15.
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node scripts/zip-dir.mjs DIR OUT.zip');
  process.exit(2);
}

function files(d) {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.isFile() ? [join(d, e.name)] : []));
}

// 2000-01-01 00:00 in MS-DOS form.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

const locals = [];
const central = [];
let offset = 0;
const paths = files(dir).map((f) => relative(dir, f).split(sep).join('/')).sort();
for (const path of paths) {
  const data = readFileSync(join(dir, path));
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from(path, 'utf8');
  const crc = crc32(data);
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4); // version needed: 2.0
  head.writeUInt16LE(0x0800, 6); // UTF-8 names
  head.writeUInt16LE(8, 8); // deflate
  head.writeUInt16LE(DOS_TIME, 10);
  head.writeUInt16LE(DOS_DATE, 12);
  head.writeUInt32LE(crc, 14);
  head.writeUInt32LE(packed.length, 18);
  head.writeUInt32LE(data.length, 22);
  head.writeUInt16LE(name.length, 26);
  head.writeUInt16LE(0, 28);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(0x0800, 8);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt16LE(DOS_TIME, 12);
  entry.writeUInt16LE(DOS_DATE, 14);
  entry.writeUInt32LE(crc, 16);
  entry.writeUInt32LE(packed.length, 20);
  entry.writeUInt32LE(data.length, 24);
  entry.writeUInt16LE(name.length, 28);
  entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
  entry.writeUInt32LE(offset, 42);
  locals.push(head, name, packed);
  central.push(entry, name);
  offset += head.length + name.length + packed.length;
}
const size = central.reduce((n, b) => n + b.length, 0);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(paths.length, 8);
end.writeUInt16LE(paths.length, 10);
end.writeUInt32LE(size, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(out, Buffer.concat([...locals, ...central, end]));
console.log(`${out}: ${paths.length} files`);
