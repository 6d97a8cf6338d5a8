import { InfillError } from '../../shared/errors.ts';
import { refusedError } from '../gateways/vision/vision-service.ts';
import { suggestRegion } from '../gateways/vision/vision-service.ts';
import { cropMask, paintedBounds } from '../jobs/mask-region.ts';
import { decodeRgba } from '../services/image-codec.ts';
import { flattenRegion } from '../services/flatten.ts';
import { drawMaskOutline, encodeVisionImage } from '../gateways/vision/vision-image.ts';
import { callVision } from '../gateways/vision/vision-call.ts';
import { instructionFor, maxTokensFor } from '../gateways/vision/vision-prompts.ts';
import { defaultCallOptions } from '../gateways/index.ts';
import type { CliIo } from './cli-io.ts';
import { readInputFile } from './command-context.ts';
import { readMaskFile, type MaskConvention } from './read-mask.ts';
import { resolveVisionTarget, type VisionFlags } from './vision-target.ts';

/**
 * `infill inpaint --suggest`: with no --prompt, the vision model looks at the area around the
 * mask (outlined in red, as in the app) and writes the prompt the fill then uses.
 */
export async function suggestPromptForFile(
  files: { image: string; mask: string; convention: MaskConvention },
  flags: VisionFlags,
  env: NodeJS.ProcessEnv,
  io: CliIo,
  signal: AbortSignal,
): Promise<string> {
  const target = await resolveVisionTarget(flags, env);
  io.protect(target.apiKey);
  const rgba = await decodeRgba(await readInputFile(files.image, 'image'), files.image);
  const mask = await readMaskFile(await readInputFile(files.mask, 'mask'), files.mask, { width: rgba.width, height: rgba.height, name: files.image }, files.convention);
  const bounds = paintedBounds(mask);
  if (!bounds) throw new InfillError('EMPTY_MASK', `The mask “${files.mask}” marks nothing to change.`);
  const canvas = { x: 0, y: 0, width: rgba.width, height: rgba.height };
  const region = suggestRegion(bounds, canvas);
  const crop = await flattenRegion([{ assetId: 'image', x: 0, y: 0, opacity: 1, visible: true }], region, async () => rgba);
  const regionMask = cropMask(mask, region);
  drawMaskOutline(crop, regionMask, Math.max(2, Math.round(Math.max(region.width, region.height) / 512)));
  const image = await encodeVisionImage(crop, 'medium');
  const instruction = instructionFor({ task: 'suggest', prompt: '' });
  io.status(`infill: asking ${target.profile.visionModel} for a prompt…`);
  const result = await callVision({
    profile: target.profile,
    apiKey: target.apiKey,
    request: { instruction, image, maxTokens: maxTokensFor.suggest },
    options: defaultCallOptions,
    signal,
    onText: () => undefined,
    notify: (message) => io.status(`infill: ${message}`),
  });
  io.clearStatus();
  if (result.refusal !== undefined) throw refusedError(target.profile.visionModel, result.refusal);
  if (result.error) throw result.error;
  const prompt = result.text.trim();
  if (!prompt) throw new InfillError('BAD_RESPONSE', `${target.profile.visionModel} suggested nothing.`);
  io.err(`infill: suggested prompt: ${prompt}`);
  return prompt;
}
