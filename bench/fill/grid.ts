/** The picture grid: one row per photo, one column per stage/method, labelled. */
import sharp, { type OverlayOptions } from 'sharp';

export interface GridCell {
  rgba: Uint8Array;
  width: number;
  height: number;
}

const CELL_HEIGHT = 180;
const LABEL_HEIGHT = 24;

export async function writeGrid(path: string, columns: string[], rows: GridCell[][]): Promise<void> {
  const cellWidths = rows.map((row) => Math.round((row[0]!.width / row[0]!.height) * CELL_HEIGHT));
  const cellWidth = Math.max(...cellWidths);
  const width = cellWidth * columns.length;
  const height = LABEL_HEIGHT + CELL_HEIGHT * rows.length;
  const composites: OverlayOptions[] = [];
  const labels = columns
    .map(
      (c, k) =>
        `<text x="${k * cellWidth + cellWidth / 2}" y="17" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#fff">${c}</text>`,
    )
    .join('');
  composites.push({ input: Buffer.from(`<svg width="${width}" height="${LABEL_HEIGHT}">${labels}</svg>`), left: 0, top: 0 });
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r]!.length; c++) {
      const cell = rows[r]![c]!;
      const input = await sharp(cell.rgba, { raw: { width: cell.width, height: cell.height, channels: 4 } })
        .resize({ width: cellWidth, height: CELL_HEIGHT, fit: 'contain', background: '#202020' })
        .png()
        .toBuffer();
      composites.push({ input, left: c * cellWidth, top: LABEL_HEIGHT + r * CELL_HEIGHT });
    }
  }
  await sharp({ create: { width, height, channels: 4, background: '#202020' } })
    .composite(composites)
    .png({ compressionLevel: 9 })
    .toFile(path);
}

/** The input with its hole shown in magenta, for the "hole" column. */
export function showHole(rgba: Uint8Array, mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba);
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.set([255, 0, 255, 255], i * 4);
  return out;
}
