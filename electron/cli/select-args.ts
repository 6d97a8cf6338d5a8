import type { SegmentPrompt } from '../segment/prompt.ts';
import { int, str, type Values } from './args.ts';
import { UsageError } from './exit-codes.ts';

/** The object-selection flags, shared by `select` and `inpaint --select`. */
export const selectionOptions = {
  'exclude-point': { type: 'string', multiple: true },
  box: { type: 'string' },
  grow: { type: 'string' },
} as const;

export interface SelectionRequest {
  prompt: SegmentPrompt;
  growPx: number;
}

/** The default grow of a selected object (halos, shadows), as in the app. */
export const DEFAULT_GROW_PX = 6;

function list(values: Values, name: string): string[] {
  const value = (values as Record<string, unknown>)[name];
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}

function point(raw: string, flag: string): { x: number; y: number } {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(raw);
  if (!m) throw new UsageError(`--${flag} must be X,Y in image pixels, e.g. 320,240 (got “${raw}”).`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** Reads the include points from `includeFlag` (--point or --select), plus --exclude-point, --box and --grow. */
export function selectionRequest(values: Values, includeFlag: 'point' | 'select'): SelectionRequest | undefined {
  const include = list(values, includeFlag).map((raw) => ({ ...point(raw, includeFlag), include: true }));
  const exclude = list(values, 'exclude-point').map((raw) => ({ ...point(raw, 'exclude-point'), include: false }));
  const boxRaw = str(values, 'box');
  let box: SegmentPrompt['box'];
  if (boxRaw !== undefined) {
    const m = /^\s*(\d+),(\d+),(\d+),(\d+)\s*$/.exec(boxRaw);
    if (!m || Number(m[3]) < 1 || Number(m[4]) < 1) throw new UsageError(`--box must be X,Y,W,H in image pixels, e.g. 10,20,300,200 (got “${boxRaw}”).`);
    box = { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
  }
  if (include.length === 0 && !box) {
    if (exclude.length > 0 || str(values, 'grow') !== undefined) throw new UsageError(`Give the object with --${includeFlag} X,Y or --box X,Y,W,H.`);
    return undefined;
  }
  return { prompt: { points: [...include, ...exclude], ...(box ? { box } : {}) }, growPx: int(values, 'grow', 0, 200) ?? DEFAULT_GROW_PX };
}

/** Every point and the box must lie inside the image: say its size when one does not. */
export function checkInsideImage(request: SelectionRequest, width: number, height: number): void {
  const outside = (x: number, y: number) => x < 0 || y < 0 || x >= width || y >= height;
  for (const p of request.prompt.points) {
    if (outside(p.x, p.y)) throw new UsageError(`The point ${p.x},${p.y} is outside the image, which is ${width}×${height} (x 0–${width - 1}, y 0–${height - 1}).`);
  }
  const box = request.prompt.box;
  if (box && (outside(box.x, box.y) || box.x + box.width > width || box.y + box.height > height)) {
    throw new UsageError(`The box ${box.x},${box.y},${box.width},${box.height} does not fit in the image, which is ${width}×${height}.`);
  }
}
