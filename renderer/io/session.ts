import type { SessionRecovery } from '../../shared/contract/session.ts';
import { getDocument } from '../../shared/document/records.ts';
import { fitView } from '../canvas/view-math.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';
import { call } from '../platform/api.ts';
import { useAppStore } from '../state/store.ts';
import { autosave } from './session-autosave.ts';

/**
 * Brings back the document that was open when Infill last stopped (closed, crashed or killed),
 * with its undo and redo, then keeps it saved as it changes (session-autosave.ts). Autosave
 * starts only once the restore is done, so an empty start-up state can never overwrite the
 * saved work.
 */
export function keepSessionSaved(): () => void {
  let stopped = false;
  let stop = () => {};
  void restore().then((inSync) => {
    if (!stopped) stop = autosave({ inSync });
  });
  return () => {
    stopped = true;
    stop();
  };
}

/** Resolves true when main's copy of the document is the one on screen (restored, or both empty). */
async function restore(): Promise<boolean> {
  const state = useAppStore.getState();
  try {
    const { session, recovery } = await call('loadSession', {});
    const doc = session && getDocument(session.records);
    // A document opened while the session was loading wins over the saved one; main is told.
    if (getDocument(useAppStore.getState().records)) return false;
    if (recovery) notifyRecovery(recovery, doc?.name);
    if (!session || !doc) return true;
    state.replaceDocument(session.records, session.history);
    state.setView(fitView(doc.canvas, useAppStore.getState().viewport));
    document.title = `${doc.name} — Infill`;
    if (!recovery) state.notify('info', { key: 'common:notice.sessionRestored', params: { name: doc.name, savedAt: formatDateTime(session.savedAt) } });
    return true;
  } catch (error) {
    state.notify('error', errorMessage(error, 'common:notice.sessionRestoreFailed'));
    return false;
  }
}

/** Said so the person knows, and kept on screen until dismissed: something was damaged. */
function notifyRecovery(recovery: SessionRecovery, name: string | undefined): void {
  const { notify } = useAppStore.getState();
  const params = { name: name ?? '', savedAt: recovery.savedAt ? formatDateTime(recovery.savedAt) : '' };
  if (recovery.kind === 'older') notify('error', { key: 'recovery:notice.olderRestored', params });
  else if (recovery.kind === 'partial') notify('error', { key: 'recovery:notice.partlyRestored', params });
  else notify('error', { key: 'recovery:notice.unreadable' });
}
