import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';
import { FaultQueue, maskedKey, openAiError } from './gateway-faults.ts';
import type { Fault, FaultKind } from './gateway-faults.ts';
import { decodeImage } from './gateway-pixels.ts';
import { boundaryFrom, parseMultipart } from './multipart.ts';
import type { Reply, RouteContext, TestGatewayOptions } from './route-context.ts';
import { handleChat } from './routes-chat.ts';
import { handleEdits, handleGenerations } from './routes-images.ts';
import { handleInpaint, handleOutpaint, modelNotFound } from './routes-relay.ts';

/**
 * A local gateway that speaks the three protocols Infill's users point it at, on 127.0.0.1 and a
 * random port, with the faults real relays produce. Every request is recorded for assertions.
 */

export type { Fault, FaultKind, TestGatewayOptions };

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string | undefined;
  bytes: number;
  format: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path without the /v1 prefix ("/images/edits"). */
  path: string;
  rawPath: string;
  headers: Record<string, string | string[] | undefined>;
  bodyBytes: number;
  json?: Record<string, unknown>;
  fields?: Record<string, string>;
  files?: RecordedFile[];
  status?: number;
}

export interface TestGateway {
  /** Ends in /v1. */
  baseUrl: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  options: TestGatewayOptions;
  setFault(fault: Fault | Fault[] | null): void;
  close(): Promise<void>;
}

export const TEST_API_KEY = 'sk-test-infill-0123456789abcdef';

const defaults: TestGatewayOptions = {
  apiKey: TEST_API_KEY,
  models: ['gpt-image-1', 'gpt-image-2', 'dall-e-2', 'google/gemini-2.5-flash-image', 'sdxl-inpaint', 'outpaint-v1'],
  chatShape: 1,
  jsonResultField: 'result_image',
  maxBodyBytes: 4 * 1024 * 1024,
  paint: [255, 0, 255],
  colourShift: 0,
  imageResponse: 'b64_json',
  outsideV1: 401,
  disabledPaths: [],
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function recordFiles(parts: ReturnType<typeof parseMultipart>): Promise<RecordedFile[]> {
  const files: RecordedFile[] = [];
  for (const part of parts) {
    if (part.filename === undefined) continue;
    const image = await decodeImage(part.data).catch(() => undefined);
    files.push({
      field: part.name,
      filename: part.filename,
      contentType: part.contentType,
      bytes: part.data.length,
      format: image?.format ?? 'undecodable',
      width: image?.width ?? 0,
      height: image?.height ?? 0,
      hasAlpha: image?.hasAlpha ?? false,
    });
  }
  return files;
}

function write(res: ServerResponse, reply: Reply): void {
  if (reply.sse) {
    res.writeHead(reply.status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
    for (const event of reply.sse) res.write(event);
    res.end();
    return;
  }
  const body = reply.body ?? '';
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...reply.headers });
  res.end(body);
}

export async function startTestGateway(overrides: Partial<TestGatewayOptions> = {}, port = 0): Promise<TestGateway> {
  const options: TestGatewayOptions = { ...defaults, ...overrides };
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const files = new Map<string, Buffer>();
  const sockets = new Set<Socket>();
  let origin = '';

  const ctx: RouteContext = {
    options,
    storeFile(png) {
      const id = `f${files.size + 1}`;
      files.set(id, png);
      return `${origin}/files/${id}.png`;
    },
    checkModel: (model) => (options.models.includes(model) ? undefined : modelNotFound(model)),
    blurred: (png) => sharp(png).blur(12).png({ compressionLevel: 1 }).toBuffer(),
  };

  async function route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, body: Buffer): Promise<Reply | 'reset'> {
    const method = req.method ?? 'GET';
    const url = record.rawPath;
    if (method === 'GET' && url.startsWith('/files/')) {
      const png = files.get(url.slice('/files/'.length).replace(/\.png$/, ''));
      return png ? { status: 200, headers: { 'content-type': 'image/png' }, body: png } : { status: 404, body: '{}' };
    }
    if (!url.startsWith('/v1/')) {
      // What a relay's web front answers when the client forgot /v1.
      return options.outsideV1 === 401
        ? { status: 401, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>401 Unauthorized</h1>Please log in.</body></html>' }
        : { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1></body></html>' };
    }
    const auth = req.headers.authorization ?? '';
    const key = auth.replace(/^Bearer\s+/i, '');
    if (options.apiKey !== null && key !== options.apiKey) {
      const message = key
        ? `Incorrect API key provided: ${maskedKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
        : "You didn't provide an API key.";
      return { status: 401, body: openAiError(message, 'invalid_request_error', 'invalid_api_key') };
    }
    if (body.length > options.maxBodyBytes) {
      return { status: 413, headers: { 'content-type': 'text/html' }, body: '<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>' };
    }
    const fault = method === 'POST' ? faults.take(record.path) : undefined;
    if (fault?.kind === 'reset') return 'reset';
    if (fault?.kind === 'status') {
      return { status: fault.status, body: openAiError(fault.message ?? `The server had an error while processing your request (${fault.status}).`, 'server_error', null) };
    }
    if (fault?.kind === 'rate-limit') {
      const headers: Record<string, string> = {};
      if (fault.retryAfterS !== undefined) headers['retry-after'] = String(fault.retryAfterS);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      return fault.quota
        ? { status: 429, headers, body: openAiError('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota') }
        : { status: 429, headers, body: openAiError('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded') };
    }
    if (fault?.kind === 'delay') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, fault.ms);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed) return 'reset';
    }
    if (fault?.kind === 'huge-body') {
      return { status: 200, body: `{"created":1,"data":[{"b64_json":"${'A'.repeat(Math.max(0, fault.bytes - 40))}"}]}` };
    }
    const reply = await dispatch(method, record, body, fault);
    if (fault?.kind === 'truncated-json' && typeof reply.body === 'string' && reply.status === 200) {
      return { ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) };
    }
    return reply;
  }

  async function dispatch(method: string, record: RecordedRequest, body: Buffer, fault: FaultKind | undefined): Promise<Reply> {
    const path = record.path;
    if (options.disabledPaths.includes(path)) return { status: 404, body: openAiError(`Invalid URL (${method} /v1${path})`, 'invalid_request_error', null) };
    if (method === 'GET' && path === '/models') {
      return { status: 200, body: JSON.stringify({ object: 'list', data: options.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'test-gateway' })) }) };
    }
    if (method === 'POST' && path === '/images/edits') {
      const boundary = boundaryFrom(record.headers['content-type'] as string | undefined);
      if (!boundary) return { status: 400, body: openAiError('Expected multipart/form-data', 'invalid_request_error', null) };
      let parts;
      try {
        parts = parseMultipart(body, boundary);
      } catch (error) {
        return { status: 400, body: openAiError(`Malformed multipart body: ${(error as Error).message}`, 'invalid_request_error', null) };
      }
      record.fields = Object.fromEntries(parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]));
      record.files = await recordFiles(parts);
      return handleEdits(ctx, parts, fault);
    }
    const json = method === 'POST' ? parseJson(body) : undefined;
    if (method === 'POST' && json === undefined) return { status: 400, body: openAiError('We could not parse the JSON body of your request.', 'invalid_request_error', null) };
    if (json) record.json = json;
    if (method === 'POST' && path === '/images/generations') return handleGenerations(ctx, json ?? {});
    if (method === 'POST' && path === '/chat/completions') return handleChat(ctx, json ?? {}, fault);
    if (method === 'POST' && path === '/images/inpaint') return handleInpaint(ctx, json ?? {}, fault);
    if (method === 'POST' && path === '/images/outpaint') return handleOutpaint(ctx, json ?? {}, fault);
    return { status: 404, body: openAiError(`Invalid URL (${method} /v1${path})`, 'invalid_request_error', null) };
  }

  const server = createServer((req, res) => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      rawPath,
      path: rawPath.replace(/^\/v1(?=\/)/, ''),
      headers: { ...req.headers },
      bodyBytes: 0,
    };
    requests.push(record);
    readBody(req)
      .then(async (body) => {
        record.bodyBytes = body.length;
        const reply = await route(req, res, record, body);
        if (reply === 'reset') {
          req.socket.destroy();
          return;
        }
        record.status = reply.status;
        write(res, reply);
      })
      .catch((error: unknown) => {
        record.status = 500;
        if (!res.headersSent) write(res, { status: 500, body: openAiError(`Test gateway bug: ${String(error)}`, 'server_error', null) });
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;

  return {
    baseUrl: `${origin}/v1`,
    origin,
    port: address.port,
    requests,
    options,
    setFault: (fault) => faults.set(fault),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
