import { Feather, Ruler } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { FILE_INPUT_ID } from '../actions/app-actions.ts';
import { openFile } from '../io/project-file.ts';
import { BRUSH_MIN } from '../state/ui-slice.ts';
import { useAppStore } from '../state/store.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { SelectionTools } from '../selection/SelectionTools.tsx';
import { ActionButton } from './ActionButton.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { RecentProjects } from './RecentProjects.tsx';
import { HiddenFileInput } from './HiddenFileInput.tsx';

/**
 * The tools as icons in groups (file, history, mask tools, canvas, view, help), each icon named
 * by its tooltip and accessible name.
 */
export function Toolbar() {
  const { t } = useTranslation();
  const tool = useAppStore((s) => s.tool);
  const brushSize = useAppStore((s) => s.brushSize);
  const hardness = useAppStore((s) => s.brushHardness);
  const setBrushSize = useAppStore((s) => s.setBrushSize);
  const setBrushHardness = useAppStore((s) => s.setBrushHardness);
  const zoom = useAppStore((s) => Math.round(s.view.scale * 100));

  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar:label')}>
      <div className="group" role="group" aria-label={t('toolbar:groups.file')}>
        <ActionButton action="open" iconOnly />
        <HiddenFileInput
          id={FILE_INPUT_ID}
          accept="image/png,image/jpeg,image/webp,image/gif,image/tiff,image/avif,.tif,.tiff,.avif,.infill"
          label={t('toolbar:imageFile')}
          onFile={(file) => void openFile(file)}
        />
        <RecentProjects />
        <ActionButton action="saveProject" iconOnly />
        <ActionButton action="export" iconOnly />
      </div>
      <div className="group" role="group" aria-label={t('toolbar:groups.history')}>
        <ActionButton action="undo" iconOnly />
        <ActionButton action="redo" iconOnly />
      </div>
      <div className="group" role="group" aria-label={t('toolbar:groups.maskTools')}>
        <ActionButton action="toolBrush" pressed={tool === 'brush'} iconOnly />
        <ActionButton action="toolEraser" pressed={tool === 'eraser'} iconOnly />
        <ActionButton action="toolExclude" pressed={tool === 'exclude'} iconOnly />
        <label className="slider" title={t('toolbar:brushSize')}>
          <Ruler aria-hidden="true" size={16} strokeWidth={1.75} />
          <input
            type="range"
            aria-label={t('toolbar:brushSize')}
            min={BRUSH_MIN}
            max={400}
            value={Math.min(brushSize, 400)}
            onChange={(e) => setBrushSize(Number(e.currentTarget.value))}
          />
          <output aria-label={t('toolbar:brushSizeValue')}>{formatNumber(brushSize)}</output>
        </label>
        <label className="slider" title={t('toolbar:brushHardness')}>
          <Feather aria-hidden="true" size={16} strokeWidth={1.75} />
          <input
            type="range"
            aria-label={t('toolbar:brushHardness')}
            min={0}
            max={100}
            value={Math.round(hardness * 100)}
            onChange={(e) => setBrushHardness(Number(e.currentTarget.value) / 100)}
          />
        </label>
        <ActionButton action="invertMask" iconOnly />
        <ActionButton action="clearMask" iconOnly />
        <ActionButton action="clearExclusion" iconOnly />
      </div>
      <SelectionTools />
      <div className="group" role="group" aria-label={t('toolbar:groups.canvas')}>
        <ActionButton action="toolExtend" pressed={tool === 'extend'} iconOnly />
        <ActionButton action="toolMove" pressed={tool === 'move'} iconOnly />
      </div>
      <div className="group" role="group" aria-label={t('toolbar:groups.view')}>
        <ActionButton action="zoomOut" iconOnly />
        <span className="zoom" aria-label={t('toolbar:zoomLevel')}>
          {formatPercent(zoom / 100)}
        </span>
        <ActionButton action="zoomIn" iconOnly />
        <ActionButton action="zoomFit" iconOnly />
        <ActionButton action="zoomActual" iconOnly />
      </div>
      <div className="group end" role="group" aria-label={t('toolbar:groups.help')}>
        <LanguagePicker />
        <ActionButton action="showShortcuts" iconOnly />
      </div>
    </header>
  );
}
