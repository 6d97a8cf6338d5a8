import { useEffect, useState } from 'react';
import { loadBitmap } from './bitmap-cache.ts';

/** The decoded bitmap of an asset, once it has loaded; `onError` hears why it could not. */
export function useBitmap(assetId: string, onError?: (error: unknown) => void): ImageBitmap | undefined {
  const [loaded, setLoaded] = useState<{ assetId: string; bitmap: ImageBitmap } | undefined>();
  useEffect(() => {
    let live = true;
    loadBitmap(assetId).then(
      (bitmap) => live && setLoaded({ assetId, bitmap }),
      (error: unknown) => live && onError?.(error),
    );
    return () => {
      live = false;
    };
  }, [assetId, onError]);
  // A bitmap of the previous asset is never shown for the new one.
  return loaded?.assetId === assetId ? loaded.bitmap : undefined;
}
