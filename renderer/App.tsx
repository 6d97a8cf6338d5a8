import { useEffect } from 'react';
import { wireApp } from './app-wiring.ts';
import { ExtendPanel } from './extend/ExtendPanel.tsx';
import { useAppStore } from './state/store.ts';
import { CanvasView } from './canvas/CanvasView.tsx';
import { ShortcutSheet } from './help/ShortcutSheet.tsx';
import { ExportDialog } from './panels/ExportDialog.tsx';
import { UnsavedDialog } from './panels/UnsavedDialog.tsx';
import { LayersPanel } from './panels/LayersPanel.tsx';
import { NoticeBar } from './panels/NoticeBar.tsx';
import { PromptPanel } from './panels/PromptPanel.tsx';
import { Toolbar } from './panels/Toolbar.tsx';
import { SelectionBar } from './selection/SelectionBar.tsx';
import { SettingsDialog } from './settings/SettingsDialog.tsx';
import { UsageDialog } from './usage/UsageDialog.tsx';

export function App() {
  const extendTool = useAppStore((s) => s.tool === 'extend');
  useEffect(() => {
    const unwire = wireApp();
    document.body.dataset.appReady = 'true';
    return unwire;
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <SelectionBar />
      <main className="workspace">
        <div className="canvas-area">
          <CanvasView />
        </div>
        <aside className="sidebar">
          {extendTool && <ExtendPanel />}
          <PromptPanel />
          <LayersPanel />
        </aside>
      </main>
      <NoticeBar />
      <ExportDialog />
      <UnsavedDialog />
      <SettingsDialog />
      <UsageDialog />
      <ShortcutSheet />
    </div>
  );
}
