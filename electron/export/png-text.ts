import { crc32 } from 'node:zlib';

/**
 * PNG text chunks (iTXt: UTF-8, uncompressed), which sharp cannot write. Chunks go just before
 * IEND, where any reader finds them and no decoder needs them.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeAndData = out.subarray(4, 8 + data.length);
  typeAndData.set(encoder.encode(type), 0);
  typeAndData.set(data, 4);
  view.setUint32(8 + data.length, crc32(typeAndData) >>> 0);
  return out;
}

function itxt(keyword: string, text: string): Uint8Array {
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, text
  const key = encoder.encode(keyword.slice(0, 79));
  const value = encoder.encode(text);
  const data = new Uint8Array(key.length + 5 + value.length);
  data.set(key, 0);
  data.set(value, key.length + 5);
  return chunk('iTXt', data);
}

function checkSignature(png: Uint8Array): void {
  if (png.length < 8 || SIGNATURE.some((byte, i) => png[i] !== byte)) throw new Error('Not a PNG file');
}

/** Walks the chunks: [type, data start, data length]. */
function* chunks(png: Uint8Array): Generator<[string, number, number]> {
  checkSignature(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = decoder.decode(png.subarray(at + 4, at + 8));
    yield [type, at + 8, length];
    at += 12 + length;
  }
}

/** A copy of `png` with one iTXt chunk per entry inserted before IEND. */
export function addPngText(png: Uint8Array, entries: Readonly<Record<string, string>>): Uint8Array {
  let iend = -1;
  for (const [type, start] of chunks(png)) if (type === 'IEND') iend = start - 8;
  if (iend < 0) throw new Error('PNG has no IEND chunk');
  const added = Object.entries(entries).map(([key, text]) => itxt(key, text));
  const size = png.length + added.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, iend), 0);
  let at = iend;
  for (const c of added) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(iend), at);
  return out;
}

/** The text of every tEXt and uncompressed iTXt chunk, by keyword. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [type, start, length] of chunks(png)) {
    if (type !== 'tEXt' && type !== 'iTXt') continue;
    const data = png.subarray(start, start + length);
    const nul = data.indexOf(0);
    const keyword = decoder.decode(data.subarray(0, nul));
    if (type === 'tEXt') {
      found[keyword] = new TextDecoder('latin1').decode(data.subarray(nul + 1));
      continue;
    }
    if (data[nul + 1] !== 0) continue;
    const languageEnd = data.indexOf(0, nul + 3);
    const translatedEnd = data.indexOf(0, languageEnd + 1);
    found[keyword] = decoder.decode(data.subarray(translatedEnd + 1));
  }
  return found;
}
