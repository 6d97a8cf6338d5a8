import type { Rect } from '../../shared/geometry.ts';
import { intersectRects, isEmptyRect } from '../../shared/geometry.ts';

/**
 * Why tiles: once a canvas has been drawn to the screen, Chromium copies all of it before the
 * next write (copy-on-write of the snapshot the frame holds). For one document-sized mask that
 * copy is 16 MB at 2048² and 96 MB for a 24 MP photo, on every frame of a stroke. With 512²
 * tiles a dab copies at most the few tiles it touches, and tiles exist only where painted.
 */
export const TILE_SIZE = 512;

export interface MaskTile {
  /** Position inside the mask, in mask-local pixels. */
  x: number;
  y: number;
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
}

export class MaskTiles {
  private readonly tiles = new Map<number, MaskTile>();
  private readonly columns: number;
  private readonly rows: number;

  constructor(readonly width: number, readonly height: number) {
    this.columns = Math.ceil(width / TILE_SIZE);
    this.rows = Math.ceil(height / TILE_SIZE);
  }

  all(): Iterable<MaskTile> {
    return this.tiles.values();
  }

  clear(): void {
    this.tiles.clear();
  }

  /** Tiles overlapping `rect` (mask-local); missing ones are created only when `create` is set. */
  *overlapping(rect: Rect, create: boolean): Iterable<MaskTile> {
    const area = intersectRects(rect, { x: 0, y: 0, width: this.width, height: this.height });
    if (isEmptyRect(area)) return;
    const firstColumn = Math.floor(area.x / TILE_SIZE);
    const lastColumn = Math.floor((area.x + area.width - 1) / TILE_SIZE);
    const firstRow = Math.floor(area.y / TILE_SIZE);
    const lastRow = Math.floor((area.y + area.height - 1) / TILE_SIZE);
    for (let row = firstRow; row <= lastRow; row++) {
      for (let column = firstColumn; column <= lastColumn; column++) {
        const tile = this.tiles.get(row * this.columns + column) ?? (create ? this.create(column, row) : undefined);
        if (tile) yield tile;
      }
    }
  }

  /** Every tile of the grid, created as needed (for operations on the whole mask, like invert). */
  *everywhere(): Iterable<MaskTile> {
    yield* this.overlapping({ x: 0, y: 0, width: this.width, height: this.height }, true);
  }

  get count(): number {
    return this.tiles.size;
  }

  get capacity(): number {
    return this.columns * this.rows;
  }

  private create(column: number, row: number): MaskTile {
    const x = column * TILE_SIZE;
    const y = row * TILE_SIZE;
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(TILE_SIZE, this.width - x);
    canvas.height = Math.min(TILE_SIZE, this.height - y);
    const tile = { x, y, canvas, ctx: canvas.getContext('2d')! };
    this.tiles.set(row * this.columns + column, tile);
    return tile;
  }
}
