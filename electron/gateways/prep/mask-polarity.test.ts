import { describe, expect, it } from 'vitest';
import { chatMaskInstruction, editMaskFromProtocol, maskForProtocol } from './mask-polarity.ts';

// Two pixels: keep, change.
const editMask = new Uint8Array([0, 255]);

describe('mask polarity, one test per protocol', () => {
  it('openai-images: alpha 0 marks the area to edit', () => {
    const mask = maskForProtocol('openai-images', editMask);
    expect(mask.channels).toBe(4);
    expect([...mask.data]).toEqual([0, 0, 0, 255, 0, 0, 0, 0]);
    expect([...editMaskFromProtocol('openai-images', mask)]).toEqual([0, 255]);
  });

  it('json-relay: white marks the area to edit', () => {
    const mask = maskForProtocol('json-relay', editMask);
    expect(mask.channels).toBe(1);
    expect([...mask.data]).toEqual([0, 255]);
    expect([...editMaskFromProtocol('json-relay', mask)]).toEqual([0, 255]);
  });

  it('chat-image: white marks the edit and the instruction says so', () => {
    const mask = maskForProtocol('chat-image', editMask);
    expect([...mask.data]).toEqual([0, 255]);
    const text = chatMaskInstruction('a red boat', { width: 1248, height: 832 });
    expect(text).toMatch(/WHITE marks the only area you may repaint/);
    expect(text).toMatch(/BLACK must stay/);
    expect(text).toMatch(/a red boat/);
    expect(text).toMatch(/1248x832/);
  });

  it('soft brush values become a binary edit area', () => {
    const soft = new Uint8Array([0, 1, 128, 255]);
    expect([...maskForProtocol('json-relay', soft).data]).toEqual([0, 255, 255, 255]);
  });
});
