/** Placeholder until the PatchMatch engine lands (next commit). */
export interface PatchMatchOptions {
  seed: number;
  onProgress?: (fraction: number) => void;
  checkpoint?: () => void;
}

export function patchMatchInpaint(
  _rgba: Uint8Array,
  _mask: Uint8Array,
  _width: number,
  _height: number,
  _options: PatchMatchOptions,
): Uint8Array {
  throw new Error('content-aware fill is not implemented yet');
}
