import type { GatewayProtocol } from '../../../shared/gateway/profile.ts';
import type { ModelSpec, Size } from '../../../shared/gateway/model-sizes.ts';
import { fitToModel } from '../../../shared/gateway/model-sizes.ts';
import type { ProviderJobInput, RgbaImage } from '../../jobs/provider.ts';
import type { EditRequest, GenerateRequest, OutpaintRequest } from '../adapters/types.ts';
import { matchColoursInRing } from './colour-match.ts';
import type { ColourMatch } from './colour-match.ts';
import { keepOutsideBlend } from './composite.ts';
import { decodeToSize, encodeImageForUpload, encodeMaskForUpload, resampleRoundTrip } from './encode.ts';
import { blendMaskFromDistance, clampBlendOptions, COLOUR_RING_PX, distanceFromMask, editAreaFromBlend, MAX_TOUCH_PX } from './mask-ops.ts';
import type { BlendOptions } from './mask-ops.ts';
import { cropRgba, detectOutpaint, isBlank } from './outpaint.ts';
import { correctedPlan, planPayload, transportFactor } from './payload-budget.ts';
import type { PayloadPlan, PlanInput } from './payload-budget.ts';

/** From the runner's crop + mask to a ready request, and from the answer back to a candidate. */

export interface PrepOptions {
  blend: BlendOptions;
  budgetBytes: number;
  /** Partial previews to ask for where the protocol streams them (0 = none). */
  partialImages: number;
  /** Use the relay's outpaint endpoint when the mask is a strip of empty canvas. */
  canOutpaint: boolean;
}

export type PreparedRequest =
  | { mode: 'edit'; request: EditRequest }
  | { mode: 'generate'; request: GenerateRequest }
  | { mode: 'outpaint'; request: OutpaintRequest };

export interface PreparedJob {
  call: PreparedRequest;
  plan: PayloadPlan;
  /** What goes over the wire for the images (after base64 where the protocol uses it). */
  uploadBytes: number;
  /** Blend mask at crop size: grown + feathered painted mask, 0 beyond 32 px. */
  blend: Uint8Array;
  /** Distance to the painted mask, for the colour ring. */
  distance: Float32Array;
  reachPx: number;
  /** The crop after the same resize round trip as the answer, computed once per job. */
  reference?: Promise<RgbaImage>;
}

export async function prepareJob(input: ProviderJobInput, protocol: GatewayProtocol, spec: ModelSpec, options: PrepOptions): Promise<PreparedJob> {
  const { image, mask } = input;
  const region: Size = { width: image.width, height: image.height };
  const blendOptions = clampBlendOptions(options.blend);
  const reachPx = blendOptions.growPx + blendOptions.featherPx;
  const distance = distanceFromMask(mask, image.width, image.height, MAX_TOUCH_PX + RESAMPLE_GUARD_PX + COLOUR_RING_PX);
  const blend = blendMaskFromDistance(distance, blendOptions);
  const base = { prompt: input.prompt, seed: input.seed };

  if (isBlank(image) && protocol !== 'json-relay') {
    const size = fitToModel(region, spec);
    const plan = planPayload({ region, spec, protocol, budgetBytes: options.budgetBytes, withMask: false });
    const request: GenerateRequest = { ...base, n: input.n, size, ...(options.partialImages > 0 ? { partialImages: options.partialImages } : {}) };
    return { call: { mode: 'generate', request }, plan, uploadBytes: 0, blend, distance, reachPx };
  }

  const outpaint = options.canOutpaint ? detectOutpaint(image, mask) : undefined;
  if (outpaint) {
    const planInput: PlanInput = { region, spec, protocol, budgetBytes: options.budgetBytes, withMask: false };
    const plan = planPayload(planInput);
    const scale = plan.size.width / region.width;
    const scaleY = plan.size.height / region.height;
    const horizontal = outpaint.direction === 'left' || outpaint.direction === 'right';
    const pixels = Math.max(1, Math.round(outpaint.pixels * (horizontal || outpaint.direction === 'all' ? scale : scaleY)));
    const knownSize: Size = {
      width: outpaint.direction === 'all' ? plan.size.width - 2 * pixels : horizontal ? plan.size.width - pixels : plan.size.width,
      height: outpaint.direction === 'all' ? plan.size.height - 2 * pixels : horizontal ? plan.size.height : plan.size.height - pixels,
    };
    const known = await encodeImageForUpload(cropRgba(image, outpaint.known), { ...plan, size: knownSize });
    const request: OutpaintRequest = { ...base, image: known, direction: outpaint.direction, pixels };
    return { call: { mode: 'outpaint', request }, plan, uploadBytes: Math.ceil(known.bytes.length * transportFactor(protocol)), blend, distance, reachPx };
  }

  const editArea = editAreaFromBlend(blend);
  const planInput: PlanInput = { region, spec, protocol, budgetBytes: options.budgetBytes };
  let plan = planPayload(planInput);
  let encoded = await encodeEdit(image, editArea, region, plan, protocol);
  const corrected = correctedPlan(plan, encoded.uploadBytes, planInput);
  if (corrected) {
    // One correction from the measured bytes per pixel; the 413 path in the provider is the backstop.
    plan = corrected;
    encoded = await encodeEdit(image, editArea, region, plan, protocol);
  }
  const request: EditRequest = {
    ...base,
    image: encoded.image,
    mask: encoded.mask,
    n: input.n,
    size: plan.size,
    ...(options.partialImages > 0 ? { partialImages: options.partialImages } : {}),
  };
  return { call: { mode: 'edit', request }, plan, uploadBytes: encoded.uploadBytes, blend, distance, reachPx };
}

async function encodeEdit(image: RgbaImage, editArea: Uint8Array, region: Size, plan: PayloadPlan, protocol: GatewayProtocol) {
  const encodedImage = await encodeImageForUpload(image, plan);
  const encodedMask = await encodeMaskForUpload(editArea, region, plan.size, protocol);
  const uploadBytes = Math.ceil((encodedImage.bytes.length + encodedMask.bytes.length) * transportFactor(protocol)) + 2048;
  return { image: encodedImage, mask: encodedMask, uploadBytes };
}

const RESAMPLE_GUARD_PX = 4;

export interface FinishedCandidate {
  image: RgbaImage;
  blendMask: Uint8Array;
  colour: ColourMatch;
}

/** Decode, resize back to the crop, colour-match in the ring, and keep every untouched pixel. */
export async function finishCandidate(bytes: Uint8Array, input: ProviderJobInput, prepared: PreparedJob, gatewayName: string): Promise<FinishedCandidate> {
  const result = await decodeToSize(bytes, { width: input.image.width, height: input.image.height }, gatewayName);
  // The ring starts a few pixels out: resampling to and from the upload size bleeds the model's
  // paint about a pixel past the edit area, and those pixels would skew the statistics.
  const inner = prepared.reachPx + RESAMPLE_GUARD_PX;
  prepared.reference ??= resampleRoundTrip(input.image, prepared.plan.size);
  const colour = matchColoursInRing(await prepared.reference, result, prepared.distance, inner, inner + COLOUR_RING_PX);
  return { image: keepOutsideBlend(input.image, result, prepared.blend), blendMask: prepared.blend, colour };
}
