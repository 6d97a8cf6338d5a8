import type { GatewayProtocol } from '../../../shared/gateway/profile.ts';

/**
 * The ONE place that knows how each protocol wants the edit area marked. Everything upstream
 * works with Infill's own convention (one byte per pixel, 0 keep, 255 change); everything
 * downstream just encodes the pixels returned here as PNG.
 *
 * - openai-images: RGBA PNG, alpha 0 = edit, alpha 255 = keep (GATEWAYS.md §1).
 * - json-relay:    greyscale PNG, white (255) = edit, black = keep (§4). One seed article says
 *                  white = keep; the relays we target and the OpenAI-style docs say white = edit.
 * - chat-image:    there is no mask field; we send a greyscale mask image, white = edit, and
 *                  the instruction (`chatMaskInstruction`) says so in words (§3).
 *
 * The sent mask is binary: any pixel the blend mask may touch must be repainted by the model,
 * otherwise the feathered seam would mix in pixels the model was told to keep.
 */

export interface PolarizedMask {
  /** Raw pixels, `channels` bytes per pixel, row-major. */
  data: Uint8Array;
  channels: 1 | 4;
  /** How the mask reads, for logs and tests. */
  convention: 'alpha-0-edits' | 'white-edits';
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function maskForProtocol(protocol: GatewayProtocol, editMask: Uint8Array): PolarizedMask {
  if (protocol === 'openai-images') {
    // Black RGB everywhere; only alpha carries meaning. Opaque = keep, transparent = edit.
    const data = new Uint8Array(editMask.length * 4);
    if (LITTLE_ENDIAN) {
      // One word per pixel: bytes 0, 0, 0, alpha.
      const words = new Uint32Array(data.buffer).fill(0xff000000);
      for (let i = 0; i < editMask.length; i++) if (editMask[i]! > 0) words[i] = 0;
    } else {
      for (let i = 0; i < editMask.length; i++) data[i * 4 + 3] = (editMask[i] ?? 0) > 0 ? 0 : 255;
    }
    return { data, channels: 4, convention: 'alpha-0-edits' };
  }
  const data = new Uint8Array(editMask.length);
  for (let i = 0; i < editMask.length; i++) data[i] = (editMask[i] ?? 0) > 0 ? 255 : 0;
  return { data, channels: 1, convention: 'white-edits' };
}

/** Reads a protocol mask back into Infill's convention (tests and diagnostics). */
export function editMaskFromProtocol(protocol: GatewayProtocol, mask: PolarizedMask): Uint8Array {
  const pixels = mask.data.length / mask.channels;
  const out = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const value = mask.data[i * mask.channels + (mask.channels - 1)] ?? 0;
    out[i] = protocol === 'openai-images' ? (value === 0 ? 255 : 0) : value >= 128 ? 255 : 0;
  }
  return out;
}

/**
 * What chat image models are told alongside the picture and the mask. They follow words better
 * than masks, so the instruction repeats the mask's meaning and asks for the same framing.
 */
export function chatMaskInstruction(prompt: string, size: { width: number; height: number }): string {
  const task = prompt.trim() === '' ? 'Fill it so that it blends seamlessly with its surroundings.' : `Fill it with: ${prompt.trim()}`;
  return [
    'Edit the first image. The second image is a mask of the same size:',
    'WHITE marks the only area you may repaint; everything under BLACK must stay exactly as it is.',
    task,
    `Keep the framing, perspective, lighting and grain. Return one ${size.width}x${size.height} image, no text.`,
  ].join(' ');
}
