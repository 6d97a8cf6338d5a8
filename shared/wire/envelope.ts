/**
 * The browser bridge's body format: JSON for the structure, with every Uint8Array moved out
 * into raw bytes after it, so a 20 MB photo crosses HTTP as 20 MB rather than 27 MB of base64.
 * Electron IPC clones Uint8Array natively and does not need this.
 *
 * Layout: [4-byte big-endian JSON length][JSON: { value, blobs: [lengths] }][blob 0][blob 1]…
 * A Uint8Array in `value` is written as { "$bytes": index }.
 */
const BYTES_KEY = '$bytes';

export function encodeEnvelope(value: unknown): Uint8Array {
  return joinEnvelopeParts(encodeEnvelopeParts(value));
}

/** The envelope's parts as one array. */
export function joinEnvelopeParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The same envelope as its pieces, the header first and then each byte array as it is (not
 * copied), for a sender that joins them itself (a browser's Blob).
 */
export function encodeEnvelopeParts(value: unknown): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify({
    value: extractBlobs(value, blobs),
    blobs: blobs.map((b) => b.length),
  });
  const text = new TextEncoder().encode(json);
  const head = new Uint8Array(4 + text.length);
  new DataView(head.buffer).setUint32(0, text.length);
  head.set(text, 4);
  return [head, ...blobs];
}

export function decodeEnvelope(data: Uint8Array): unknown {
  if (data.length < 4) throw new Error('Envelope too short');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headLength = view.getUint32(0);
  if (4 + headLength > data.length) throw new Error('Envelope header is truncated');
  const parsed = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + headLength))) as {
    value: unknown;
    blobs: unknown;
  };
  if (!Array.isArray(parsed.blobs) || !parsed.blobs.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error('Envelope blob table is malformed');
  }
  const blobs: Uint8Array[] = [];
  let offset = 4 + headLength;
  for (const length of parsed.blobs as number[]) {
    if (offset + length > data.length) throw new Error('Envelope blob is truncated');
    // A copy, so the decoded value does not pin (or alias) the whole request body.
    blobs.push(data.slice(offset, offset + length));
    offset += length;
  }
  return restoreBlobs(parsed.value, blobs);
}

function extractBlobs(value: unknown, blobs: Uint8Array[]): unknown {
  if (value instanceof Uint8Array) {
    blobs.push(value);
    return { [BYTES_KEY]: blobs.length - 1 };
  }
  if (Array.isArray(value)) return value.map((item) => extractBlobs(item, blobs));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = extractBlobs(item, blobs);
    return out;
  }
  return value;
}

function restoreBlobs(value: unknown, blobs: Uint8Array[]): unknown {
  if (Array.isArray(value)) return value.map((item) => restoreBlobs(item, blobs));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const index = record[BYTES_KEY];
    if (typeof index === 'number' && Object.keys(record).length === 1) {
      const blob = blobs[index];
      if (!blob) throw new Error('Envelope refers to a missing blob');
      return blob;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = restoreBlobs(item, blobs);
    return out;
  }
  return value;
}
