import { InfillError } from '../../shared/errors.ts';
import { findModelFiles, type ModelFiles } from './model-files.ts';
import { encoderTensor } from './preprocess.ts';
import type { DecoderPoints } from './prompt.ts';
import { SamModel, type DecodeResult } from './sam-model.ts';

/** Embeddings kept at once (each 4 MB): the photo now, plus a zoomed region or the last photo. */
const MAX_EMBEDDINGS = 3;

export type EncodeRequest = { key: string; pixels: Uint8Array; width: number; height: number };
export type DecodeRequest = { key: string; points: DecoderPoints; width: number; height: number; previous?: Float32Array };

/**
 * The model and the embeddings it has made, by key (the flattened pixels' content id). Runs
 * wherever it is put: in the segmentation worker thread in the app, in-process in tests.
 */
export class SegmentEngine {
  private model: Promise<SamModel> | undefined;
  private readonly embeddings = new Map<string, Float32Array>();

  constructor(private readonly files?: ModelFiles) {}

  has(key: string): boolean {
    return this.embeddings.has(key);
  }

  async encode({ key, pixels, width, height }: EncodeRequest): Promise<void> {
    if (this.embeddings.has(key)) return;
    const model = await this.loadModel();
    const embedding = await model.encode(encoderTensor(pixels, width, height, 3));
    this.embeddings.set(key, embedding);
    for (const old of this.embeddings.keys()) {
      if (this.embeddings.size <= MAX_EMBEDDINGS) break;
      this.embeddings.delete(old);
    }
  }

  async decode({ key, points, width, height, previous }: DecodeRequest): Promise<DecodeResult> {
    const embedding = this.embeddings.get(key);
    if (!embedding) throw new InfillError('INVALID_INPUT', 'The photo has not been analysed yet');
    const model = await this.loadModel();
    return model.decode(embedding, points, width, height, previous);
  }

  private loadModel(): Promise<SamModel> {
    if (!this.model) {
      this.model = (async () => SamModel.load(this.files ?? findModelFiles()))();
      // A failed load is tried again next time (the files may have been restored).
      this.model.catch(() => (this.model = undefined));
    }
    return this.model;
  }
}
