import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../../shared/gateway/model-sizes.ts';
import { correctedPlan, DEFAULT_BUDGET_BYTES, estimateBytes, planPayload } from './payload-budget.ts';

const gpt1 = modelSpec('gpt-image-1', 'openai-images');
const gpt2 = modelSpec('gpt-image-2', 'openai-images');
const dallE2 = modelSpec('dall-e-2', 'openai-images');
const chat = modelSpec('google/gemini-2.5-flash-image', 'chat-image');
const relay = modelSpec('sdxl', 'json-relay');

describe('payload budget, computed up front', () => {
  it('keeps PNG when a ~1.5 MP upload fits the 4 MB cap', () => {
    const plan = planPayload({ region: { width: 3000, height: 2000 }, spec: gpt1, protocol: 'openai-images', budgetBytes: DEFAULT_BUDGET_BYTES });
    expect(plan).toMatchObject({ format: 'png', size: { width: 1536, height: 1024 } });
    expect(plan.estimatedBytes).toBeLessThanOrEqual(DEFAULT_BUDGET_BYTES);
  });

  it('base64 transports (chat, JSON relays) cost a third more and switch to JPEG sooner', () => {
    const multipart = estimateBytes(1_000_000, 'png', false, 'openai-images');
    const json = estimateBytes(1_000_000, 'png', false, 'chat-image');
    expect(json / multipart).toBeGreaterThan(1.3);
    const plan = planPayload({ region: { width: 1600, height: 1600 }, spec: relay, protocol: 'json-relay', budgetBytes: DEFAULT_BUDGET_BYTES });
    expect(plan.format).toBe('jpeg');
    expect(plan.estimatedBytes).toBeLessThanOrEqual(DEFAULT_BUDGET_BYTES);
    expect(planPayload({ region: { width: 1024, height: 1024 }, spec: chat, protocol: 'chat-image', budgetBytes: DEFAULT_BUDGET_BYTES }).format).toBe('png');
  });

  it('gpt-image-2 at 4K: JPEG, then fewer pixels, always within budget', () => {
    const plan = planPayload({ region: { width: 6000, height: 3400 }, spec: gpt2, protocol: 'openai-images', budgetBytes: DEFAULT_BUDGET_BYTES });
    expect(plan.format).toBe('jpeg');
    expect(plan.estimatedBytes).toBeLessThanOrEqual(DEFAULT_BUDGET_BYTES);
    const tight = planPayload({ region: { width: 6000, height: 3400 }, spec: gpt2, protocol: 'openai-images', budgetBytes: 1024 * 1024 });
    expect(tight.estimatedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(tight.size.width % 16).toBe(0);
  });

  it('dall-e-2: RGBA PNG only, a smaller square when 1024 would not fit', () => {
    expect(planPayload({ region: { width: 2000, height: 2000 }, spec: dallE2, protocol: 'openai-images', budgetBytes: DEFAULT_BUDGET_BYTES })).toMatchObject({ format: 'png', alpha: true, size: { width: 1024 } });
    expect(planPayload({ region: { width: 2000, height: 2000 }, spec: dallE2, protocol: 'openai-images', budgetBytes: 2 * 1024 * 1024 })).toMatchObject({ format: 'png', size: { width: 512 } });
  });

  it('corrects once from the measured size when content is costlier than estimated', () => {
    const input = { region: { width: 6000, height: 3400 }, spec: gpt2, protocol: 'openai-images' as const, budgetBytes: DEFAULT_BUDGET_BYTES };
    const plan = planPayload(input);
    expect(correctedPlan(plan, plan.budgetBytes - 1, input)).toBeUndefined();
    const corrected = correctedPlan(plan, plan.estimatedBytes * 2, input);
    expect(corrected).toBeDefined();
    expect((corrected?.size.width ?? 0) * (corrected?.size.height ?? 0)).toBeLessThan(plan.size.width * plan.size.height * 0.6);
  });

  it('compact: JPEG q85 wherever the model takes it, RGBA PNG for dall-e-2', () => {
    const at = (spec: typeof gpt1, protocol: 'openai-images' | 'chat-image' | 'json-relay') =>
      planPayload({ region: { width: 1024, height: 1024 }, spec, protocol, budgetBytes: DEFAULT_BUDGET_BYTES, prefer: 'compact' });
    for (const [spec, protocol] of [[gpt1, 'openai-images'], [gpt2, 'openai-images'], [chat, 'chat-image'], [relay, 'json-relay']] as const) {
      expect(at(spec, protocol)).toMatchObject({ format: 'jpeg', quality: 85, alpha: false });
    }
    expect(at(dallE2, 'openai-images')).toMatchObject({ format: 'png', alpha: true });
    expect(at(dallE2, 'openai-images').size).toEqual(planPayload({ region: { width: 1024, height: 1024 }, spec: dallE2, protocol: 'openai-images', budgetBytes: DEFAULT_BUDGET_BYTES }).size);
  });
});
