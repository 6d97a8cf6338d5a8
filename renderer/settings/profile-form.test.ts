import { describe, expect, it } from 'vitest';
import { defaultGatewayLimits } from '../../shared/contract/schemas.ts';
import { baseUrlHint, clampedLimits, draftOf, formFromPreset, formFromProfile, formProblem } from './profile-form.ts';

describe('settings form rules', () => {
  it('flags http to a remote host as an error and a missing /v1 as a warning, each with its fix', () => {
    expect(baseUrlHint('http://relay.example.com/v1')).toMatchObject({ kind: 'error', problem: 'plainHttp', suggestion: 'https://relay.example.com/v1' });
    expect(baseUrlHint('https://relay.example.com')).toMatchObject({ kind: 'warning', problem: 'noVersion', suggestion: 'https://relay.example.com/v1' });
    expect(baseUrlHint('http://localhost:4000/v1')).toBeUndefined();
    expect(baseUrlHint('')).toBeUndefined();
  });

  it('presets fill the form; a saved profile maps back to its preset; the key field always starts empty', () => {
    const openrouter = formFromPreset('openrouter');
    expect(openrouter).toMatchObject({ protocol: 'chat-image', baseUrl: 'https://openrouter.ai/api/v1', apiKey: '' });
    const view = { id: 'or', name: 'OR', baseUrl: 'https://openrouter.ai/api/v1', protocol: 'chat-image' as const, model: 'x', persistInsecurely: false, limits: defaultGatewayLimits, keyStatus: { state: 'stored' as const, hint: 'abcd', label: 'configured ••••abcd' } };
    expect(formFromProfile(view)).toMatchObject({ id: 'or', preset: 'openrouter', apiKey: '' });
    expect(formProblem(formFromPreset('custom'))).toBe('settings:problems.name');
  });

  it('limits out of range are clamped before they are sent', () => {
    const form = { ...formFromPreset('openai'), limits: { ...defaultGatewayLimits, maxRetries: 9, totalTimeoutS: 3 } };
    expect(clampedLimits(form.limits)).toMatchObject({ maxRetries: 5, totalTimeoutS: 10 });
    expect(draftOf(form).limits).toMatchObject({ maxRetries: 5, totalTimeoutS: 10 });
  });
});
