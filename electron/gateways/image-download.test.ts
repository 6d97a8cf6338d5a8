import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Image, downloadImage } from './image-download.ts';

let origin = '';
const server = createServer((req, res) => {
  if (req.url === '/ok.png') {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([137, 80, 78, 71]));
  } else if (req.url === '/big.png') {
    // No content-length: the limit must hold while streaming.
    res.writeHead(200, { 'content-type': 'image/png' });
    for (let i = 0; i < 64; i++) res.write(Buffer.alloc(64 * 1024));
    res.end();
  } else if (req.url === '/page') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html></html>');
  } else {
    res.writeHead(404);
    res.end();
  }
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = () => ({ maxBytes: 1024 * 1024, signal: new AbortController().signal, timeoutMs: 5000 });

describe('image download', () => {
  it('decodes data URIs and bare base64 within the limit', () => {
    expect([...decodeBase64Image('data:image/png;base64,AQID', 10)]).toEqual([1, 2, 3]);
    expect(() => decodeBase64Image('AQID'.repeat(100), 10)).toThrow(/larger than/);
    expect(() => decodeBase64Image('not base64!', 100)).toThrow(/not valid base64/);
  });

  it('fetches an image URL', async () => {
    expect((await downloadImage(`${origin}/ok.png`, options())).length).toBe(4);
  });

  it('stops a body larger than the limit while it streams', async () => {
    await expect(downloadImage(`${origin}/big.png`, options())).rejects.toThrow(/larger than 1\.0 MB/);
  });

  it('refuses expired URLs, pages that are not images, and other schemes', async () => {
    await expect(downloadImage(`${origin}/gone.png`, options())).rejects.toMatchObject({ code: 'BAD_RESPONSE', message: expect.stringMatching(/answered 404/) });
    await expect(downloadImage(`${origin}/page`, options())).rejects.toMatchObject({ message: expect.stringMatching(/serves text\/html/) });
    await expect(downloadImage('file:///etc/passwd', options())).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
