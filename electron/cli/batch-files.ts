import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { UsageError } from './exit-codes.ts';

/** Extensions batch picks up as images or masks (what the app opens). */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff', '.gif', '.avif']);
/** Masks are usually PNG (lossless, with alpha); other formats are accepted after it. */
const MASK_PREFERENCE = ['.png', '.webp', '.tif', '.tiff', '.gif', '.jpg', '.jpeg', '.avif'];

export interface BatchItem {
  /** The image's file name, for messages. */
  name: string;
  image: string;
  mask: string;
  /** Output path before n > 1 numbering. */
  output: string;
}

export interface BatchPlan {
  items: BatchItem[];
  /** Images with no mask beside them. */
  unmasked: string[];
}

/**
 * Pairs every image in `dir` with `<stem><suffix>.<ext>` beside it (photo.jpg + photo_mask.png),
 * sorted by name so runs and resumes go in the same order. Not recursive: the output folder can
 * live inside the input folder without being read back as input.
 */
export async function planBatch(dir: string, suffix: string, outDir: string, outExt: string): Promise<BatchPlan> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InfillError('INVALID_INPUT', `The folder “${dir}” ${code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${code ?? 'error'})`}.`);
  }
  const images = names.filter((n) => IMAGE_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('.')).sort();
  const byStem = new Map<string, string[]>();
  for (const name of images) {
    const stem = name.slice(0, name.length - extname(name).length);
    byStem.set(stem, [...(byStem.get(stem) ?? []), name]);
  }
  const maskFor = (stem: string): string | undefined => {
    const candidates = byStem.get(`${stem}${suffix}`) ?? [];
    return [...candidates].sort((a, b) => MASK_PREFERENCE.indexOf(extname(a).toLowerCase()) - MASK_PREFERENCE.indexOf(extname(b).toLowerCase()))[0];
  };
  const items: BatchItem[] = [];
  const unmasked: string[] = [];
  const outputs = new Map<string, string>();
  const inputs = new Set(names.map((n) => resolve(dir, n)));
  for (const name of images) {
    const stem = name.slice(0, name.length - extname(name).length);
    if (stem.endsWith(suffix)) continue;
    const mask = maskFor(stem);
    if (!mask) {
      unmasked.push(name);
      continue;
    }
    const output = join(outDir, `${stem}${outExt}`);
    // `--out` pointing at DIR itself would write photo.png over the input photo.png.
    if (inputs.has(resolve(output))) throw new UsageError(`The result for “${name}” would overwrite ${output}; choose another --out folder.`);
    const clash = outputs.get(output);
    if (clash) throw new UsageError(`“${clash}” and “${name}” would both be written to ${output}; rename one of them.`);
    outputs.set(output, name);
    items.push({ name, image: join(dir, name), mask: join(dir, mask), output });
  }
  return { items, unmasked };
}
