import { describe, expect, it } from 'vitest';
import { endpointUrl, gatewayPresets, gatewayProfileSchema, validateBaseUrl } from './profile.ts';

describe('gateway profiles', () => {
  it('every preset is a valid profile with a valid base URL', () => {
    for (const preset of Object.values(gatewayPresets)) {
      expect(gatewayProfileSchema.parse(preset)).toEqual(preset);
      expect(validateBaseUrl(preset.baseUrl)).toMatchObject({ ok: true, url: preset.baseUrl });
    }
  });

  it('uses the documented hosts and models', () => {
    expect(gatewayPresets.openai).toMatchObject({ baseUrl: 'https://api.openai.com/v1', protocol: 'openai-images', model: 'gpt-image-1' });
    expect(gatewayPresets.openrouter).toMatchObject({ baseUrl: 'https://openrouter.ai/api/v1', protocol: 'chat-image', model: 'google/gemini-2.5-flash-image' });
    expect(gatewayPresets['litellm-local'].baseUrl).toBe('http://localhost:4000/v1');
  });

  it('rejects a malformed profile', () => {
    expect(gatewayProfileSchema.safeParse({ ...gatewayPresets.openai, protocol: 'grpc' }).success).toBe(false);
    expect(gatewayProfileSchema.safeParse({ ...gatewayPresets.openai, baseUrl: 'not a url' }).success).toBe(false);
  });
});

describe('validateBaseUrl', () => {
  it('accepts https and loopback http, strips the trailing slash', () => {
    expect(validateBaseUrl('https://relay.example.com/v1/')).toEqual({ ok: true, url: 'https://relay.example.com/v1' });
    expect(validateBaseUrl('http://127.0.0.1:4000/v1')).toEqual({ ok: true, url: 'http://127.0.0.1:4000/v1' });
    expect(validateBaseUrl('http://[::1]:4000/v1')).toMatchObject({ ok: true });
  });

  it('refuses plain http to a remote host and offers https', () => {
    expect(validateBaseUrl('http://relay.example.com/v1')).toMatchObject({ ok: false, suggestion: 'https://relay.example.com/v1' });
  });

  it('catches a missing /v1 and suggests the fix', () => {
    const check = validateBaseUrl('https://api.openai.com');
    expect(check).toMatchObject({ ok: true, suggestion: 'https://api.openai.com/v1' });
    expect(check.ok && check.warning).toMatch(/\/v1/);
    expect(validateBaseUrl('https://openrouter.ai/api')).toMatchObject({ suggestion: 'https://openrouter.ai/api/v1' });
  });

  it('turns a pasted endpoint URL back into a base URL', () => {
    expect(validateBaseUrl('https://relay.example.com/v1/images/edits')).toMatchObject({ ok: false, suggestion: 'https://relay.example.com/v1' });
    expect(validateBaseUrl('https://openrouter.ai/api/v1/chat/completions')).toMatchObject({ suggestion: 'https://openrouter.ai/api/v1' });
  });

  it('refuses keys in the URL, other schemes and garbage', () => {
    expect(validateBaseUrl('https://user:sk-secret@relay.example.com/v1')).toMatchObject({ ok: false });
    expect(validateBaseUrl('ftp://relay.example.com/v1')).toMatchObject({ ok: false });
    expect(validateBaseUrl('relay.example.com/v1')).toMatchObject({ ok: false, suggestion: 'https://relay.example.com/v1' });
    expect(validateBaseUrl('::::')).toMatchObject({ ok: false });
  });

  it('joins endpoints without doubling slashes', () => {
    expect(endpointUrl('https://a.example/v1/', '/images/edits')).toBe('https://a.example/v1/images/edits');
  });
});
