import { describe, expect, it } from 'vitest';
import { journalEntrySchema } from './journal-schema.ts';

const layer = { typeName: 'layer', id: 'layer-1', kind: 'image', name: 'p', assetId: 'a'.repeat(32), x: 0, y: 0, width: 1, height: 1, visible: true, opacity: 1 };

describe('journal entries from outside (IPC, the log on disk)', () => {
  it('take well-formed entries', () => {
    expect(journalEntrySchema.safeParse({ type: 'undo' }).success).toBe(true);
    expect(journalEntrySchema.safeParse({ type: 'squash', id: 'm1', label: 'Change opacity' }).success).toBe(true);
    const commit = { type: 'commit', label: 'Add', diff: { added: { 'layer-1': layer }, updated: {}, removed: {} }, mode: 'record', markId: 'm1' };
    expect(journalEntrySchema.safeParse(commit).success).toBe(true);
  });

  it('refuse unknown kinds, extra fields, bad records and bad modes', () => {
    expect(journalEntrySchema.safeParse({ type: 'teleport' }).success).toBe(false);
    expect(journalEntrySchema.safeParse({ type: 'undo', steps: 5 }).success).toBe(false);
    const bad = { type: 'commit', label: 'Add', diff: { added: { 'layer-1': { ...layer, opacity: 7 } }, updated: {}, removed: {} }, mode: 'record', markId: 'm1' };
    expect(journalEntrySchema.safeParse(bad).success).toBe(false);
    const mode = { type: 'commit', label: 'Add', diff: { added: {}, updated: {}, removed: {} }, mode: 'sometimes', markId: 'm1' };
    expect(journalEntrySchema.safeParse(mode).success).toBe(false);
    expect(journalEntrySchema.safeParse({ type: 'replace', records: { x: { ...layer } } }).success).toBe(false);
    expect(journalEntrySchema.safeParse({ type: 'replace', records: {}, history: { version: 2, undos: [], redos: [] } }).success).toBe(false);
  });
});
