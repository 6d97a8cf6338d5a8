import type { MaskInput } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import { checkExportSize } from '../services/export-size.ts';
import { int, jobOptions, jobSettings, parse, size, str, type Values } from './args.ts';
import { displayName, readInputFile, reportResult, type CommandContext } from './command-context.ts';
import { UsageError } from './exit-codes.ts';
import { defaultOutputPath, formatForPath, outputPaths } from './output.ts';
import { checkOutputPaths } from './output-check.ts';
import { estimateReporter, jobProgressReporter } from './progress.ts';
import { resolveProvider } from './resolve-provider.ts';
import { runDocument } from './run-document.ts';

export const outpaintOptions = {
  ...jobOptions,
  left: { type: 'string' },
  right: { type: 'string' },
  top: { type: 'string' },
  bottom: { type: 'string' },
  size: { type: 'string' },
  overlap: { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

export interface Extension {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * How far the new area reaches into the original: a seam drawn on both sides blends; a seam
 * exactly at the old border shows as a line. 16 px is enough for the engines and the models.
 */
export const DEFAULT_OVERLAP_PX = 16;
const MAX_EXTEND_PX = 10_000;

/** --left/--right/--top/--bottom, or --size WxH centred around the image. */
export function extensionFrom(values: Values, image: { width: number; height: number }): Extension {
  const sides = {
    left: int(values, 'left', 0, MAX_EXTEND_PX),
    right: int(values, 'right', 0, MAX_EXTEND_PX),
    top: int(values, 'top', 0, MAX_EXTEND_PX),
    bottom: int(values, 'bottom', 0, MAX_EXTEND_PX),
  };
  const target = size(values);
  const anySide = Object.values(sides).some((v) => v !== undefined);
  if (target && anySide) throw new UsageError('Give either --size WxH or --left/--right/--top/--bottom, not both.');
  if (target) {
    if (target.width < image.width || target.height < image.height) {
      throw new UsageError(`--size ${target.width}x${target.height} is smaller than the image (${image.width}x${image.height}); outpaint only extends.`);
    }
    const dx = target.width - image.width;
    const dy = target.height - image.height;
    return { left: Math.floor(dx / 2), right: dx - Math.floor(dx / 2), top: Math.floor(dy / 2), bottom: dy - Math.floor(dy / 2) };
  }
  const ext = { left: sides.left ?? 0, right: sides.right ?? 0, top: sides.top ?? 0, bottom: sides.bottom ?? 0 };
  if (ext.left + ext.right + ext.top + ext.bottom === 0) {
    throw new UsageError('Say how far to extend: --left/--right/--top/--bottom PX, or --size WxH.');
  }
  return ext;
}

/**
 * The extended canvas (the original stays at 0,0, so the canvas starts at −left,−top, as in the
 * app) and its mask: the new area plus an `overlap` band into the original on each extended side.
 */
export function outpaintDocument(image: { width: number; height: number }, ext: Extension, overlap: number): { canvas: Rect; mask: MaskInput } {
  const canvas: Rect = { x: -ext.left, y: -ext.top, width: image.width + ext.left + ext.right, height: image.height + ext.top + ext.bottom };
  const bandX = Math.min(overlap, Math.floor(image.width / 2));
  const bandY = Math.min(overlap, Math.floor(image.height / 2));
  // The part of the original that stays: shrunk by the band on the extended sides only.
  const keep = {
    x0: ext.left > 0 ? bandX : 0,
    y0: ext.top > 0 ? bandY : 0,
    x1: image.width - (ext.right > 0 ? bandX : 0),
    y1: image.height - (ext.bottom > 0 ? bandY : 0),
  };
  const alpha = new Uint8Array(canvas.width * canvas.height).fill(255);
  for (let y = keep.y0; y < keep.y1; y++) {
    const row = (y + ext.top) * canvas.width + ext.left;
    alpha.fill(0, row + keep.x0, row + keep.x1);
  }
  return { canvas, mask: { ...canvas, alpha } };
}

/** `infill outpaint IMAGE --left/--right/--top/--bottom PX | --size WxH …`. */
export async function outpaintCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, outpaintOptions);
  if (positionals.length !== 1) throw new UsageError('outpaint takes one IMAGE.');
  const imagePath = positionals[0]!;
  const settings = jobSettings(values);
  const overlap = int(values, 'overlap', 0, 1000) ?? DEFAULT_OVERLAP_PX;
  const out = str(values, 'out') ?? defaultOutputPath(imagePath, 'outpaint');
  const format = formatForPath(out);
  const outputs = outputPaths(out, settings.n);
  await checkOutputPaths(outputs, [imagePath]);
  const resolved = await resolveProvider(settings.provider, ctx.env, ctx.io);
  for (const warning of settings.warnings) ctx.io.err(`infill: warning: ${warning}`);

  const services = await ctx.openServices(resolved.gateway);
  try {
    const name = displayName(imagePath);
    const scope = await services.openScope();
    const { importImage } = await import('../services/image-import.ts');
    const asset = await importImage(scope.assets, name, await readInputFile(imagePath, 'image'), { keepPixels: true });
    const extension = extensionFrom(values, asset);
    // A canvas too large to export must be refused before the fill (or a paid request) runs.
    checkExportSize({ width: asset.width + extension.left + extension.right, height: asset.height + extension.top + extension.bottom });
    const { canvas, mask } = outpaintDocument(asset, extension, overlap);
    const result = await runDocument(
      scope,
      { canvas, layers: [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }], mask },
      { providerId: resolved.providerId, prompt: settings.prompt, n: settings.n, seed: settings.seed, format, quality: settings.quality, stripMetadata: settings.stripMetadata, outputs },
      ctx.signal,
      jobProgressReporter(ctx.io, settings.verbose, name),
      estimateReporter(ctx.io, settings.verbose, name),
    );
    reportResult(ctx.io, result);
  } finally {
    ctx.io.clearStatus();
    await services.dispose();
  }
}
