import { actionForKey, runAction } from './actions/registry.ts';
import { isTyping } from './canvas/use-canvas-input.ts';
import { releaseBitmapsExcept } from './canvas/bitmap-cache.ts';
import { openImageFile } from './io/open-image.ts';
import { keepSessionSaved } from './io/session.ts';
import { trackJobEstimate } from './jobs/estimate.ts';
import { listenToJobs } from './jobs/generate.ts';
import { call, infill } from './platform/api.ts';
import { collectAssetIds, getDocument } from '../shared/document/records.ts';
import { documentState } from './state/document-slice.ts';
import { useAppStore } from './state/store.ts';
import { errorMessage } from './i18n/messages.ts';

/**
 * The app's connections to the outside, made once at start: shortcuts, paste and drop, main's
 * job and menu events, the provider list, and telling main which assets are still in use.
 * Returns a function that undoes them all.
 */
export function wireApp(): () => void {
  const cleanups: Array<() => void> = [];
  const on = <K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void) => {
    window.addEventListener(type, handler);
    cleanups.push(() => window.removeEventListener(type, handler));
  };

  on('keydown', (event) => {
    if (isTyping(event) && !(event.ctrlKey || event.metaKey)) return;
    const id = actionForKey(event);
    if (!id) return;
    event.preventDefault();
    void runAction(id);
  });

  on('paste', (event) => {
    const file = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
    if (!file) return;
    event.preventDefault();
    void openImageFile(file, getDocument(useAppStore.getState().records) ? 'layer' : 'replace');
  });
  on('dragover', (event) => event.preventDefault());
  on('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void openImageFile(file, 'replace');
  });

  cleanups.push(listenToJobs());
  cleanups.push(trackJobEstimate());
  cleanups.push(keepSessionSaved());
  cleanups.push(infill().onMenuAction(({ actionId }) => void runAction(actionId)));

  call('listProviders', {}).then(
    ({ providers, defaultProviderId }) => useAppStore.getState().setProviders(providers, defaultProviderId),
    (error: unknown) => useAppStore.getState().notify('error', errorMessage(error, 'common:notice.providersFailed')),
  );

  cleanups.push(retainAssetsInUse());
  return () => cleanups.forEach((cleanup) => cleanup());
}

/**
 * Undo must not hold a copy of the image per step: history entries name assets, and after
 * each change main is told which assets the document and its history still reach, so it (and
 * the bitmap cache here) can let the rest go.
 */
function retainAssetsInUse(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.records === previous.records) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const keep = collectAssetIds(useAppStore.getState().records);
      // Variations waiting to be picked are in no record yet.
      for (const candidate of useAppStore.getState().results?.candidates ?? []) keep.add(candidate.assetId);
      for (const diff of documentState.history.diffs()) {
        for (const group of [diff.added, diff.removed]) collectAssetIds(group, keep);
        for (const [from, to] of Object.values(diff.updated)) collectAssetIds({ a: from, b: to }, keep);
      }
      releaseBitmapsExcept(keep);
      call('retainAssets', { assetIds: [...keep] }).catch(() => undefined);
    }, 2000);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
