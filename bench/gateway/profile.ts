import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { LayerSnapshot, MaskInput } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import { modelSpec } from '../../shared/gateway/model-sizes.ts';
import type { GatewayProtocol } from '../../shared/gateway/profile.ts';
import { decodeBase64Image } from '../../electron/gateways/image-download.ts';
import { matchColoursInRing } from '../../electron/gateways/prep/colour-match.ts';
import { keepInsideBlend } from '../../electron/gateways/prep/composite.ts';
import { decodeToSize, encodeImageForUpload, encodeMaskForUpload } from '../../electron/gateways/prep/encode.ts';
import { blendMaskFromField, clampBlendOptions, COLOUR_RING_PX, defaultBlendOptions, distanceField, editAreaFromBlend, MAX_TOUCH_PX } from '../../electron/gateways/prep/mask-ops.ts';
import { DEFAULT_BUDGET_BYTES } from '../../electron/gateways/prep/payload-budget.ts';
import { finishCandidate, prepareJob } from '../../electron/gateways/prep/prepare-job.ts';
import { defaultGatewayProviderOptions } from '../../electron/gateways/gateway-provider.ts';
import { candidateLayerPixels } from '../../electron/jobs/candidate-layer.ts';
import { cropMask } from '../../electron/jobs/mask-region.ts';
import { cropRgba } from '../../electron/gateways/prep/outpaint.ts';
import type { ProviderJobInput } from '../../electron/jobs/provider.ts';
import type { AssetStore } from '../../electron/services/asset-store.ts';
import { flattenRegion } from '../../electron/services/flatten.ts';
import { encodeRgba } from '../../electron/services/image-codec.ts';
import { median } from '../app/stats.ts';

/**
 * Where a gateway job's own time goes: each step of the runner and the provider called on its
 * own with the job's real inputs (same functions, same arguments), median of `runs`.
 */

export interface StepTime {
  step: string;
  ms: number;
  /** Part of the step above it, not to be added to the total. */
  detail?: boolean;
}

async function timed(runs: number, work: (i: number) => Promise<unknown> | unknown): Promise<number> {
  await work(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** prepare-job.ts keeps the distance field this far out (its RESAMPLE_GUARD_PX is 4). */
const DISTANCE_REACH = MAX_TOUCH_PX + 4 + COLOUR_RING_PX;

export async function profileJobSteps(args: {
  assets: AssetStore;
  layers: LayerSnapshot[];
  region: Rect;
  canvas: Rect;
  mask: MaskInput;
  protocol: GatewayProtocol;
  model: string;
  /** One image the gateway answered for this job; by default the upload's pixels as PNG (models answer PNG) stand in for it. */
  answer?: Uint8Array;
  runs: number;
}): Promise<StepTime[]> {
  const { assets, layers, region, canvas, mask, protocol, model, runs } = args;
  const spec = modelSpec(model, protocol);
  const steps: StepTime[] = [];
  const readRgba = (id: string) => assets.readRgba(id);

  const image = await flattenRegion(layers, region, readRgba);
  const crop = cropMask(mask, region);
  steps.push({
    step: 'runner: flatten the context region (decoded image cached) + crop the mask',
    ms: await timed(runs, async () => {
      await flattenRegion(layers, region, readRgba);
      cropMask(mask, region);
    }),
  });

  const input: ProviderJobInput = { image, mask: crop, region, canvas, prompt: 'a small wooden boat', seed: 1, n: 1 };
  const prepOptions = { blend: defaultBlendOptions, budgetBytes: DEFAULT_BUDGET_BYTES, partialImages: 0, canOutpaint: true, upload: defaultGatewayProviderOptions.upload };
  const prepared = await prepareJob(input, protocol, spec, prepOptions);
  if (prepared.call.mode !== 'edit') throw new Error(`expected an edit, prepared ${prepared.call.mode}`);
  const answer = args.answer ?? new Uint8Array(await sharp(prepared.call.request.image.bytes).png().toBuffer());
  steps.push({ step: 'provider: prepareJob (mask ops + encode image and mask for upload)', ms: await timed(runs, () => prepareJob(input, protocol, spec, prepOptions)) });
  const blendOptions = clampBlendOptions(defaultBlendOptions);
  const field = distanceField(crop, image.width, image.height, DISTANCE_REACH);
  const blend = blendMaskFromField(field, image.width, image.height, blendOptions);
  const editArea = editAreaFromBlend(blend, image.width, field.box);
  steps.push({
    step: `distance transform + blend mask + edit area (in the mask's box ± ${DISTANCE_REACH + 1} px: ${field.box.width}×${field.box.height})`,
    ms: await timed(runs, () => {
      const f = distanceField(crop, image.width, image.height, DISTANCE_REACH);
      blendMaskFromField(f, image.width, image.height, blendOptions, new Uint8Array(image.width * image.height));
    }),
    detail: true,
  });
  const plan = prepared.plan;
  steps.push({
    step: `encode the crop for upload (${plan.size.width}×${plan.size.height} ${plan.format.toUpperCase()}${plan.format === 'png' ? ', compressionLevel 6, adaptive filtering' : ` q${plan.quality} ${plan.quality >= 90 ? "4:4:4" : "4:2:0"}`})`,
    ms: await timed(runs, () => encodeImageForUpload(image, plan)),
    detail: true,
  });
  steps.push({ step: 'encode the mask for upload (PNG, compressionLevel 6)', ms: await timed(runs, () => encodeMaskForUpload(editArea, image, plan.size, protocol)), detail: true });

  const b64 = `data:image/png;base64,${Buffer.from(answer).toString('base64')}`;
  steps.push({
    step: `provider: the answer's base64 to bytes (decodeBase64Image: decode, check the length; ${(b64.length / 1024 / 1024).toFixed(1)} MB)`,
    ms: await timed(runs, () => decodeBase64Image(b64, 64 * 1024 * 1024)),
  });
  steps.push({ step: 'what the raw client does instead: `Buffer.from(b64, "base64")`', ms: await timed(runs, () => Buffer.from(b64.slice(22), 'base64')), detail: true });
  steps.push({ step: 'provider: finishCandidate (decode answer in the box, colour match, keep inside blend)', ms: await timed(runs, () => finishCandidate(answer, input, { ...prepared, reference: undefined }, 'bench')) });
  const box = field.box;
  const result = await decodeToSize(answer, image, 'bench', box);
  steps.push({ step: `decode the answer to the crop size, only its ${box.width}×${box.height} box`, ms: await timed(runs, () => decodeToSize(answer, image, 'bench', box)), detail: true });
  const sameSize = plan.size.width === image.width && plan.size.height === image.height;
  const upload = prepared.call.request.image.bytes;
  steps.push({
    step: `colour reference: ${sameSize ? 'the crop itself (no resize)' : 'the upload decoded to crop scale, in the box'}`,
    ms: sameSize ? 0 : await timed(runs, () => decodeToSize(upload, image, 'bench', box)),
    detail: true,
  });
  const reference = sameSize ? cropRgba(image, box) : await decodeToSize(upload, image, 'bench', box);
  const inner = prepared.reachPx + 4;
  steps.push({ step: 'colour match in the ring', ms: await timed(runs, () => matchColoursInRing(reference, { ...result, data: result.data.slice() }, field.data, inner, inner + COLOUR_RING_PX)), detail: true });
  steps.push({ step: 'copy the crop, the answer inside the blend mask', ms: await timed(runs, () => keepInsideBlend(image, result, box, blend)), detail: true });
  const finished = keepInsideBlend(image, result, box, blend);

  const layer = candidateLayerPixels(finished, blend, region);
  if (!layer) throw new Error('the answer left no layer');
  steps.push({ step: `runner: layer pixels (${layer.rect.width}×${layer.rect.height}, blend mask as alpha)`, ms: await timed(runs, () => candidateLayerPixels(finished, blend, region)) });
  const png = await encodeRgba(layer.image, 'png', 100, { fast: true });
  steps.push({ step: 'runner: encode the layer as PNG (compressionLevel 1)', ms: await timed(runs, () => encodeRgba(layer.image, 'png', 100, { fast: true })) });
  // Each put must be a new asset (hash + two atomic file writes), as every real job's result is.
  steps.push({
    step: 'runner: asset store put (sha256 + write to disk)',
    ms: await timed(runs, (i) => {
      const unique = new Uint8Array(png.length + 8);
      unique.set(png);
      new DataView(unique.buffer).setFloat64(png.length, performance.now() + i);
      return assets.put(unique, { width: layer.rect.width, height: layer.rect.height, mime: 'image/png' }, layer.image);
    }),
  });
  return steps;
}
