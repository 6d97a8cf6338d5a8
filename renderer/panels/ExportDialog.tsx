import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportedSize, isLayeredFormat, type DocumentFormat, type ExportSize } from '../../shared/contract/export-schemas.ts';
import { getDocument } from '../../shared/document/records.ts';
import { formatMegapixels, formatNumber } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';
import { copyMergedImage, exportDocument, exportMask, type ExportScope } from '../io/export-image.ts';
import { useAppStore } from '../state/store.ts';
import { useModalDialog } from './use-modal-dialog.ts';

/** The dialog's format list: the export formats plus the mask, which is a different picture. */
type DialogFormat = DocumentFormat | 'mask';
type SizeChoice = 'full' | 'half' | 'longSide';

function sizeFor(choice: SizeChoice, longSide: number): ExportSize {
  if (choice === 'half') return { kind: 'percent', percent: 50 };
  if (choice === 'longSide') return { kind: 'longSide', pixels: Math.max(1, Math.round(longSide) || 1) };
  return { kind: 'full' };
}

export function ExportDialog() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.exportOpen);
  const setOpen = useAppStore((s) => s.setExportOpen);
  const notify = useAppStore((s) => s.notify);
  const canvas = useAppStore((s) => getDocument(s.records)?.canvas);
  const selected = useAppStore((s) => {
    const record = s.records[s.selectedLayerId ?? ''];
    return record?.typeName === 'layer' ? record : undefined;
  });
  const [format, setFormat] = useState<DialogFormat>('png');
  const [quality, setQuality] = useState(92);
  const [sizeChoice, setSizeChoice] = useState<SizeChoice>('full');
  const [longSide, setLongSide] = useState(2048);
  const [scope, setScope] = useState<ExportScope>('document');
  const [stripMetadata, setStripMetadata] = useState(false);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(open);

  const layered = format !== 'mask' && isLayeredFormat(format);
  const flat = format !== 'mask' && !layered;
  const effectiveScope: ExportScope = flat && scope === 'layer' && selected ? 'layer' : 'document';
  const source = effectiveScope === 'layer' && selected ? selected : canvas;
  const size = flat ? sizeFor(sizeChoice, longSide) : ({ kind: 'full' } as const);
  const result = source ? exportedSize(source.width, source.height, size) : undefined;

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
      setOpen(false);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(() => (format === 'mask' ? exportMask() : exportDocument({ format, quality, size, scope: effectiveScope, stripMetadata })));

  return (
    <dialog ref={dialog} aria-label={t('export:title')} onClose={() => setOpen(false)} className="export-dialog">
      <h2>{t('export:heading')}</h2>
      <label className="field">
        <span>{t('export:format')}</span>
        <select aria-label={t('export:format')} value={format} onChange={(e) => setFormat(e.currentTarget.value as DialogFormat)}>
          <option value="png">{t('export:formats.png')}</option>
          <option value="jpeg">{t('export:formats.jpeg')}</option>
          <option value="webp">{t('export:formats.webp')}</option>
          <option value="avif">{t('export:formats.avif')}</option>
          <option value="psd">{t('export:formats.psd')}</option>
          <option value="ora">{t('export:formats.ora')}</option>
          <option value="mask">{t('export:formats.mask')}</option>
        </select>
      </label>
      {(format === 'jpeg' || format === 'webp' || format === 'avif') && (
        <label className="field">
          <span>{t('export:quality', { quality })}</span>
          <input type="range" aria-label={t('export:qualityLabel')} min={1} max={100} value={quality} onChange={(e) => setQuality(Number(e.currentTarget.value))} />
        </label>
      )}
      {flat && (
        <>
          <label className="field">
            <span>{t('export:size')}</span>
            <select aria-label={t('export:size')} value={sizeChoice} onChange={(e) => setSizeChoice(e.currentTarget.value as SizeChoice)}>
              <option value="full">{t('export:sizes.full')}</option>
              <option value="half">{t('export:sizes.half')}</option>
              <option value="longSide">{t('export:sizes.longSide')}</option>
            </select>
          </label>
          {sizeChoice === 'longSide' && (
            <label className="field">
              <span>{t('export:longSidePixels')}</span>
              <input type="number" aria-label={t('export:longSidePixels')} min={1} max={30000} value={longSide} onChange={(e) => setLongSide(Number(e.currentTarget.value))} />
            </label>
          )}
          <label className="field">
            <span>{t('export:scope')}</span>
            <select aria-label={t('export:scope')} value={effectiveScope} onChange={(e) => setScope(e.currentTarget.value as ExportScope)}>
              <option value="document">{t('export:scopes.document')}</option>
              <option value="layer" disabled={!selected}>
                {selected ? t('export:scopes.layerNamed', { name: selected.name }) : t('export:scopes.layer')}
              </option>
            </select>
          </label>
        </>
      )}
      {/* OpenRaster has no place for metadata; PSD keeps it as XMP like the flat formats. */}
      {(flat || format === 'psd') && (
        <>
          <label className="check">
            <input type="checkbox" checked={stripMetadata} onChange={(e) => setStripMetadata(e.currentTarget.checked)} />
            <span>{t('export:stripMetadata')}</span>
          </label>
          <p className="muted">{t('export:metadataHint')}</p>
        </>
      )}
      {layered && <p className="muted">{t('export:layeredHint')}</p>}
      {result && (
        <p className="muted" data-testid="export-size">
          {t('export:resultSize', { width: formatNumber(result.width), height: formatNumber(result.height), megapixels: formatMegapixels(result.width * result.height) })}
        </p>
      )}
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => void run(copyMergedImage)}>
          {t('export:copy')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('export:close')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? t('export:saving') : t('export:save')}
        </button>
      </div>
    </dialog>
  );
}
