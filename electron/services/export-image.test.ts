import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import { createAssetStore } from './asset-store.ts';
import { exportImage } from './export-image.ts';
import { tempDir } from './test-photos.ts';

describe('exportImage', () => {
  it('refuses a canvas above the import limit (a 900 MP canvas) before flattening, with its size', async () => {
    const assets = await createAssetStore({ dir: await tempDir() });
    const canvas = { x: -10_000, y: 0, width: 30_000, height: 30_000 };
    const error = await exportImage(assets, { canvas, layers: [], format: 'png', quality: 92 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfillError);
    expect((error as InfillError).code).toBe('IMAGE_TOO_LARGE');
    expect((error as InfillError).message).toContain('30000×30000 (900 MP)');
    expect((error as InfillError).message).toContain(`${MAX_IMAGE_PIXELS / 1e6} MP`);
  });

  it('still exports a canvas within the limit', async () => {
    const assets = await createAssetStore({ dir: await tempDir() });
    const exported = await exportImage(assets, { canvas: { x: 0, y: 0, width: 1, height: 1 }, layers: [], format: 'png', quality: 92 });
    expect([exported.width, exported.height]).toEqual([1, 1]);
  });
});
