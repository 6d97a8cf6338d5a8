import { describe, expect, it } from 'vitest';
import { partialImagesFor } from './gateway-providers.ts';

describe('partial previews', () => {
  it('are asked of OpenAI itself, where GPT image edits stream', () => {
    expect(partialImagesFor({ protocol: 'openai-images', baseUrl: 'https://api.openai.com/v1' })).toBe(2);
  });

  it('are not asked of relays or other protocols, which may not pass streaming through', () => {
    expect(partialImagesFor({ protocol: 'openai-images', baseUrl: 'http://localhost:4000/v1' })).toBe(0);
    expect(partialImagesFor({ protocol: 'openai-images', baseUrl: 'https://api.openai.com.evil.example/v1' })).toBe(0);
    expect(partialImagesFor({ protocol: 'chat-image', baseUrl: 'https://api.openai.com/v1' })).toBe(0);
  });
});
