import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ProviderInfo } from '../../shared/contract/schemas.ts';
import type { LayerRecord } from '../../shared/document/records.ts';
import { getOrderedLayers } from '../../shared/document/records.ts';
import { formatMoney } from '../i18n/format.ts';
import { providerLabel } from '../i18n/provider-text.ts';
import { renameLayer } from '../layers/layer-actions.ts';
import { moveLayer, moveLayerTo, removeLayer, updateLayer } from '../state/document-ops.ts';
import { useAppStore } from '../state/store.ts';
import { ActionButton } from './ActionButton.tsx';
import { useGestureMark } from './use-gesture-mark.ts';

const DRAG_TYPE = 'application/x-infill-layer';

/**
 * The layer stack, top first; every change here is one undoable step (a slider drag included).
 * A click selects a layer (what Move, Duplicate, Merge down and "Export selected layer" act on),
 * a double-click on its name renames it, and a drag puts it elsewhere in the stack.
 */
export function LayersPanel() {
  const { t } = useTranslation();
  const layers = useAppStore(useShallow((s) => getOrderedLayers(s.records)));
  return (
    <section className="panel layers" aria-label={t('layers:title')}>
      <h2>{t('layers:title')}</h2>
      {layers.length === 0 && <p className="muted">{t('layers:empty')}</p>}
      <ol>
        {[...layers].reverse().map((layer, i) => (
          <LayerRow key={layer.id} layer={layer} index={layers.length - 1 - i} isTop={i === 0} isBottom={i === layers.length - 1} />
        ))}
      </ol>
      <div className="layer-actions">
        <ActionButton action="layerNew" />
        <ActionButton action="layerDuplicate" />
        <ActionButton action="layerMergeDown" />
        <ActionButton action="layerFlatten" />
      </div>
    </section>
  );
}

/** The tooltip of a generated layer, the provider named as in the provider menu (its id only if it is gone). */
function generationTitle(layer: LayerRecord, providers: readonly ProviderInfo[], t: TFunction): string {
  if (!layer.generation) return `${layer.width}×${layer.height}`;
  const g = layer.generation;
  const provider = providers.find((p) => p.id === g.providerId);
  return [providerLabel(t, provider ?? { id: g.providerId, label: g.providerId }), g.model, t('layers:seed', { seed: g.seed }), g.cost !== undefined ? formatMoney(g.cost.amount, g.cost.currency) : undefined, g.prompt ? `“${g.prompt}”` : undefined]
    .filter(Boolean)
    .join(' · ');
}

function LayerRow({ layer, index, isTop, isBottom }: { layer: LayerRecord; index: number; isTop: boolean; isBottom: boolean }) {
  const { t } = useTranslation();
  const commit = useAppStore((s) => s.commit);
  const opacityDrag = useGestureMark();
  const selected = useAppStore((s) => s.selectedLayerId === layer.id);
  const providers = useAppStore((s) => s.providers);
  const selectLayer = useAppStore((s) => s.selectLayer);
  const [editing, setEditing] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);
  const name = layer.name;
  return (
    <li
      className="layer-row"
      aria-label={t('layers:row', { name })}
      aria-selected={selected}
      data-layer-kind={layer.kind}
      data-drop-target={dropTarget || undefined}
      draggable={!editing}
      onClick={() => selectLayer(layer.id)}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, layer.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDropTarget(false);
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (id && id !== layer.id) commit('Move layer', (r) => moveLayerTo(r, id, index));
      }}
    >
      <input
        type="checkbox"
        aria-label={t('layers:show', { name })}
        checked={layer.visible}
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => {
          const visible = e.currentTarget.checked;
          commit(visible ? 'Show layer' : 'Hide layer', (r) => updateLayer(r, layer.id, { visible }));
        }}
      />
      {editing ? (
        <input
          className="layer-name-input"
          aria-label={t('layers:nameOf', { name })}
          defaultValue={name}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') {
              e.currentTarget.value = name;
              setEditing(false);
            }
          }}
          onBlur={(e) => {
            if (editing) renameLayer(layer.id, e.currentTarget.value);
            setEditing(false);
          }}
        />
      ) : (
        <span className="layer-name" title={generationTitle(layer, providers, t)} onDoubleClick={() => setEditing(true)}>
          {name}
        </span>
      )}
      <input
        type="range"
        aria-label={t('layers:opacityOf', { name })}
        min={0}
        max={100}
        value={Math.round(layer.opacity * 100)}
        {...opacityDrag.handlers}
        onChange={(e) => {
          const opacity = Number(e.currentTarget.value) / 100;
          commit('Change opacity', (r) => updateLayer(r, layer.id, { opacity }), { within: opacityDrag.markId() });
        }}
      />
      <button type="button" aria-label={t('layers:moveUp', { name })} disabled={isTop} onClick={() => commit('Move layer', (r) => moveLayer(r, layer.id, 1))}>
        ↑
      </button>
      <button type="button" aria-label={t('layers:moveDown', { name })} disabled={isBottom} onClick={() => commit('Move layer', (r) => moveLayer(r, layer.id, -1))}>
        ↓
      </button>
      <button type="button" aria-label={t('layers:delete', { name })} onClick={() => commit('Delete layer', (r) => removeLayer(r, layer.id))}>
        ✕
      </button>
    </li>
  );
}
