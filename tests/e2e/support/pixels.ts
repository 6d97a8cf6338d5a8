import sharp from 'sharp';

export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes an image as main does (EXIF orientation applied, sRGB, RGBA). */
export async function decode(input: string | Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(input, { autoOrient: true }).toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** Smallest distance from (x, y) to a polyline. */
export function distanceToPath(x: number, y: number, path: Array<[number, number]>): number {
  let best = Infinity;
  for (let i = 0; i < path.length; i++) {
    const [ax, ay] = path[i]!;
    const [bx, by] = path[Math.min(i + 1, path.length - 1)]!;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSq = dx * dx + dy * dy;
    const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSq));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/** Compares two decoded images around a brush path: outside `keepBeyond` px nothing may differ. */
export function compareAroundPath(before: Pixels, after: Pixels, path: Array<[number, number]>, keepBeyond: number, changedWithin: number) {
  let changedOutside = 0;
  let changedInside = 0;
  let inside = 0;
  for (let y = 0; y < before.height; y++) {
    for (let x = 0; x < before.width; x++) {
      const i = (y * before.width + x) * 4;
      const same = before.data[i] === after.data[i] && before.data[i + 1] === after.data[i + 1] && before.data[i + 2] === after.data[i + 2] && before.data[i + 3] === after.data[i + 3];
      const distance = distanceToPath(x, y, path);
      if (distance > keepBeyond && !same) changedOutside++;
      if (distance <= changedWithin) {
        inside++;
        if (!same) changedInside++;
      }
    }
  }
  return { changedOutside, changedInside, inside };
}
