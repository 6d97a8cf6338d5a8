import { writeFile } from 'node:fs/promises';
import type { AssetInfo, MaskInput } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import { adjustMask } from '../masks/mask-adjust.ts';
import { encodeMaskPng } from '../masks/mask-files.ts';
import { createSegmentService } from '../segment/segment-service.ts';
import { createSegmenter } from '../segment/segmenter.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { importImage } from '../services/image-import.ts';
import { parse, str } from './args.ts';
import { displayName, readInputFile, type CommandContext } from './command-context.ts';
import { UsageError } from './exit-codes.ts';
import { checkInsideImage, selectionOptions, selectionRequest, type SelectionRequest } from './select-args.ts';

export const selectOptions = {
  ...selectionOptions,
  point: { type: 'string', multiple: true },
  out: { type: 'string', short: 'o' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

/** `infill select IMAGE --point X,Y … --out MASK.png`: the object at the points as a mask (white = selected). */
export async function selectCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, selectOptions);
  if (positionals.length !== 1) throw new UsageError('select takes one IMAGE (and --point X,Y or --box X,Y,W,H).');
  const out = str(values, 'out');
  if (!out) throw new UsageError('select needs --out MASK.png (the mask is written there, white = selected).');
  const request = selectionRequest(values, 'point');
  if (!request) throw new UsageError('select needs --point X,Y (repeatable) or --box X,Y,W,H.');
  const services = await ctx.openServices();
  const scope = await services.openScope();
  try {
    const asset = await importImage(scope.assets, displayName(positionals[0]!), await readInputFile(positionals[0]!, 'image'), { keepPixels: true });
    ctx.io.status(`infill: analysing ${displayName(positionals[0]!)}…`);
    const mask = await selectObject(scope.assets, asset, request);
    await writeFile(out, await encodeMaskPng({ x: 0, y: 0, width: asset.width, height: asset.height }, mask));
    ctx.io.out(out);
  } finally {
    ctx.io.clearStatus();
    await scope.dispose();
    await services.dispose();
  }
}

/**
 * Runs the object selection the app runs (the same service, in-process) on an imported image:
 * coordinates in the displayed image (EXIF orientation applied), grown as asked.
 */
export async function selectObject(assets: AssetStore, asset: AssetInfo, request: SelectionRequest): Promise<MaskInput> {
  checkInsideImage(request, asset.width, asset.height);
  const segmenter = createSegmenter();
  try {
    const service = createSegmentService({ segmenter, readRgba: (id) => assets.readRgba(id) });
    const canvas = { x: 0, y: 0, width: asset.width, height: asset.height };
    const { embeddingId } = await service.analyse({ canvas, layers: [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }] });
    const { mask } = await service.segment({ embeddingId, ...request.prompt });
    const grown = mask && request.growPx > 0 ? adjustMask(mask, canvas, { kind: 'grow', px: request.growPx }) : mask;
    if (!grown) throw new InfillError('EMPTY_MASK', 'Nothing was selected at those points; try a point nearer the middle of the object.');
    return grown;
  } finally {
    await segmenter.close();
  }
}
