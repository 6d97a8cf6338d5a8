import { describe, expect, it } from 'vitest';
import { chatResponseSchema, findChatImages } from './chat-image-parse.ts';

const uri = 'data:image/png;base64,iVBORw0KGgo=';
function parse(message: Record<string, unknown>, usage?: Record<string, unknown>) {
  return findChatImages(chatResponseSchema.parse({ choices: [{ finish_reason: 'stop', message }], ...(usage ? { usage } : {}) }), 'Relay');
}

describe('chat image answers, parsed in the documented order', () => {
  it('1. message.images wins over everything else', () => {
    const found = parse({ content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }], images: [{ type: 'image_url', image_url: { url: uri } }] });
    expect(found).toMatchObject({ shape: 1, sources: [uri] });
  });

  it('2. image_url parts of a content array (string or object form)', () => {
    expect(parse({ content: [{ type: 'text', text: 'here' }, { type: 'image_url', image_url: uri }] })).toMatchObject({ shape: 2, sources: [uri] });
  });

  it('3. a data URI inside markdown text', () => {
    expect(parse({ content: `Done!\n\n![result](${uri})` })).toMatchObject({ shape: 3, sources: [uri] });
  });

  it('4. an http(s) URL inside the text, trailing punctuation dropped', () => {
    expect(parse({ content: 'Saved to https://cdn.example.com/a/b.png.' })).toMatchObject({ shape: 4, sources: ['https://cdn.example.com/a/b.png'] });
    expect(parse({ content: '![img](https://cdn.example.com/x.webp)' }).sources).toEqual(['https://cdn.example.com/x.webp']);
  });

  it('keeps the usage and the billed cost', () => {
    expect(parse({ images: [{ image_url: { url: uri } }] }, { prompt_tokens: 10, completion_tokens: 1290, cost: 0.04 }).usage).toEqual({ prompt_tokens: 10, completion_tokens: 1290, cost: 0.04 });
  });

  it('text only: an error quoting the model; refusals and empty answers too', () => {
    expect(() => parse({ content: 'I  cannot\nhelp with that.' })).toThrow('The model answered with text instead of an image: "I cannot help with that."');
    expect(() => parse({ content: null, refusal: 'Policy.' })).toThrow(/"Policy\."/);
    expect(() => parse({ content: '' })).toThrow(/empty answer with no image \(finish_reason: stop\)/);
  });

  it('the schema rejects answers without choices', () => {
    expect(chatResponseSchema.safeParse({ choices: [] }).success).toBe(false);
    expect(chatResponseSchema.safeParse({ error: 'x' }).success).toBe(false);
  });
});
