import { useEffect, useState } from 'react';
import { detailLevelFor } from './detail-level.ts';

/** How long a zoom must rest before layers are decoded again at the level it reached. */
const ZOOM_SETTLE_MS = 150;

/**
 * The detail level layers are drawn at for the view's scale. A zoom waits until it rests: a
 * wheel zoom crosses levels in quick steps and each would decode every layer again. A new
 * canvas (another document opened, an extend or crop) takes its level at once, so its layers
 * are decoded at the level they will be shown at and not first at the old one.
 */
export function useDetailLevel(screenPixelsPerImagePixel: number, canvas: unknown): number {
  const target = detailLevelFor(screenPixelsPerImagePixel);
  const [settled, setSettled] = useState({ level: target, canvas });
  const isNewCanvas = settled.canvas !== canvas;
  // Adjusting state while rendering, as React documents for state that follows a prop.
  if (isNewCanvas) setSettled({ level: target, canvas });
  useEffect(() => {
    if (target === settled.level) return;
    const timer = setTimeout(() => setSettled({ level: target, canvas }), ZOOM_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [target, settled.level, canvas]);
  return isNewCanvas ? target : settled.level;
}
