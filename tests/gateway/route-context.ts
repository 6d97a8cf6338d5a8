import type { Rgb } from './gateway-pixels.ts';

/** What route handlers share with the server; kept apart so routes don't import the server. */

export interface TestGatewayOptions {
  /** The bearer key the gateway accepts; `null` accepts any (and none). */
  apiKey: string | null;
  /** Ids `GET /models` lists; requests for other models answer 404 model_not_found. */
  models: string[];
  /** Where chat answers put the image (GATEWAYS.md §3, 1–4). */
  chatShape: 1 | 2 | 3 | 4;
  /** Where JSON relays put the result. */
  jsonResultField: 'result_image' | 'image' | 'data';
  /** Bodies larger than this answer 413 (many relays cap at 4 MB). */
  maxBodyBytes: number;
  /** The colour the "model" paints. */
  paint: Rgb;
  /** Added to every pixel the model was told to keep: the tone drift hosted models show. */
  colourShift: number;
  imageResponse: 'b64_json' | 'url';
  /** Paths outside /v1 answer like a relay's web app: 401 (most) or 404. */
  outsideV1: 401 | 404;
  /** Endpoints this relay does not have (answer 404 Invalid URL), e.g. ['/images/inpaint']. */
  disabledPaths: string[];
  /** OpenRouter reports the billed cost in chat `usage.cost`. */
  chatCostUsd?: number;
  /** Vision chat: what the model streams (default: a canned answer per task). */
  visionText?: string;
  /** Vision chat: the pause between streamed pieces, in ms. */
  tokenPaceMs: number;
}

/** One server-sent event as written, or the point where the connection is dropped. */
export type SseFrame = string | { disconnect: true };

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Server-sent events, written one after the other. */
  sse?: SseFrame[];
  /** Pause between events (token pacing). */
  paceMs?: number;
}

export interface RouteContext {
  options: TestGatewayOptions;
  /** Serves `png` at a URL on this gateway and returns it (for `url` answers). */
  storeFile(png: Buffer): string;
  /** A 404 reply when the model is unknown. */
  checkModel(model: string): Reply | undefined;
  /** A blurred copy, for partial images. */
  blurred(png: Buffer): Promise<Buffer>;
}
