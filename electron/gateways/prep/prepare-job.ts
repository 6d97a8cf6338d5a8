import { InfillError } from '../../../shared/errors.ts';
import type { Rect } from '../../../shared/geometry.ts';
import type { GatewayProtocol } from '../../../shared/gateway/profile.ts';
import type { ModelSpec, Size } from '../../../shared/gateway/model-sizes.ts';
import { fitToModel } from '../../../shared/gateway/model-sizes.ts';
import type { ProviderJobInput, RgbaImage } from '../../jobs/provider.ts';
import type { EditRequest, EncodedImage, GenerateRequest, OutpaintRequest } from '../adapters/types.ts';
import { matchColoursInRing } from './colour-match.ts';
import type { ColourMatch } from './colour-match.ts';
import { keepInsideBlend } from './composite.ts';
import { decodeToSize, encodeImageForUpload, encodeMaskForUpload, resampleRoundTrip } from './encode.ts';
import { blendMaskFromField, clampBlendOptions, COLOUR_RING_PX, distanceField, editAreaFromBlend, MAX_TOUCH_PX } from './mask-ops.ts';
import type { BlendOptions, DistanceField } from './mask-ops.ts';
import { cropRgba, detectOutpaint, isBlank } from './outpaint.ts';
import { extensionShape, scaledSides, type OutpaintBySideRequest } from './outpaint-sides.ts';
import { correctedPlan, planPayload, transportFactor } from './payload-budget.ts';
import type { PayloadPlan, PlanInput, UploadPreference } from './payload-budget.ts';

/** From the runner's crop + mask to a ready request, and from the answer back to a candidate. */

export interface PrepOptions {
  blend: BlendOptions;
  budgetBytes: number;
  /** Partial previews to ask for where the protocol streams them (0 = none). */
  partialImages: number;
  /** Use the relay's outpaint endpoint when the mask is a strip of empty canvas. */
  canOutpaint: boolean;
  /** PNG when it fits, or JPEG wherever the model takes it (see payload-budget.ts); default lossless. */
  upload?: UploadPreference;
  /** A JSON relay's outpaint model (named for messages): extensions only, one side per call. */
  outpaintOnlyModel?: string;
}

export type PreparedRequest =
  | { mode: 'edit'; request: EditRequest }
  | { mode: 'generate'; request: GenerateRequest }
  | { mode: 'outpaint'; request: OutpaintRequest }
  | { mode: 'outpaint-by-side'; request: OutpaintBySideRequest };

export interface PreparedJob {
  call: PreparedRequest;
  plan: PayloadPlan;
  /** What goes over the wire for the images (after base64 where the protocol uses it). */
  uploadBytes: number;
  /** Blend mask at crop size: grown + feathered painted mask, 0 beyond 32 px. */
  blend: Uint8Array;
  /**
   * Distance to the painted mask, in the mask's box grown by the colour ring's reach: outside
   * that box the blend mask is 0, so the answer is only decoded, measured and used inside it.
   */
  distance: DistanceField;
  reachPx: number;
  /** What the model saw, at crop scale, inside the distance box: computed once per job. */
  reference?: Promise<RgbaImage>;
}

export async function prepareJob(input: ProviderJobInput, protocol: GatewayProtocol, spec: ModelSpec, options: PrepOptions): Promise<PreparedJob> {
  const { image, mask } = input;
  const region: Size = { width: image.width, height: image.height };
  const blendOptions = clampBlendOptions(options.blend);
  const reachPx = blendOptions.growPx + blendOptions.featherPx;
  const prefer = options.upload ? { prefer: options.upload } : {};
  const base = { prompt: input.prompt, seed: input.seed };
  const blank = isBlank(image) && protocol !== 'json-relay';
  const bySide = options.outpaintOnlyModel === undefined ? undefined : extensionShape(image);
  if (options.outpaintOnlyModel !== undefined && !bySide) {
    throw new InfillError(
      'BAD_REQUEST',
      `${options.outpaintOnlyModel} is an outpaint model: it only extends the canvas. Extend the canvas first, or choose an inpaint model to change pixels inside the picture.`,
    );
  }
  const outpaint = !blank && !bySide && options.canOutpaint ? detectOutpaint(image, mask) : undefined;
  const editPlanInput: PlanInput = { region, spec, protocol, budgetBytes: options.budgetBytes, ...prefer };
  const editPlan = blank || outpaint || bySide ? undefined : planPayload(editPlanInput);
  // An edit's upload size does not depend on the mask: start encoding the crop (libvips threads)
  // and do the mask work on this thread meanwhile.
  const imageEncoding = editPlan ? encodeImageForUpload(image, editPlan) : undefined;
  imageEncoding?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  const distance = distanceField(mask, image.width, image.height, MAX_TOUCH_PX + RESAMPLE_GUARD_PX + COLOUR_RING_PX);
  // The edit area (what the model is told to repaint: every pixel the blend may touch) comes out
  // of the same pass; generate and outpaint calls do not send it.
  const editArea = editPlan ? new Uint8Array(image.width * image.height) : undefined;
  const blend = blendMaskFromField(distance, image.width, image.height, blendOptions, editArea);

  if (blank) {
    const size = fitToModel(region, spec);
    const plan = planPayload({ region, spec, protocol, budgetBytes: options.budgetBytes, withMask: false, ...prefer });
    const request: GenerateRequest = { ...base, n: input.n, size, ...(options.partialImages > 0 ? { partialImages: options.partialImages } : {}) };
    return { call: { mode: 'generate', request }, plan, uploadBytes: 0, blend, distance, reachPx };
  }

  if (bySide) {
    const plan = planPayload({ region, spec, protocol, budgetBytes: options.budgetBytes, withMask: false, ...prefer });
    const { sides, knownSize } = scaledSides(bySide, region, plan.size);
    const known = await encodeImageForUpload(cropRgba(image, bySide.known), { ...plan, size: knownSize });
    const request: OutpaintBySideRequest = { ...base, image: known, sides, n: input.n, size: plan.size };
    return { call: { mode: 'outpaint-by-side', request }, plan, uploadBytes: Math.ceil(known.bytes.length * transportFactor(protocol)), blend, distance, reachPx };
  }

  if (outpaint) {
    const planInput: PlanInput = { region, spec, protocol, budgetBytes: options.budgetBytes, withMask: false, ...prefer };
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

  const edit = editArea ?? editAreaFromBlend(blend, image.width, distance.box);
  let plan = editPlan ?? planPayload(editPlanInput);
  let encoded = await encodeEdit(imageEncoding ?? encodeImageForUpload(image, plan), edit, region, plan, protocol, distance.box);
  const corrected = correctedPlan(plan, encoded.uploadBytes, editPlanInput);
  if (corrected) {
    // One correction from the measured bytes per pixel; the 413 path in the provider is the backstop.
    plan = corrected;
    encoded = await encodeEdit(encodeImageForUpload(image, plan), edit, region, plan, protocol, distance.box);
  }
  const request: EditRequest = {
    ...base,
    image: encoded.image,
    mask: encoded.mask,
    n: input.n,
    size: plan.size,
    ...(options.partialImages > 0 ? { partialImages: options.partialImages } : {}),
    ...(input.strength !== undefined ? { strength: input.strength } : {}),
    ...(input.guidance !== undefined ? { guidance: input.guidance } : {}),
  };
  const prepared: PreparedJob = { call: { mode: 'edit', request }, plan, uploadBytes: encoded.uploadBytes, blend, distance, reachPx };
  if (plan.size.width !== region.width || plan.size.height !== region.height) {
    // Decoding the upload back to crop scale (the colour reference, ~60 ms on a 24 MP job's crop)
    // runs on libvips threads while the request is in flight instead of after the answer.
    prepared.reference = referenceInBox(image, prepared, 'Infill');
    prepared.reference.catch(() => undefined);
  }
  return prepared;
}

async function encodeEdit(imageEncoding: Promise<EncodedImage>, editArea: Uint8Array, region: Size, plan: PayloadPlan, protocol: GatewayProtocol, box: Rect) {
  const [encodedImage, encodedMask] = await Promise.all([imageEncoding, encodeMaskForUpload(editArea, region, plan.size, protocol, box.width > 0 ? box : undefined)]);
  const uploadBytes = Math.ceil((encodedImage.bytes.length + encodedMask.bytes.length) * transportFactor(protocol)) + 2048;
  return { image: encodedImage, mask: encodedMask, uploadBytes };
}

const RESAMPLE_GUARD_PX = 4;

export interface FinishedCandidate {
  image: RgbaImage;
  blendMask: Uint8Array;
  colour: ColourMatch;
}

/**
 * Decode, resize back to the crop, colour-match in the ring, and keep every untouched pixel.
 * Only the distance box (the mask's box grown by the ring) of the answer is decoded and looked
 * at: outside it the blend mask is 0 and the candidate is the original crop, byte for byte.
 */
export async function finishCandidate(bytes: Uint8Array, input: ProviderJobInput, prepared: PreparedJob, gatewayName: string): Promise<FinishedCandidate> {
  const size: Size = { width: input.image.width, height: input.image.height };
  const { box } = prepared.distance;
  if (box.width === 0 || box.height === 0) {
    await decodeToSize(bytes, size, gatewayName, { x: 0, y: 0, width: 1, height: 1 }); // still refuse garbage
    return { image: { ...size, data: new Uint8Array(input.image.data) }, blendMask: prepared.blend, colour: { applied: false, gain: [1, 1, 1], offset: [0, 0, 0], reason: 'empty mask' } };
  }
  const result = await decodeToSize(bytes, size, gatewayName, box);
  // The ring starts a few pixels out: resampling to and from the upload size bleeds the model's
  // paint about a pixel past the edit area, and those pixels would skew the statistics.
  const inner = prepared.reachPx + RESAMPLE_GUARD_PX;
  prepared.reference ??= referenceInBox(input.image, prepared, gatewayName);
  const colour = matchColoursInRing(await prepared.reference, result, prepared.distance.data, inner, inner + COLOUR_RING_PX);
  return { image: keepInsideBlend(input.image, result, box, prepared.blend), blendMask: prepared.blend, colour };
}

/**
 * The colour match's reference: the crop as the model saw it, brought back to crop scale the way
 * the answer is, inside the distance box. Without a resize it is the crop itself; for an edit it
 * is the uploaded file decoded like an answer (one decode, no second pass over the whole crop),
 * with the crop's own alpha so empty canvas stays out of the statistics.
 */
async function referenceInBox(image: RgbaImage, prepared: PreparedJob, gatewayName: string): Promise<RgbaImage> {
  const { box } = prepared.distance;
  const size: Size = { width: image.width, height: image.height };
  if (prepared.plan.size.width === size.width && prepared.plan.size.height === size.height) return cropRgba(image, box);
  if (prepared.call.mode === 'edit') {
    const seen = await decodeToSize(prepared.call.request.image.bytes, size, gatewayName, box);
    for (let y = 0; y < box.height; y++) {
      const from = ((y + box.y) * image.width + box.x) * 4;
      for (let x = 0; x < box.width; x++) seen.data[(y * box.width + x) * 4 + 3] = image.data[from + x * 4 + 3]!;
    }
    return seen;
  }
  return cropRgba(await resampleRoundTrip(image, prepared.plan.size), box);
}
