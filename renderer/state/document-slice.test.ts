import { describe, expect, it } from 'vitest';
import { applyJournalEntry, createDocumentState, type JournalEntry } from '../../shared/document/journal.ts';
import { journalEntrySchema } from '../../shared/document/journal-schema.ts';
import type { RecordMap } from '../../shared/document/records.ts';
import { addMaskOp, updateLayer } from './document-ops.ts';
import { documentState, onJournalEntry } from './document-slice.ts';
import { useAppStore } from './store.ts';

const photo: RecordMap = {
  document: { typeName: 'document', id: 'document', name: 'photo.png', canvas: { x: 0, y: 0, width: 10, height: 10 }, order: ['layer-1'] },
  'layer-1': { typeName: 'layer', id: 'layer-1', kind: 'image', name: 'photo.png', assetId: 'a'.repeat(32), x: 0, y: 0, width: 10, height: 10, visible: true, opacity: 1 },
};
const stroke = { kind: 'stroke' as const, mode: 'paint' as const, size: 4, hardness: 1, points: [1, 1, 5, 5] };
const opacityOf = () => {
  const layer = useAppStore.getState().records['layer-1'];
  return layer?.typeName === 'layer' ? layer.opacity : undefined;
};

describe('the document slice', () => {
  it('keeps a brush stroke out of a slider drag whose pointerup was missed', () => {
    const store = useAppStore.getState();
    store.replaceDocument(photo);
    // The slider: pointerdown marks, two changes within the mark… and the pointerup never comes.
    const drag = store.mark();
    store.commit('Change opacity', (r) => updateLayer(r, 'layer-1', { opacity: 0.8 }), { within: drag });
    store.commit('Change opacity', (r) => updateLayer(r, 'layer-1', { opacity: 0.5 }), { within: drag });
    // A brush stroke is its own step.
    store.commit('Paint mask', (r) => addMaskOp(r, stroke, 'mask-1'));
    expect(useAppStore.getState().undoLabel).toBe('Paint mask');
    // A late change from the slider no longer joins the drag either: its mark is not the newest.
    store.commit('Change opacity', (r) => updateLayer(r, 'layer-1', { opacity: 0.4 }), { within: drag });
    store.undo();
    expect(opacityOf()).toBe(0.5);
    store.undo();
    expect(useAppStore.getState().records['mask-1']).toBeUndefined();
    expect(opacityOf()).toBe(0.5);
    store.undo();
    expect(opacityOf()).toBe(1);
    expect(useAppStore.getState().canUndo).toBe(false);
  });

  it('a drag squashed at its end is one step, and Escape bails back to where it began', () => {
    const store = useAppStore.getState();
    store.replaceDocument(photo);
    const drag = store.mark();
    for (const opacity of [0.9, 0.7, 0.3]) store.commit('Change opacity', (r) => updateLayer(r, 'layer-1', { opacity }), { within: drag });
    store.squashToMark(drag);
    expect(documentState.history.stats().entries).toBe(1);
    const cancelled = store.mark();
    store.commit('Change opacity', (r) => updateLayer(r, 'layer-1', { opacity: 0.1 }), { within: cancelled });
    store.bailToMark(cancelled);
    expect(opacityOf()).toBe(0.3);
    expect(useAppStore.getState().canRedo).toBe(false);
    store.undo();
    expect(opacityOf()).toBe(1);
  });

  it('an ignored change is applied but not undoable', () => {
    const store = useAppStore.getState();
    store.replaceDocument(photo);
    store.commit('Rename', (r) => updateLayer(r, 'layer-1', { name: 'renamed' }), { history: 'ignore' });
    expect(useAppStore.getState().canUndo).toBe(false);
    expect(useAppStore.getState().records['layer-1']).toMatchObject({ name: 'renamed' });
  });

  it('journals every change so that replaying the entries gives the same document and history', () => {
    const entries: JournalEntry[] = [];
    const stop = onJournalEntry((entry) => entries.push(structuredClone(entry)));
    const store = useAppStore.getState();
    store.replaceDocument(photo);
    store.commit('Paint mask', (r) => addMaskOp(r, stroke, 'mask-1'));
    const drag = store.mark();
    store.commit('Change opacity', (r) => updateLayer(r, 'layer-1', { opacity: 0.5 }), { within: drag });
    store.squashToMark(drag);
    store.commit('Paint mask', (r) => addMaskOp(r, stroke, 'mask-2'));
    store.undo();
    stop();

    const replayed = createDocumentState();
    for (const entry of entries) applyJournalEntry(replayed, journalEntrySchema.parse(JSON.parse(JSON.stringify(entry))));
    expect(replayed.records).toEqual(useAppStore.getState().records);
    expect(replayed.history.toSnapshot()).toEqual(documentState.history.toSnapshot());
  });
});
