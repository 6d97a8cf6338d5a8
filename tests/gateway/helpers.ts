import sharp from 'sharp';
import type { EncodedImage } from '../../electron/gateways/adapters/types.ts';
import { defaultCallOptions, openGatewaySession } from '../../electron/gateways/gateway-session.ts';
import type { GatewayCallOptions, GatewaySession } from '../../electron/gateways/gateway-session.ts';
import { maskForProtocol } from '../../electron/gateways/prep/mask-polarity.ts';
import type { GatewayProfile, GatewayProtocol } from '../../shared/gateway/profile.ts';
import { TEST_API_KEY } from './test-gateway.ts';
import type { TestGateway } from './test-gateway.ts';

/** Shared set-up for tests that drive adapters and the provider through the test gateway. */

let profileCounter = 0;

export function testProfile(gateway: TestGateway, protocol: GatewayProtocol, model: string, extra: Partial<GatewayProfile> = {}): GatewayProfile {
  profileCounter += 1;
  return { id: `test-${profileCounter}`, name: 'Test relay', baseUrl: gateway.baseUrl, protocol, model, ...extra };
}

/** Retry waits are recorded, not slept, so fault tests run in milliseconds. */
export function fastOptions(waits: number[] = [], overrides: Partial<GatewayCallOptions> = {}): GatewayCallOptions {
  return {
    ...defaultCallOptions,
    requestTimeoutMs: 10_000,
    connectTimeoutMs: 2_000,
    retrySleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0,
    ...overrides,
  };
}

export interface TestSession extends GatewaySession {
  messages: string[];
  partials: Uint8Array[];
  abort: AbortController;
}

/** `apiKey: null` sends no key at all. */
export function testSession(profile: GatewayProfile, options: GatewayCallOptions, apiKey: string | null = TEST_API_KEY): TestSession {
  const messages: string[] = [];
  const partials: Uint8Array[] = [];
  const abort = new AbortController();
  const session = openGatewaySession(profile, apiKey ?? undefined, options, abort.signal, (m) => messages.push(m.message), (png) => partials.push(png));
  return { ...session, messages, partials, abort };
}

/** A grey picture with a gradient, so resizes and colour checks have something to see. */
export async function gradientPng(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<EncodedImage> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = (x * 255) / width;
      data[o + 1] = (y * 255) / height;
      data[o + 2] = 100;
    }
  }
  const img = sharp(data, { raw: { width, height, channels: 3 } });
  const bytes = format === 'png' ? await img.png().toBuffer() : await img.jpeg().toBuffer();
  return { bytes: new Uint8Array(bytes), mime: format === 'png' ? 'image/png' : 'image/jpeg', width, height };
}

/** The left half marked for editing, in the protocol's polarity. */
export async function leftHalfMask(protocol: GatewayProtocol, width: number, height: number): Promise<EncodedImage> {
  const edit = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width / 2; x++) edit[y * width + x] = 255;
  const mask = maskForProtocol(protocol, edit);
  const bytes = await sharp(Buffer.from(mask.data), { raw: { width, height, channels: mask.channels } }).png().toBuffer();
  return { bytes: new Uint8Array(bytes), mime: 'image/png', width, height };
}

export async function rgbaOf(bytes: Uint8Array): Promise<{ width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

export function pixelAt(image: { width: number; data: Buffer }, x: number, y: number): number[] {
  const o = (y * image.width + x) * 4;
  return [...image.data.subarray(o, o + 3)];
}
