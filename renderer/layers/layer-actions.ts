import { getDocument, getOrderedLayers, type LayerRecord } from '../../shared/document/records.ts';
import { i18n } from '../i18n/i18n.ts';
import { call } from '../platform/api.ts';
import { layerSnapshot, layerSnapshots } from '../state/snapshots.ts';
import { addEmptyLayer, duplicateLayer, layerBelow, offsetLayer, replaceWithMerged } from '../state/layer-ops.ts';
import { newId, updateLayer } from '../state/document-ops.ts';
import { useAppStore, type AppState } from '../state/store.ts';

/**
 * What the layer actions do: each one commit, so each one undo. Merge down and Flatten ask main
 * for the flattened pixels first (an asset), then swap the layers for it in one step.
 */
const store = () => useAppStore.getState();

export function selectedLayer(state: AppState = store()): LayerRecord | undefined {
  const record = state.records[state.selectedLayerId ?? ''];
  return record?.typeName === 'layer' ? record : undefined;
}

export function canMergeDown(state: AppState): boolean {
  const layer = selectedLayer(state);
  const below = layer && layerBelow(state.records, layer.id);
  return !!below && layer.visible && below.visible;
}

export function duplicateSelected(): void {
  const layer = selectedLayer();
  if (!layer) return;
  const id = newId('layer');
  store().commit('Duplicate layer', (records) => duplicateLayer(records, layer.id, i18n.t('layers:copyName', { name: layer.name }), id));
  store().selectLayer(id);
}

export async function newEmptyLayer(): Promise<void> {
  const doc = getDocument(store().records);
  if (!doc) return;
  const asset = await call('flattenLayers', { region: doc.canvas, layers: [] });
  const id = newId('layer');
  const name = i18n.t('layers:newName', { number: doc.order.length + 1 });
  store().commit('New layer', (records) => addEmptyLayer(records, asset, name, store().selectedLayerId, id));
  store().selectLayer(id);
}

function union(a: LayerRecord, b: LayerRecord) {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The selected layer into the one below it; the result keeps the lower layer's name and opacity. */
export async function mergeDown(): Promise<void> {
  const state = store();
  const upper = selectedLayer(state);
  const lower = upper && layerBelow(state.records, upper.id);
  if (!upper || !lower) return;
  const region = union(upper, lower);
  // The lower layer is baked at full opacity and keeps its own opacity as the result's.
  const layers = [{ ...layerSnapshot(lower), opacity: 1 }, layerSnapshot(upper)];
  const merged = await call('flattenLayers', { region, layers });
  const id = newId('layer');
  store().commit('Merge down', (records) => replaceWithMerged(records, [lower.id, upper.id], merged, region, { name: lower.name, opacity: lower.opacity }, id));
  store().selectLayer(id);
}

/** Every visible layer into one over the canvas; hidden layers are discarded, as in Photoshop. */
export async function flattenImage(): Promise<void> {
  const state = store();
  const doc = getDocument(state.records);
  if (!doc) return;
  const merged = await call('flattenLayers', { region: doc.canvas, layers: layerSnapshots(state.records) });
  const ids = getOrderedLayers(state.records).map((l) => l.id);
  const name = getOrderedLayers(state.records)[0]?.name ?? doc.name;
  const id = newId('layer');
  store().commit('Flatten image', (records) => replaceWithMerged(records, ids, merged, doc.canvas, { name, opacity: 1 }, id));
  store().selectLayer(id);
}

export function renameLayer(id: string, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  store().commit('Rename layer', (records) => updateLayer(records, id, { name: trimmed }));
}

/** The Move tool's arrow keys: 1 px, 10 px with Shift. */
export function nudgeSelected(dx: number, dy: number): void {
  const layer = selectedLayer();
  if (layer) store().commit('Move layer', (records) => offsetLayer(records, layer.id, dx, dy));
}
