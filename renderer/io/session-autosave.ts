import type { JournalEntry } from '../../shared/document/journal.ts';
import { getDocument } from '../../shared/document/records.ts';
import { errorMessage } from '../i18n/messages.ts';
import { call } from '../platform/api.ts';
import { documentState, onJournalEntry } from '../state/document-slice.ts';
import { useAppStore } from '../state/store.ts';

const RETRY_AFTER_FAILURE_MS = 5000;

/**
 * Sends every change to main the moment it is made (journal entries, a few hundred bytes for a
 * stroke); main syncs them to disk before it answers. One request at a time, so entries arrive
 * in order; what is made meanwhile goes in the next one. When a save fails (a full disk, a lost
 * connection), main's copy may lack entries, so the next save sends the whole document and its
 * history instead, retried every few seconds until it works.
 */
export function autosave({ inSync }: { inSync: boolean }): () => void {
  let queue: JournalEntry[] = [];
  let sending = false;
  let resync = !inSync;
  let failing = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const nextBatch = (): JournalEntry[] | undefined => {
    if (resync) {
      queue = [];
      // Never send an empty document over a saved one: with nothing open there is nothing to lose.
      if (!getDocument(documentState.records)) return undefined;
      return [{ type: 'replace', records: documentState.records, history: documentState.history.toSnapshot() }];
    }
    if (queue.length === 0) return undefined;
    const batch = queue;
    queue = [];
    return batch;
  };

  const send = () => {
    if (sending) return;
    const entries = nextBatch();
    if (!entries) return;
    const wasResync = resync;
    resync = false;
    sending = true;
    call('saveSession', { entries }).then(
      () => {
        sending = false;
        const { notice, dismissNotice } = useAppStore.getState();
        if (failing && notice?.message.key === 'common:notice.autosaveFailed') dismissNotice();
        failing = false;
        send();
      },
      (error: unknown) => {
        sending = false;
        resync = true;
        // Said once, not on every edit, until a save works again.
        if (!failing) useAppStore.getState().notify('error', errorMessage(error, 'common:notice.autosaveFailed'));
        failing = true;
        clearTimeout(retry);
        retry = setTimeout(send, wasResync ? RETRY_AFTER_FAILURE_MS : 0);
      },
    );
  };

  // Closing the page while a save is on its way: what waits is sent now (the bridge keeps such
  // a request alive after the page is gone).
  const flush = () => {
    if (!sending) return send();
    const entries = nextBatch();
    if (entries) void call('saveSession', { entries }).catch(() => undefined);
  };

  const unsubscribe = onJournalEntry((entry) => {
    queue.push(entry);
    send();
  });
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    clearTimeout(retry);
    window.removeEventListener('pagehide', flush);
    unsubscribe();
  };
}
