import { currentMaskPainter } from './canvas/use-mask-painter.ts';

declare global {
  interface Window {
    /** Read-only views for benchmarks that measure in the page (brush latency); no secrets, no writes. */
    __infillBench?: { maskAlphaAt(docX: number, docY: number): number };
  }
}

export function installDebugHooks(): void {
  window.__infillBench = { maskAlphaAt: (x, y) => currentMaskPainter()?.alphaAt(x, y) ?? 0 };
}
