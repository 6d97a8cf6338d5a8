import { useShallow } from 'zustand/react/shallow';
import type { LayerRecord } from '../../shared/document/records.ts';
import { getOrderedLayers } from '../../shared/document/records.ts';
import { moveLayer, removeLayer, updateLayer } from '../state/document-ops.ts';
import { useAppStore } from '../state/store.ts';
import { useGestureMark } from './use-gesture-mark.ts';

/** The layer stack, top first; every change here is one undoable step (a slider drag included). */
export function LayersPanel() {
  const layers = useAppStore(useShallow((s) => getOrderedLayers(s.records)));
  return (
    <section className="panel layers" aria-label="Layers">
      <h2>Layers</h2>
      {layers.length === 0 && <p className="muted">No layers yet.</p>}
      <ol>
        {[...layers].reverse().map((layer, i) => (
          <LayerRow key={layer.id} layer={layer} isTop={i === 0} isBottom={i === layers.length - 1} />
        ))}
      </ol>
    </section>
  );
}

function LayerRow({ layer, isTop, isBottom }: { layer: LayerRecord; isTop: boolean; isBottom: boolean }) {
  const commit = useAppStore((s) => s.commit);
  const opacityDrag = useGestureMark();
  const title = layer.generation
    ? [
        layer.generation.providerId,
        layer.generation.model,
        `seed ${layer.generation.seed}`,
        layer.generation.costUsd !== undefined ? `$${layer.generation.costUsd.toFixed(3)}` : undefined,
        layer.generation.prompt ? `“${layer.generation.prompt}”` : undefined,
      ]
        .filter(Boolean)
        .join(' · ')
    : `${layer.width}×${layer.height}`;
  return (
    <li className="layer-row" aria-label={`Layer ${layer.name}`} data-layer-kind={layer.kind}>
      <input
        type="checkbox"
        aria-label={`Show ${layer.name}`}
        checked={layer.visible}
        onChange={(e) => {
          const visible = e.currentTarget.checked;
          commit(visible ? 'Show layer' : 'Hide layer', (r) => updateLayer(r, layer.id, { visible }));
        }}
      />
      <span className="layer-name" title={title}>
        {layer.name}
      </span>
      <input
        type="range"
        aria-label={`Opacity of ${layer.name}`}
        min={0}
        max={100}
        value={Math.round(layer.opacity * 100)}
        {...opacityDrag.handlers}
        onChange={(e) => {
          const opacity = Number(e.currentTarget.value) / 100;
          commit('Change opacity', (r) => updateLayer(r, layer.id, { opacity }), { within: opacityDrag.markId() });
        }}
      />
      <button type="button" aria-label={`Move ${layer.name} up`} disabled={isTop} onClick={() => commit('Move layer', (r) => moveLayer(r, layer.id, 1))}>
        ↑
      </button>
      <button type="button" aria-label={`Move ${layer.name} down`} disabled={isBottom} onClick={() => commit('Move layer', (r) => moveLayer(r, layer.id, -1))}>
        ↓
      </button>
      <button type="button" aria-label={`Delete ${layer.name}`} onClick={() => commit('Delete layer', (r) => removeLayer(r, layer.id))}>
        ✕
      </button>
    </li>
  );
}
