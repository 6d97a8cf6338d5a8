import { getDocument } from '../../shared/document/records.ts';
import { hasUnsavedChanges } from '../state/project-slice.ts';
import { useAppStore, type AppState } from '../state/store.ts';

/** "coffee.infill* — Infill": the project's (or photo's) name, with a star while there are unsaved changes. */
export function windowTitle(state: AppState): string {
  const doc = getDocument(state.records);
  if (!doc) return 'Infill';
  return `${state.projectName ?? doc.name}${hasUnsavedChanges(state) ? '*' : ''} — Infill`;
}

/**
 * Keeps the window title in step with the document, and has the browser ask before a tab with
 * unsaved work closes (the autosave still keeps it for crash recovery either way).
 */
export function keepWindowTitle(): () => void {
  const update = () => {
    const title = windowTitle(useAppStore.getState());
    if (document.title !== title) document.title = title;
  };
  update();
  const unsubscribe = useAppStore.subscribe(update);
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (hasUnsavedChanges(useAppStore.getState())) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    unsubscribe();
    window.removeEventListener('beforeunload', beforeUnload);
  };
}
