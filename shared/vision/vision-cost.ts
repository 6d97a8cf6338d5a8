import type { Money } from '../gateway/money.ts';
import { estimateCost, type PriceSheet } from '../gateway/prices.ts';
import type { VisionProtocol } from '../gateway/profile.ts';

/**
 * What a vision answer cost. The stream's own usage when it reported one; otherwise Infill's
 * count — about four characters a token for text, and the image billed the way each protocol
 * documents it — so a relay that reports nothing still shows a figure, marked as estimated.
 */

export interface TokenCount {
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
}

export function textTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** OpenAI: 85 + 170 per 512 px tile after fitting in 2048² and the short side to 768. Anthropic: width·height/750. */
export function imageTokens(width: number, height: number, protocol: VisionProtocol): number {
  if (protocol === 'anthropic') return Math.ceil((width * height) / 750);
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const short = Math.min(1, 768 / Math.min(w, h));
  w *= short;
  h *= short;
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512);
}

export function countTokens(
  reported: { inputTokens?: number | undefined; outputTokens?: number | undefined },
  sent: { instruction: string; width: number; height: number; protocol: VisionProtocol },
  answer: string,
): TokenCount {
  const estimated = reported.inputTokens === undefined || reported.outputTokens === undefined;
  return {
    inputTokens: reported.inputTokens ?? textTokens(sent.instruction) + imageTokens(sent.width, sent.height, sent.protocol),
    outputTokens: reported.outputTokens ?? textTokens(answer),
    estimated,
  };
}

/** In the currency of the gateway's price sheet. */
export function visionCost(model: string, tokens: TokenCount, sheet?: PriceSheet): Money | undefined {
  return estimateCost({ model, images: 0, chatUsage: { prompt_tokens: tokens.inputTokens, completion_tokens: tokens.outputTokens } }, sheet);
}
