import type { Rect } from '../../shared/geometry.ts';
import { traceShape, type MaskShape } from './shape-path.ts';

/** What a tool shows before it commits: a vector shape, an open path, or a raster candidate. */
export type PreviewContent =
  | { kind: 'shape'; shape: MaskShape }
  /** A lasso or polygon in progress: x, y pairs, and where the pointer is now (the rubber band). */
  | { kind: 'path'; points: number[]; pointer?: { x: number; y: number } }
  /** A candidate mask (a segmentation): its alpha, tinted, at `rect` in document pixels. */
  | { kind: 'raster'; image: CanvasImageSource; rect: Rect };

/**
 * One buffer for every tool's work in progress, drawn by a single Konva shape on the mask layer
 * (InvokeAI's buffer renderer): tools set what to show and ask for a redraw, without React or
 * the store. Committed work lives in the mask painters, never here.
 */
export class PreviewBuffer {
  private content: PreviewContent | null = null;
  /** Redraws the Konva layer the buffer is shown on; set by the canvas view. */
  onChange: () => void = () => undefined;

  get current(): PreviewContent | null {
    return this.content;
  }

  show(content: PreviewContent | null): void {
    this.content = content;
    this.onChange();
  }

  clear(): void {
    if (this.content) this.show(null);
  }

  /** Draws onto a context in document coordinates; `scale` keeps outlines one screen pixel wide. */
  draw(ctx: CanvasRenderingContext2D, scale: number, color: string): void {
    const content = this.content;
    if (!content) return;
    ctx.save();
    if (content.kind === 'raster') {
      ctx.globalAlpha = 0.55;
      ctx.drawImage(content.image, content.rect.x, content.rect.y, content.rect.width, content.rect.height);
      ctx.restore();
      return;
    }
    if (content.kind === 'shape') {
      traceShape(ctx, content.shape);
      if (content.shape.mode !== 'subtract') {
        ctx.globalAlpha = 0.25;
        ctx.fillStyle = color;
        ctx.fill('nonzero');
        ctx.globalAlpha = 1;
      }
    } else {
      const p = content.points;
      ctx.beginPath();
      ctx.moveTo(p[0] ?? 0, p[1] ?? 0);
      for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i]!, p[i + 1]!);
      if (content.pointer) ctx.lineTo(content.pointer.x, content.pointer.y);
    }
    // Marching-ants style: a white dash over a black line reads on any photo.
    ctx.lineWidth = 1.5 / scale;
    ctx.strokeStyle = '#000';
    ctx.setLineDash([]);
    ctx.stroke();
    ctx.strokeStyle = '#fff';
    ctx.setLineDash([5 / scale, 5 / scale]);
    ctx.stroke();
    ctx.restore();
  }
}

/** The canvas's one preview buffer: its tools draw into it, and so do the mask commands' live previews. */
export const toolPreview = new PreviewBuffer();
