import type { BrushStroke, MaskOperation } from '../../shared/document/records.ts';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, roundRectOut, unionRects, type Rect } from '../../shared/geometry.ts';
import { brushTip, dabSpacing } from './brush-tip.ts';

/** The mask's colour on screen; its alpha channel is the mask itself (0 keep … 255 change). */
export const MASK_COLOR = 'rgb(255, 45, 110)';

/**
 * The mask as a document-sized offscreen canvas. Strokes are stamped straight into it as the
 * pointer moves (no React, no store); the document's mask records are replayed into it after
 * undo, redo or a cancelled stroke. Its alpha is what a job sends to main.
 */
export class MaskPainter {
  readonly canvas: HTMLCanvasElement;
  /** The id of the stroke just committed from live drawing, whose pixels are already here. */
  liveOpId: string | undefined;
  private readonly ctx: CanvasRenderingContext2D;
  private stroke: { op: BrushStroke; lastX: number; lastY: number; carry: number } | null = null;
  /** Where the mask may be non-zero, so reading it back does not scan the whole document. */
  private painted: Rect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(readonly bounds: Rect) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = bounds.width;
    this.canvas.height = bounds.height;
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: false })!;
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
    this.ctx.globalCompositeOperation = 'source-over';
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.painted = { x: 0, y: 0, width: 0, height: 0 };
    for (const op of ops) this.apply(op);
  }

  apply(op: MaskOperation): void {
    if (op.kind === 'invert') {
      // XOR with an opaque fill turns alpha a into 1 − a: the mask inverted.
      this.ctx.globalCompositeOperation = 'xor';
      this.ctx.fillStyle = MASK_COLOR;
      this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
      this.ctx.globalCompositeOperation = 'source-over';
      this.painted = { x: 0, y: 0, width: this.canvas.width, height: this.canvas.height };
      return;
    }
    const [x0 = 0, y0 = 0] = op.points;
    this.dab(op, x0, y0);
    let carry = 0;
    for (let i = 2; i + 1 < op.points.length; i += 2) {
      carry = this.segment(op, op.points[i - 2]!, op.points[i - 1]!, op.points[i]!, op.points[i + 1]!, carry);
    }
  }

  /** The mask's non-zero area as one byte per pixel, in document coordinates; null when empty. */
  extract(): MaskInput | null {
    const local = intersectRects(roundRectOut(this.painted), { x: 0, y: 0, width: this.canvas.width, height: this.canvas.height });
    if (isEmptyRect(local)) return null;
    const pixels = this.ctx.getImageData(local.x, local.y, local.width, local.height).data;
    const alpha = new Uint8Array(local.width * local.height);
    let any = false;
    for (let i = 0; i < alpha.length; i++) {
      const a = pixels[i * 4 + 3]!;
      alpha[i] = a;
      if (a) any = true;
    }
    if (!any) return null;
    return { x: local.x + this.bounds.x, y: local.y + this.bounds.y, width: local.width, height: local.height, alpha };
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
    const tip = brushTip(op.size, op.hardness, MASK_COLOR);
    const x = docX - this.bounds.x - tip.width / 2;
    const y = docY - this.bounds.y - tip.height / 2;
    this.ctx.globalCompositeOperation = op.mode === 'erase' ? 'destination-out' : 'source-over';
    this.ctx.drawImage(tip, x, y);
    if (op.mode === 'paint') this.painted = unionRects(this.painted, { x, y, width: tip.width, height: tip.height });
  }
}
