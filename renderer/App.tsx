import { useEffect } from 'react';
import { wireApp } from './app-wiring.ts';
import { CanvasView } from './canvas/CanvasView.tsx';
import { ShortcutSheet } from './help/ShortcutSheet.tsx';
import { ExportDialog } from './panels/ExportDialog.tsx';
import { LayersPanel } from './panels/LayersPanel.tsx';
import { NoticeBar } from './panels/NoticeBar.tsx';
import { PromptPanel } from './panels/PromptPanel.tsx';
import { Toolbar } from './panels/Toolbar.tsx';
import { SettingsDialog } from './settings/SettingsDialog.tsx';
import { UsageDialog } from './usage/UsageDialog.tsx';

export function App() {
  useEffect(() => {
    const unwire = wireApp();
    document.body.dataset.appReady = 'true';
    return unwire;
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        <div className="canvas-area">
          <CanvasView />
        </div>
        <aside className="sidebar">
          <PromptPanel />
          <LayersPanel />
        </aside>
      </main>
      <NoticeBar />
      <ExportDialog />
      <SettingsDialog />
      <UsageDialog />
      <ShortcutSheet />
    </div>
  );
}
