/** The offline fill engines' contract with the job pipeline. */

export type FillMethod = 'smooth' | 'content-aware';

export interface FillRequest {
  width: number;
  height: number;
  /** width*height*4, the crop around the hole (context window), straight alpha. */
  rgba: Uint8Array;
  /** width*height, 0 = known pixel, >0 = hole to fill. */
  mask: Uint8Array;
  method: FillMethod;
  /** Same seed → identical output bytes. */
  seed: number;
  /**
   * width*height, >0 = never copy from here (content-aware only; the person's "exclude from
   * sampling" brush). Smooth fill reads only the hole's edge and ignores it.
   */
  exclude?: Uint8Array;
}

export interface FillOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}
