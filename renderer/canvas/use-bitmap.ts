import { useEffect, useState } from 'react';
import { forgetOtherLevels, loadBitmap } from './bitmap-cache.ts';

/**
 * The decoded bitmap of an asset at a detail level, once it has loaded; `onError` hears why it
 * could not. While another level of the same asset loads (a zoom), the one already shown stays.
 */
export function useBitmap(assetId: string, onError?: (error: unknown) => void, level = 0): ImageBitmap | undefined {
  const [loaded, setLoaded] = useState<{ assetId: string; bitmap: ImageBitmap } | undefined>();
  useEffect(() => {
    let live = true;
    loadBitmap(assetId, level).then(
      (bitmap) => {
        if (!live) return;
        setLoaded({ assetId, bitmap });
        forgetOtherLevels(assetId, level);
      },
      (error: unknown) => live && onError?.(error),
    );
    return () => {
      live = false;
    };
  }, [assetId, level, onError]);
  // A bitmap of the previous asset is never shown for the new one.
  return loaded?.assetId === assetId ? loaded.bitmap : undefined;
}
