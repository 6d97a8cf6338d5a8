import type { DocumentFormat } from '../../shared/contract/export-schemas.ts';
import { jobOptions, jobSettings, parse, str, type JobSettings } from './args.ts';
import type { CliServices } from './cli-services.ts';
import { displayName, readInputFile, reportResult, type CommandContext } from './command-context.ts';
import { UsageError } from './exit-codes.ts';
import { defaultOutputPath, formatForPath, outputPaths } from './output.ts';
import { checkOutputPaths } from './output-check.ts';
import { estimateReporter, jobProgressReporter } from './progress.ts';
import { resolveProvider } from './resolve-provider.ts';
import { runDocument, type RunResult } from './run-document.ts';
import { selectObject } from './select.ts';
import { selectionOptions, selectionRequest, type SelectionRequest } from './select-args.ts';
import { suggestPromptForFile } from './suggest.ts';

export const inpaintOptions = {
  ...jobOptions,
  mask: { type: 'string' },
  select: { type: 'string', multiple: true },
  ...selectionOptions,
  'mask-alpha': { type: 'boolean' },
  exclude: { type: 'string' },
  out: { type: 'string', short: 'o' },
  // Parsed only to explain why it does not apply (the issue lists it among the shared flags).
  size: { type: 'string' },
  suggest: { type: 'boolean' },
  'vision-model': { type: 'string' },
  'vision-protocol': { type: 'string' },
} as const;

/** `infill inpaint IMAGE --mask MASK …`: one image, one mask, n results. */
export async function inpaintCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, inpaintOptions);
  if (positionals.length !== 1) throw new UsageError('inpaint takes one IMAGE (and --mask MASK).');
  const image = positionals[0]!;
  const mask = str(values, 'mask');
  const selection = selectionRequest(values, 'select');
  if (mask && selection) throw new UsageError('Give either --mask MASK or --select X,Y, not both.');
  if (!mask && !selection) throw new UsageError('inpaint needs --mask MASK (white = change, black = keep) or --select X,Y (the object there).');
  if (str(values, 'size') !== undefined) {
    throw new UsageError(
      "--size does not apply to inpaint: the result keeps IMAGE's size, and the request to a gateway is sized to fit the model around the mask. To grow the canvas, use outpaint --size WxH.",
    );
  }
  const settings = jobSettings(values);
  if (values.suggest === true && !settings.prompt.trim()) {
    if (settings.provider.kind === 'offline') throw new UsageError('--suggest asks a gateway\'s vision model; add --provider NAME or --base-url URL --vision-model M.');
    if (!mask) throw new UsageError('--suggest reads the area from --mask MASK; with --select, give --prompt.');
    const provider = settings.provider;
    const flags =
      provider.kind === 'profile'
        ? { provider: provider.name, dataDir: provider.dataDir }
        : { baseUrl: provider.flags.baseUrl, model: str(values, 'vision-model'), protocol: str(values, 'vision-protocol'), dataDir: provider.dataDir };
    settings.prompt = await suggestPromptForFile({ image, mask, convention: values['mask-alpha'] === true ? 'alpha' : 'luminance' }, flags, ctx.env, ctx.io, ctx.signal);
  }
  const exclude = str(values, 'exclude');
  if (exclude !== undefined && (settings.provider.kind !== 'offline' || settings.provider.engine === 'smooth')) {
    throw new UsageError('--exclude applies to offline content-aware fill only (--engine auto or content-aware).');
  }
  const out = str(values, 'out') ?? defaultOutputPath(image);
  const format = formatForPath(out);
  const outputs = outputPaths(out, settings.n);
  await checkOutputPaths(outputs, [image, ...(mask ? [mask] : []), ...(exclude ? [exclude] : [])]);
  const resolved = await resolveProvider(settings.provider, ctx.env, ctx.io);
  for (const warning of settings.warnings) ctx.io.err(`infill: warning: ${warning}`);

  const services = await ctx.openServices(resolved.gateway);
  try {
    const files = { image, mask: mask ? { path: mask } : { selection: selection! }, maskAlpha: values['mask-alpha'] === true, ...(exclude ? { exclude } : {}), outputs, format };
    const result = await inpaintFile(services, ctx, files, settings, resolved.providerId);
    reportResult(ctx.io, result);
  } finally {
    ctx.io.clearStatus();
    await services.dispose();
  }
}

export interface InpaintFiles {
  image: string;
  /** A mask file, or the object selected at points (`inpaint --select`). */
  mask: { path: string } | { selection: SelectionRequest };
  maskAlpha: boolean;
  /** Areas content-aware fill must not copy from (white = exclude), read like the mask. */
  exclude?: string;
  outputs: string[];
  format: DocumentFormat;
}

/** Opens the image and mask as the app does and runs the job; shared with `batch`. */
export async function inpaintFile(
  services: CliServices,
  ctx: CommandContext,
  files: InpaintFiles,
  settings: JobSettings,
  providerId: string,
  showProgress = true,
): Promise<RunResult> {
  const imageName = displayName(files.image);
  // Loaded with the work, not with the command: a mistyped command line never loads sharp.
  const [{ importImage }, { readMaskFile }] = await Promise.all([import('../services/image-import.ts'), import('./read-mask.ts')]);
  const scope = await services.openScope();
  try {
    const asset = await importImage(scope.assets, imageName, await readInputFile(files.image, 'image'), { keepPixels: true });
    // Both masks must match the image's size (after EXIF orientation).
    const expected = { width: asset.width, height: asset.height, name: imageName };
    const mask =
      'path' in files.mask
        ? await readMaskFile(await readInputFile(files.mask.path, 'mask'), displayName(files.mask.path), expected, files.maskAlpha ? 'alpha' : 'luminance')
        : await selectObject(scope.assets, asset, files.mask.selection);
    const exclude = files.exclude
      ? await readMaskFile(await readInputFile(files.exclude, 'exclude'), displayName(files.exclude), expected, 'luminance')
      : undefined;
    const doc = {
      canvas: { x: 0, y: 0, width: asset.width, height: asset.height },
      layers: [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }],
      mask,
      ...(exclude ? { exclude } : {}),
    };
    return await runDocument(
      scope,
      doc,
      { providerId, prompt: settings.prompt, n: settings.n, seed: settings.seed, format: files.format, quality: settings.quality, stripMetadata: settings.stripMetadata, outputs: files.outputs },
      ctx.signal,
      showProgress ? jobProgressReporter(ctx.io, settings.verbose, imageName) : undefined,
      showProgress ? estimateReporter(ctx.io, settings.verbose, imageName) : undefined,
    );
  } finally {
    await scope.dispose();
  }
}
