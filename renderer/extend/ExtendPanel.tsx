import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument } from '../../shared/document/records.ts';
import { extendCanvas } from '../canvas/extend-canvas.ts';
import { formatMegapixels, formatNumber } from '../i18n/format.ts';
import { useAppStore } from '../state/store.ts';
import { ASPECT_PRESETS, canvasWithSides, sidesForSize, sizeForRatio, type Anchor, type Ratio, type Sides } from './aspect.ts';

type Mode = 'extend' | 'crop';
const SIDES = ['left', 'right', 'top', 'bottom'] as const;
const ANCHORS: Anchor[] = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => ({ col, row }) as Anchor));
const noSides: Sides = { left: 0, right: 0, top: 0, bottom: 0 };

/**
 * The Extend tool's panel: pixels per side, or an aspect preset (or a custom W:H) placed with a
 * 3×3 anchor; the same for cropping. Shows the resulting size before anything changes; Apply is
 * one undoable step. The overlap band and "lock ratio while dragging" also steer the canvas drag.
 */
export function ExtendPanel() {
  const { t } = useTranslation();
  const canvas = useAppStore((s) => getDocument(s.records)?.canvas);
  const band = useAppStore((s) => s.extendBand);
  const lock = useAppStore((s) => s.extendLockRatio);
  const [mode, setMode] = useState<Mode>('extend');
  const [aspect, setAspect] = useState<string>('free');
  const [custom, setCustom] = useState<Ratio>({ w: 5, h: 4 });
  const [anchor, setAnchor] = useState<Anchor>({ col: 1, row: 1 });
  const [freeSides, setFreeSides] = useState<Sides>(noSides);
  if (!canvas) return null;
  const sideLabels: Record<(typeof SIDES)[number], string> = {
    left: t('project:extend.sides.left'),
    right: t('project:extend.sides.right'),
    top: t('project:extend.sides.top'),
    bottom: t('project:extend.sides.bottom'),
  };

  const ratio = aspect === 'custom' ? custom : ASPECT_PRESETS.find((r) => `${r.w}:${r.h}` === aspect);
  const sign = mode === 'extend' ? 1 : -1;
  const sides: Sides = ratio
    ? sidesForSize(canvas, sizeForRatio(canvas.width, canvas.height, ratio, mode), anchor)
    : { left: sign * freeSides.left, right: sign * freeSides.right, top: sign * freeSides.top, bottom: sign * freeSides.bottom };
  const next = canvasWithSides(canvas, sides);
  const valid = next.width >= 1 && next.height >= 1;
  const changed = SIDES.some((side) => sides[side] !== 0);

  const apply = () => {
    useAppStore.getState().commit(mode === 'extend' ? 'Extend canvas' : 'Crop canvas', (records) => extendCanvas(records, next, band));
    setFreeSides(noSides);
  };

  return (
    <section className="panel extend-panel" aria-label={t('project:extend.title')}>
      <h2>{t('project:extend.title')}</h2>
      <div className="segmented" role="radiogroup" aria-label={t('project:extend.mode')}>
        {(['extend', 'crop'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="extend-mode" checked={mode === m} onChange={() => setMode(m)} />
            {m === 'extend' ? t('project:extend.modeExtend') : t('project:extend.modeCrop')}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('project:extend.aspect')}</span>
        <select aria-label={t('project:extend.aspect')} value={aspect} onChange={(e) => setAspect(e.currentTarget.value)}>
          <option value="free">{t('project:extend.free')}</option>
          {ASPECT_PRESETS.map((r) => (
            <option key={`${r.w}:${r.h}`} value={`${r.w}:${r.h}`}>{`${r.w}:${r.h}`}</option>
          ))}
          <option value="custom">{t('project:extend.custom')}</option>
        </select>
      </label>
      {aspect === 'custom' && (
        <div className="ratio-fields">
          <input type="number" min={1} max={100} aria-label={t('project:extend.ratioWidth')} value={custom.w} onChange={(e) => setCustom({ ...custom, w: Math.max(1, Number(e.currentTarget.value) || 1) })} />
          <span>:</span>
          <input type="number" min={1} max={100} aria-label={t('project:extend.ratioHeight')} value={custom.h} onChange={(e) => setCustom({ ...custom, h: Math.max(1, Number(e.currentTarget.value) || 1) })} />
        </div>
      )}
      {ratio ? (
        <div className="anchor-grid" role="group" aria-label={t('project:extend.anchor')}>
          {ANCHORS.map((a) => (
            <button
              key={`${a.col}${a.row}`}
              type="button"
              aria-label={t('project:extend.anchorAt', { col: a.col + 1, row: a.row + 1 })}
              aria-pressed={a.col === anchor.col && a.row === anchor.row}
              onClick={() => setAnchor(a)}
            />
          ))}
        </div>
      ) : (
        <div className="side-fields">
          {SIDES.map((side) => (
            <label key={side} className="field">
              <span>{sideLabels[side]}</span>
              <input
                type="number"
                min={0}
                max={30000}
                aria-label={sideLabels[side]}
                value={freeSides[side]}
                onChange={(e) => setFreeSides({ ...freeSides, [side]: Math.max(0, Math.round(Number(e.currentTarget.value) || 0)) })}
              />
            </label>
          ))}
        </div>
      )}
      <p className="muted" data-testid="extend-result">
        {t('project:extend.result', { width: formatNumber(next.width), height: formatNumber(next.height), megapixels: formatMegapixels(next.width * next.height) })}
      </p>
      <label className="field">
        <span>{t('project:extend.band')}</span>
        <input type="number" min={0} max={256} aria-label={t('project:extend.band')} value={band} onChange={(e) => useAppStore.getState().setExtendBand(Number(e.currentTarget.value))} />
      </label>
      <label className="check">
        <input type="checkbox" checked={lock} onChange={(e) => useAppStore.getState().setExtendLockRatio(e.currentTarget.checked)} />
        <span>{t('project:extend.lockRatio')}</span>
      </label>
      <button type="button" className="primary" disabled={!valid || !changed} onClick={apply}>
        {mode === 'extend' ? t('project:extend.applyExtend') : t('project:extend.applyCrop')}
      </button>
    </section>
  );
}
