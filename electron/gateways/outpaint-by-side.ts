import { InfillError } from '../../shared/errors.ts';
import type { AdapterContext, AdapterResult, GatewayAdapter } from './adapters/types.ts';
import { normalizeForUpload } from './prep/encode.ts';
import type { OutpaintBySideRequest } from './prep/outpaint-sides.ts';

/**
 * Runs an extension through a relay's outpaint endpoint, one call per side: each call gets the
 * previous answer (re-encoded as PNG, so nothing is lost between steps) and adds one strip; the
 * top and bottom calls also fill the corners the left and right ones made. Every answer's size
 * is checked, so a relay that ignored `pixels` fails clearly instead of stretching the result.
 */
export async function outpaintBySide(adapter: GatewayAdapter, request: OutpaintBySideRequest, ctx: AdapterContext): Promise<AdapterResult> {
  const outpaint = adapter.outpaint?.bind(adapter);
  if (!outpaint) throw new InfillError('INTERNAL', `The ${adapter.protocol} adapter has no outpaint endpoint.`);
  const images: Uint8Array[] = [];
  for (let variation = 0; variation < request.n; variation++) {
    let image = request.image;
    let answer: Uint8Array | undefined;
    for (const side of request.sides) {
      const horizontal = side.direction === 'left' || side.direction === 'right';
      const expected = { width: image.width + (horizontal ? side.pixels : 0), height: image.height + (horizontal ? 0 : side.pixels) };
      const result = await outpaint({ image, direction: side.direction, pixels: side.pixels, prompt: request.prompt, seed: request.seed + variation }, ctx);
      answer = result.images[0];
      if (!answer) throw new InfillError('BAD_RESPONSE', `${ctx.profile.name} answered the ${side.direction} extension without an image; nothing was changed.`);
      image = await normalizeForUpload(answer).catch(() => {
        throw new InfillError('BAD_RESPONSE', `${ctx.profile.name} returned an image Infill cannot decode; nothing was changed.`);
      });
      if (image.width !== expected.width || image.height !== expected.height) {
        throw new InfillError(
          'BAD_RESPONSE',
          `${ctx.profile.name} returned ${image.width}×${image.height} for a ${side.pixels} px ${side.direction} extension (expected ${expected.width}×${expected.height}); nothing was changed.`,
        );
      }
    }
    if (answer) images.push(image.bytes);
  }
  return { images };
}
