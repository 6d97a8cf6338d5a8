import * as ort from 'onnxruntime-node';
import { InfillError } from '../../shared/errors.ts';
import type { ModelFiles } from './model-files.ts';
import { MODEL_SIDE } from './preprocess.ts';
import { thresholdLogits, type DecoderPoints } from './prompt.ts';

const LOW_RES_SIDE = 256;

export interface DecodeResult {
  /** 255 inside, 0 outside, at the image's size. */
  mask: Uint8Array;
  /** The decoder's 256² logits, fed back to refine the same object on the next click. */
  lowRes: Float32Array;
  /** The model's own estimate of the mask's IoU. */
  score: number;
}

/**
 * The encoder and decoder sessions on onnxruntime-node's CPU backend. Shapes as verified here:
 * encoder `input` [1,3,1024,1024] → `output` [1,256,64,64]; decoder `image_embeddings`,
 * `point_coords` [1,N,2], `point_labels` [1,N], `mask_input` [1,1,256,256], `has_mask_input`
 * [1], `orig_im_size` [2] (H, W) → `masks` [1,1,H,W] logits, `iou_predictions` [1,1],
 * `low_res_masks` [1,1,256,256].
 */
export class SamModel {
  private constructor(
    private readonly encoder: ort.InferenceSession,
    private readonly decoder: ort.InferenceSession,
  ) {}

  static async load(files: ModelFiles, threads = 2): Promise<SamModel> {
    try {
      const [encoder, decoder] = await Promise.all([
        ort.InferenceSession.create(files.encoder, { intraOpNumThreads: threads, graphOptimizationLevel: 'all' }),
        ort.InferenceSession.create(files.decoder, { intraOpNumThreads: 1, graphOptimizationLevel: 'all' }),
      ]);
      return new SamModel(encoder, decoder);
    } catch (error) {
      throw new InfillError('MODEL_UNAVAILABLE', `The object selection model could not be loaded (${error instanceof Error ? error.message : String(error)}). Reinstall Infill to restore it.`);
    }
  }

  async encode(tensor: Float32Array): Promise<Float32Array> {
    const output = await this.encoder.run({ input: new ort.Tensor('float32', tensor, [1, 3, MODEL_SIDE, MODEL_SIDE]) });
    return output[this.encoder.outputNames[0]!]!.data as Float32Array;
  }

  async decode(embedding: Float32Array, points: DecoderPoints, width: number, height: number, previous?: Float32Array): Promise<DecodeResult> {
    const output = await this.decoder.run({
      image_embeddings: new ort.Tensor('float32', embedding, [1, 256, 64, 64]),
      point_coords: new ort.Tensor('float32', points.coords, [1, points.count, 2]),
      point_labels: new ort.Tensor('float32', points.labels, [1, points.count]),
      mask_input: new ort.Tensor('float32', previous ?? new Float32Array(LOW_RES_SIDE * LOW_RES_SIDE), [1, 1, LOW_RES_SIDE, LOW_RES_SIDE]),
      has_mask_input: new ort.Tensor('float32', new Float32Array([previous ? 1 : 0]), [1]),
      orig_im_size: new ort.Tensor('float32', new Float32Array([height, width]), [2]),
    });
    return {
      mask: thresholdLogits(output.masks!.data as Float32Array),
      lowRes: Float32Array.from(output.low_res_masks!.data as Float32Array),
      score: (output.iou_predictions!.data as Float32Array)[0] ?? 0,
    };
  }
}
