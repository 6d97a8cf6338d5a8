import type { BrushStroke, MaskOperation, ShapeMode } from '../../shared/document/records.ts';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, roundRectOut, unionRects, type Rect } from '../../shared/geometry.ts';
import { brushTip, dabSpacing } from './brush-tip.ts';
import { MaskTiles } from './mask-tiles.ts';
import { rasterBitmap } from './raster-mask-bitmaps.ts';
import { shapeBounds, traceShape } from './shape-path.ts';

/** The fill mask's colour on screen; its alpha channel is the mask itself (0 keep … 255 change). */
export const MASK_COLOR = 'rgb(255, 45, 110)';
/** The exclusion's colour: areas content-aware fill must not copy from. */
export const EXCLUDE_COLOR = 'rgb(40, 200, 120)';

/**
 * A mask (the fill mask or the exclusion), sized to the document and kept in offscreen canvas
 * tiles. Strokes are stamped straight into them as the pointer moves (no React, no store); the
 * document's mask records are replayed after undo, redo or a cancelled stroke. Its alpha is
 * what a job sends to main.
 */
export class MaskPainter {
  readonly tiles: MaskTiles;
  /** The id of the stroke just committed from live drawing, whose pixels are already here. */
  liveOpId: string | undefined;
  private stroke: { op: BrushStroke; lastX: number; lastY: number; carry: number } | null = null;
  /** Where the mask may be non-zero, so reading it back does not scan the whole document. */
  private painted: Rect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(
    readonly bounds: Rect,
    private readonly color = MASK_COLOR,
  ) {
    this.tiles = new MaskTiles(bounds.width, bounds.height);
  }

  /** Draws the mask's tiles onto a context whose origin is the document's (0, 0). */
  drawTo(ctx: CanvasRenderingContext2D): void {
    for (const tile of this.tiles.all()) ctx.drawImage(tile.canvas, this.bounds.x + tile.x, this.bounds.y + tile.y);
  }

  get isStroking(): boolean {
    return this.stroke !== null;
  }

  /** Begins a stroke at a document point; returns nothing to draw until `moveTo`. */
  beginStroke(mode: BrushStroke['mode'], size: number, hardness: number, x: number, y: number): void {
    this.stroke = { op: { kind: 'stroke', mode, size, hardness, points: [x, y] }, lastX: x, lastY: y, carry: 0 };
    this.dab(this.stroke.op, x, y);
  }

  /** Extends the stroke; returns the document rect that changed. */
  moveTo(x: number, y: number): void {
    const stroke = this.stroke;
    if (!stroke) return;
    stroke.op.points.push(x, y);
    stroke.carry = this.segment(stroke.op, stroke.lastX, stroke.lastY, x, y, stroke.carry);
    stroke.lastX = x;
    stroke.lastY = y;
  }

  /** Ends the stroke and hands back the operation to record. */
  endStroke(): BrushStroke | null {
    const op = this.stroke?.op ?? null;
    this.stroke = null;
    return op;
  }

  /** Forgets the stroke in progress; the caller replays the recorded operations to undo its pixels. */
  abandonStroke(): void {
    this.stroke = null;
  }

  replay(ops: readonly MaskOperation[]): void {
    this.stroke = null;
    this.clearAll();
    for (const op of ops) this.apply(op);
  }

  apply(op: MaskOperation): void {
    if (op.kind === 'invert') {
      // XOR with an opaque fill turns alpha a into 1 − a: the mask inverted.
      for (const { ctx, canvas } of this.tiles.everywhere()) {
        ctx.globalCompositeOperation = 'xor';
        ctx.fillStyle = this.color;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.globalCompositeOperation = 'source-over';
      }
      this.painted = { x: 0, y: 0, width: this.bounds.width, height: this.bounds.height };
      return;
    }
    if (op.kind === 'rect' || op.kind === 'ellipse' || op.kind === 'polygon') {
      this.fillArea(shapeBounds(op), op.mode, (ctx, dx, dy) => {
        traceShape(ctx, op, dx, dy);
        ctx.fill('nonzero');
      });
      return;
    }
    if (op.kind === 'raster') {
      const bitmap = rasterBitmap(op.assetId);
      // Not decoded yet: the owner replays again once it is (see raster-mask-bitmaps.ts).
      if (!bitmap) {
        if (op.mode === 'replace') this.clearAll();
        return;
      }
      const tinted = this.tint(bitmap);
      const area = { x: op.x, y: op.y, width: op.width, height: op.height };
      this.fillArea(area, op.mode, (ctx, dx, dy) => ctx.drawImage(tinted, op.x - dx, op.y - dy, op.width, op.height));
      return;
    }
    const [x0 = 0, y0 = 0] = op.points;
    this.dab(op, x0, y0);
    let carry = 0;
    for (let i = 2; i + 1 < op.points.length; i += 2) {
      carry = this.segment(op, op.points[i - 2]!, op.points[i - 1]!, op.points[i]!, op.points[i + 1]!, carry);
    }
  }

  /**
   * Draws into every tile `area` (document pixels) touches: over the mask (add), out of it
   * (subtract), or over a cleared mask (replace). `draw` gets the tile's context and the
   * document position of the tile's origin.
   */
  private fillArea(area: Rect, mode: ShapeMode | undefined, draw: (ctx: CanvasRenderingContext2D, dx: number, dy: number) => void): void {
    if (mode === 'replace') this.clearAll();
    const local = { x: area.x - this.bounds.x, y: area.y - this.bounds.y, width: area.width, height: area.height };
    const subtract = mode === 'subtract';
    for (const tile of this.tiles.overlapping(local, !subtract)) {
      tile.ctx.globalCompositeOperation = subtract ? 'destination-out' : 'source-over';
      tile.ctx.fillStyle = this.color;
      draw(tile.ctx, this.bounds.x + tile.x, this.bounds.y + tile.y);
      tile.ctx.globalCompositeOperation = 'source-over';
    }
    if (!subtract) this.painted = unionRects(this.painted, local);
  }

  private clearAll(): void {
    this.tiles.clear();
    this.painted = { x: 0, y: 0, width: 0, height: 0 };
  }

  /** The bitmap's alpha in the mask's colour (a mask asset is white; a layer used as a mask is not). */
  private tint(bitmap: ImageBitmap): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    ctx.globalCompositeOperation = 'source-in';
    ctx.fillStyle = this.color;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    return canvas;
  }

  /** The mask's non-zero area as one byte per pixel, in document coordinates; null when empty. */
  extract(): MaskInput | null {
    const local = intersectRects(roundRectOut(this.painted), { x: 0, y: 0, width: this.bounds.width, height: this.bounds.height });
    if (isEmptyRect(local)) return null;
    const alpha = new Uint8Array(local.width * local.height);
    let any = false;
    for (const tile of this.tiles.overlapping(local, false)) {
      const part = intersectRects(local, { x: tile.x, y: tile.y, width: tile.canvas.width, height: tile.canvas.height });
      if (isEmptyRect(part)) continue;
      const pixels = tile.ctx.getImageData(part.x - tile.x, part.y - tile.y, part.width, part.height).data;
      for (let row = 0; row < part.height; row++) {
        const out = (part.y - local.y + row) * local.width + (part.x - local.x);
        for (let col = 0; col < part.width; col++) {
          const a = pixels[(row * part.width + col) * 4 + 3]!;
          alpha[out + col] = a;
          if (a) any = true;
        }
      }
    }
    if (!any) return null;
    return { x: local.x + this.bounds.x, y: local.y + this.bounds.y, width: local.width, height: local.height, alpha };
  }

  /** One mask value (0…255) at a document pixel; reading it forces pending dabs to be rasterized. */
  alphaAt(docX: number, docY: number): number {
    const x = Math.floor(docX - this.bounds.x);
    const y = Math.floor(docY - this.bounds.y);
    for (const tile of this.tiles.overlapping({ x, y, width: 1, height: 1 }, false)) {
      return tile.ctx.getImageData(x - tile.x, y - tile.y, 1, 1).data[3]!;
    }
    return 0;
  }

  private segment(op: BrushStroke, x0: number, y0: number, x1: number, y1: number, carry: number): number {
    const spacing = dabSpacing(op.size);
    const length = Math.hypot(x1 - x0, y1 - y0);
    let t = spacing - carry;
    while (t <= length) {
      const f = t / length;
      this.dab(op, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
      t += spacing;
    }
    return length - (t - spacing);
  }

  private dab(op: BrushStroke, docX: number, docY: number): void {
    const tip = brushTip(op.size, op.hardness, this.color);
    const x = docX - this.bounds.x - tip.width / 2;
    const y = docY - this.bounds.y - tip.height / 2;
    const erase = op.mode === 'erase';
    // Erasing where nothing is painted has nothing to do: no tile is created for it.
    for (const tile of this.tiles.overlapping({ x: Math.floor(x), y: Math.floor(y), width: tip.width + 1, height: tip.height + 1 }, !erase)) {
      tile.ctx.globalCompositeOperation = erase ? 'destination-out' : 'source-over';
      tile.ctx.drawImage(tip, x - tile.x, y - tile.y);
    }
    if (!erase) this.painted = unionRects(this.painted, { x, y, width: tip.width, height: tip.height });
  }
}
