import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import type { RgbaImage } from '../../electron/services/rgba-image.ts';
import { createGatewayProvider } from '../../electron/gateways/gateway-provider.ts';
import { DEFAULT_BUDGET_BYTES } from '../../electron/gateways/prep/payload-budget.ts';
import { prepareJob } from '../../electron/gateways/prep/prepare-job.ts';
import { defaultBlendOptions } from '../../electron/gateways/prep/mask-ops.ts';
import { modelSpec } from '../../shared/gateway/model-sizes.ts';
import type { GatewayProtocol } from '../../shared/gateway/profile.ts';
import { cropImage, cropMask, discMask, naiveUpload, photoLike } from './job-fixtures.ts';
import { startTestGateway, TEST_API_KEY } from './test-gateway.ts';

/**
 * Request bytes for a big photo with a small mask: Infill's crop + computed budget versus the
 * naive way (send the whole photo, re-encoding until it is under 4 MB).
 * `node --import tsx tests/gateway/measure-payload.ts [--image path.jpg] [--mask-fraction 0.05]`
 */
const { values } = parseArgs({ options: { image: { type: 'string' }, 'mask-fraction': { type: 'string', default: '0.05' } } });

async function load(): Promise<{ name: string; image: RgbaImage }> {
  if (!values.image) return { name: 'synthetic 6000x4000 (gradients + ±12 noise)', image: photoLike(6000, 4000) };
  const { data, info } = await sharp(values.image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { name: `${values.image} ${info.width}x${info.height}`, image: { width: info.width, height: info.height, data: new Uint8Array(data) } };
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;

async function naive(image: RgbaImage): Promise<string> {
  const n = await naiveUpload(image);
  return `naive (whole photo as PNG: ${mb(n.pngBytes)}): ${n.encodes} encodes, ${n.ms.toFixed(0)} ms, ends at ${n.final} → ${mb(n.bytes)} (multipart; ×4/3 more as base64)`;
}

const { name, image } = await load();
const fraction = Number(values['mask-fraction']);
const r = Math.round(Math.sqrt((fraction * image.width * image.height) / Math.PI));
const mask = discMask(image.width, image.height, image.width >> 1, image.height >> 1, r);
const canvas = { x: 0, y: 0, width: image.width, height: image.height };
console.log(`${name}; mask: disc r=${r} px (${(fraction * 100).toFixed(1)} % of the picture)`);
const cases: Array<[GatewayProtocol, string]> = [
  ['openai-images', 'gpt-image-1'],
  ['openai-images', 'gpt-image-2'],
  ['chat-image', 'google/gemini-2.5-flash-image'],
  ['json-relay', 'sdxl-inpaint'],
];
for (const [protocol, model] of cases) {
  const provider = createGatewayProvider({ id: 'm', name: 'M', baseUrl: 'http://127.0.0.1:1/v1', protocol, model }, async () => undefined);
  const region = provider.contextRegion({ x: (image.width >> 1) - r, y: (image.height >> 1) - r, width: 2 * r + 1, height: 2 * r + 1 }, canvas);
  const started = performance.now();
  const input = { image: cropImage(image, region), mask: cropMask(mask, image.width, region), region, canvas, prompt: 'x', seed: 1, n: 1 };
  const prepared = await prepareJob(input, protocol, modelSpec(model, protocol), { blend: defaultBlendOptions, budgetBytes: DEFAULT_BUDGET_BYTES, partialImages: 0, canOutpaint: true });
  const ms = performance.now() - started;
  console.log(
    `${protocol}/${model}: crop ${region.width}x${region.height} → ${prepared.plan.size.width}x${prepared.plan.size.height} ${prepared.plan.format}, request images ${mb(prepared.uploadBytes)} (estimate ${mb(prepared.plan.estimatedBytes)}), prep ${ms.toFixed(0)} ms`,
  );
}
// The same jobs end to end through the local gateway: what actually went over the wire.
const gateway = await startTestGateway({ apiKey: TEST_API_KEY });
for (const [protocol, model] of cases) {
  const provider = createGatewayProvider({ id: `wire-${protocol}`, name: 'Local', baseUrl: gateway.baseUrl, protocol, model }, async () => TEST_API_KEY);
  const region = provider.contextRegion({ x: (image.width >> 1) - r, y: (image.height >> 1) - r, width: 2 * r + 1, height: 2 * r + 1 }, canvas);
  const input = { image: cropImage(image, region), mask: cropMask(mask, image.width, region), region, canvas, prompt: 'a boat', seed: 1, n: 1 };
  const started = performance.now();
  await provider.run(input, { signal: new AbortController().signal, progress: () => undefined });
  const request = gateway.requests.filter((q) => q.method === 'POST').at(-1);
  console.log(`wire ${protocol}/${model}: ${request?.path} body ${mb(request?.bodyBytes ?? 0)}, whole job ${(performance.now() - started).toFixed(0)} ms`);
}
await gateway.close();
console.log(await naive(image));
