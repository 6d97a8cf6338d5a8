import { currentMaskPainter } from './canvas/use-mask-painter.ts';

declare global {
  interface Window {
    /** Read-only views for benchmarks that measure in the page (brush latency); no secrets, no writes. */
    __infillBench?: { maskCanvas(): HTMLCanvasElement | null };
  }
}

export function installDebugHooks(): void {
  window.__infillBench = { maskCanvas: () => currentMaskPainter()?.canvas ?? null };
}
