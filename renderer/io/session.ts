import { getDocument } from '../../shared/document/records.ts';
import { fitView } from '../canvas/view-math.ts';
import { call } from '../platform/api.ts';
import { useAppStore } from '../state/store.ts';
import { InfillError } from '../../shared/errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

const AUTOSAVE_DELAY_MS = 800;

/**
 * Brings back the document that was open when Infill last stopped (closed, crashed or killed),
 * then keeps it saved: every change is written shortly after it is made. Autosave starts only
 * once the restore is done, so an empty start-up state can never overwrite the saved work.
 */
export function keepSessionSaved(): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  void restore().then(() => {
    if (!stopped) unsubscribe = autosave();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

async function restore(): Promise<void> {
  const state = useAppStore.getState();
  try {
    const { session, problem } = await call('loadSession', {});
    if (problem) state.notify('error', errorMessage(new InfillError('CORRUPT_SESSION', problem)));
    const doc = session && getDocument(session.records);
    // A document opened while the session was loading wins over the saved one.
    if (!session || !doc || getDocument(useAppStore.getState().records)) return;
    state.replaceDocument(session.records);
    state.setView(fitView(doc.canvas, useAppStore.getState().viewport));
    document.title = `${doc.name} — Infill`;
    state.notify('info', { key: 'common:notice.sessionRestored', params: { name: doc.name, savedAt: formatDateTime(session.savedAt) } });
  } catch (error) {
    state.notify('error', errorMessage(error, 'common:notice.sessionRestoreFailed'));
  }
}

function autosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  const save = () => {
    timer = undefined;
    call('saveSession', { records: useAppStore.getState().records }).then(
      () => {
        failing = false;
      },
      (error: unknown) => {
        // Said once, not on every edit, until a save works again.
        if (!failing) useAppStore.getState().notify('error', errorMessage(error, 'common:notice.autosaveFailed'));
        failing = true;
      },
    );
  };
  // Closing the window within the delay of an edit must not lose it: save what is pending now.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.records === previous.records) return;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    window.removeEventListener('pagehide', flush);
    unsubscribe();
  };
}
