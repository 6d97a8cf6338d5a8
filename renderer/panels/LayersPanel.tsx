import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useGestureMark } from './use-gesture-mark.ts';
import type { LayerRecord } from '../../shared/document/records.ts';
import { getOrderedLayers } from '../../shared/document/records.ts';
import { formatMoney, formatNumber } from '../i18n/format.ts';
import { providerLabel } from '../i18n/provider-text.ts';
import { moveLayer, removeLayer, updateLayer } from '../state/document-ops.ts';
import { useAppStore } from '../state/store.ts';

/** The layer stack, top first; every change here is one undoable step (a slider drag included). */
export function LayersPanel() {
  const { t } = useTranslation();
  const layers = useAppStore(useShallow((s) => getOrderedLayers(s.records)));
  return (
    <section className="panel layers" aria-label={t('panels:layers.title')}>
      <h2>{t('panels:layers.title')}</h2>
      {layers.length === 0 && <p className="muted">{t('panels:layers.empty')}</p>}
      <ol>
        {[...layers].reverse().map((layer, i) => (
          <LayerRow key={layer.id} layer={layer} isTop={i === 0} isBottom={i === layers.length - 1} />
        ))}
      </ol>
    </section>
  );
}

function LayerRow({ layer, isTop, isBottom }: { layer: LayerRecord; isTop: boolean; isBottom: boolean }) {
  const { t } = useTranslation();
  const providers = useAppStore((s) => s.providers);
  const commit = useAppStore((s) => s.commit);
  const opacityDrag = useGestureMark();
  const title = layer.generation
    ? [
        providerLabel(t, providers.find((p) => p.id === layer.generation?.providerId) ?? { id: layer.generation.providerId, label: layer.generation.providerId }),
        layer.generation.model,
        t('panels:layers.seed', { seed: layer.generation.seed }),
        layer.generation.cost !== undefined ? formatMoney(layer.generation.cost.amount, layer.generation.cost.currency) : undefined,
        layer.generation.prompt ? `“${layer.generation.prompt}”` : undefined,
      ]
        .filter(Boolean)
        .join(' · ')
    : t('panels:layers.size', { width: formatNumber(layer.width), height: formatNumber(layer.height) });
  return (
    <li className="layer-row" aria-label={t('panels:layers.layer', { name: layer.name })} data-layer-kind={layer.kind}>
      <input
        type="checkbox"
        aria-label={t('panels:layers.show', { name: layer.name })}
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
        aria-label={t('panels:layers.opacity', { name: layer.name })}
        min={0}
        max={100}
        value={Math.round(layer.opacity * 100)}
        {...opacityDrag.handlers}
        onChange={(e) => {
          const opacity = Number(e.currentTarget.value) / 100;
          commit('Change opacity', (r) => updateLayer(r, layer.id, { opacity }), { within: opacityDrag.markId() });
        }}
      />
      <button type="button" aria-label={t('panels:layers.moveUp', { name: layer.name })} disabled={isTop} onClick={() => commit('Move layer', (r) => moveLayer(r, layer.id, 1))}>
        ↑
      </button>
      <button type="button" aria-label={t('panels:layers.moveDown', { name: layer.name })} disabled={isBottom} onClick={() => commit('Move layer', (r) => moveLayer(r, layer.id, -1))}>
        ↓
      </button>
      <button type="button" aria-label={t('panels:layers.delete', { name: layer.name })} onClick={() => commit('Delete layer', (r) => removeLayer(r, layer.id))}>
        ✕
      </button>
    </li>
  );
}
