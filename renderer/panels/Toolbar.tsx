import { FILE_INPUT_ID } from '../actions/app-actions.ts';
import { openImageFile } from '../io/open-image.ts';
import { BRUSH_MIN } from '../state/ui-slice.ts';
import { useAppStore } from '../state/store.ts';
import { SelectionTools } from '../selection/SelectionTools.tsx';
import { ActionButton } from './ActionButton.tsx';

export function Toolbar() {
  const tool = useAppStore((s) => s.tool);
  const brushSize = useAppStore((s) => s.brushSize);
  const hardness = useAppStore((s) => s.brushHardness);
  const setBrushSize = useAppStore((s) => s.setBrushSize);
  const setBrushHardness = useAppStore((s) => s.setBrushHardness);

  return (
    <header className="toolbar" role="toolbar" aria-label="Tools">
      <div className="group">
        <ActionButton action="open" />
        <input
          id={FILE_INPUT_ID}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/tiff,image/avif,.tif,.tiff,.avif"
          aria-label="Image file"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void openImageFile(file, 'replace');
          }}
        />
        <ActionButton action="export" />
      </div>
      <div className="group">
        <ActionButton action="undo" />
        <ActionButton action="redo" />
      </div>
      <div className="group">
        <ActionButton action="toolBrush" pressed={tool === 'brush'} />
        <ActionButton action="toolEraser" pressed={tool === 'eraser'} />
        <ActionButton action="toolExclude" pressed={tool === 'exclude'}>
          Exclude
        </ActionButton>
        <ActionButton action="toolExtend" pressed={tool === 'extend'}>
          Extend
        </ActionButton>
        <label className="slider">
          <span>Size</span>
          <input
            type="range"
            aria-label="Brush size"
            min={BRUSH_MIN}
            max={400}
            value={Math.min(brushSize, 400)}
            onChange={(e) => setBrushSize(Number(e.currentTarget.value))}
          />
          <output aria-label="Brush size value">{brushSize}</output>
        </label>
        <label className="slider">
          <span>Hardness</span>
          <input
            type="range"
            aria-label="Brush hardness"
            min={0}
            max={100}
            value={Math.round(hardness * 100)}
            onChange={(e) => setBrushHardness(Number(e.currentTarget.value) / 100)}
          />
        </label>
        <ActionButton action="clearMask" />
        <ActionButton action="invertMask" />
        <ActionButton action="clearExclusion" />
      </div>
      <SelectionTools />
    </header>
  );
}
