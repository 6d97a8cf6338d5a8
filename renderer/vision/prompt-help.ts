import { getDocument, type RecordMap } from '../../shared/document/records.ts';
import { parseDescription } from '../../shared/vision/description.ts';
import type { VisionDone, VisionTask } from '../../shared/vision/vision-contract.ts';
import { currentMaskPainter } from '../canvas/use-mask-painter.ts';
import { errorMessage } from '../i18n/messages.ts';
import { call, infill } from '../platform/api.ts';
import { layerSnapshots } from '../state/snapshots.ts';
import { useAppStore } from '../state/store.ts';
import { useVisionStore } from './vision-slice.ts';

/**
 * Prompt help in the renderer: starts a vision request, writes its streamed text into the
 * prompt box (or, for Describe, into the document's caption) as it arrives, and stops it on
 * request. Main does the work and holds the key; this only shows it.
 */

const app = () => useAppStore.getState();
const vision = () => useVisionStore.getState();

export async function startPromptHelp(task: VisionTask): Promise<void> {
  const state = app();
  const doc = getDocument(state.records);
  if (!doc || vision().active) return;
  const mask = task === 'suggest' ? currentMaskPainter()?.extract() : undefined;
  if (task === 'suggest' && !mask) {
    state.notify('error', { key: 'vision:notice.paintFirst' });
    return;
  }
  const before = state.prompt;
  // The selected gateway's vision model if it has one, else main picks the first that does.
  const selected = state.providerId.replace(/^gateway:/, '');
  const profileId = vision().profiles.some((p) => p.id === selected) ? selected : undefined;
  const { visionId, model } = await call('startVision', {
    task,
    ...(profileId ? { profileId } : {}),
    detail: vision().detail,
    prompt: before,
    canvas: doc.canvas,
    layers: layerSnapshots(state.records),
    ...(mask ? { mask } : {}),
  });
  vision().begin({ visionId, task, model, before });
  // The answer replaces the prompt as it streams; Undo brings the original back.
  if (task !== 'describe') state.setPrompt('');
  // Events can overtake the answer to startVision (they come on another connection).
  const missed = early.get(visionId);
  early.clear();
  if (missed?.text) showText(task, missed.text);
  if (missed?.done) finish(missed.done);
}

/** Deltas and ends for a request whose id is not known yet; at most a few, kept briefly. */
const early = new Map<string, { text: string; done?: VisionDone }>();

function remember(visionId: string, change: { text?: string; done?: VisionDone }): void {
  if (early.size > 8 && !early.has(visionId)) early.clear();
  const entry = early.get(visionId) ?? { text: '' };
  early.set(visionId, { text: entry.text + (change.text ?? ''), ...(change.done ? { done: change.done } : entry.done ? { done: entry.done } : {}) });
}

function showText(task: VisionTask, text: string): void {
  if (task === 'describe') vision().appendDescribing(text);
  else app().setPrompt(app().prompt + text);
}

/** Stop (and Esc): main answers with visionDone at once, keeping what arrived. */
export async function stopPromptHelp(): Promise<void> {
  const active = vision().active;
  if (!active) return;
  await call('cancelVision', { visionId: active.visionId });
}

/** Undo right after a suggestion or translation brings the typed prompt back; true if it did. */
export function undoPromptHelp(): boolean {
  const undo = vision().promptUndo;
  if (!undo || app().prompt !== undo.after) return false;
  app().setPrompt(undo.before);
  vision().clearPromptUndo();
  return true;
}

export function canUndoPromptHelp(prompt: string): boolean {
  const undo = useVisionStore.getState().promptUndo;
  return undo !== undefined && prompt === undo.after;
}

function finish(done: VisionDone): void {
  const active = vision().active;
  if (active?.visionId !== done.visionId) {
    remember(done.visionId, { done });
    return;
  }
  const state = app();
  if (done.task === 'describe') {
    if (done.text && !done.error) saveDescription(done);
    vision().end(done);
  } else {
    // A refusal or an error before any text leaves the prompt as it was.
    const keep = done.text !== '' && !done.refused;
    if (!keep) state.setPrompt(active.before);
    else state.setPrompt(done.text);
    vision().end(done, keep && done.text !== active.before ? { before: active.before, after: done.text } : undefined);
  }
  if (done.error && done.error.code !== 'JOB_CANCELLED') state.notify('error', errorMessage(done.error));
}

function saveDescription(done: VisionDone): void {
  const { caption, altText } = parseDescription(done.text);
  app().commit('Describe photo', (records: RecordMap) => {
    const doc = getDocument(records);
    return doc ? { ...records, [doc.id]: { ...doc, description: { caption, altText, model: done.model } } } : records;
  });
}

/** Subscribes once to main's vision events and keeps the profile list current. */
export function listenToPromptHelp(): () => void {
  const api = infill();
  const offDelta = api.onVisionDelta(({ visionId, text }) => {
    const active = vision().active;
    if (active?.visionId === visionId) {
      if (vision().waiting) vision().setWaiting(undefined);
      showText(active.task, text);
    } else if (!active) remember(visionId, { text });
  });
  // A countdown before the first text; one that comes before the request is known is moot.
  const offStatus = api.onVisionStatus(({ visionId, note }) => {
    if (vision().active?.visionId === visionId) vision().setWaiting(note);
  });
  const offDone = api.onVisionDone(finish);
  // Esc stops a stream wherever the focus is, the prompt box included.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !vision().active) return;
    event.preventDefault();
    void stopPromptHelp();
  };
  window.addEventListener('keydown', onKey, true);
  void refreshVisionProfiles();
  // The settings dialog is where a vision model is added or removed.
  const offSettings = useAppStore.subscribe((s, previous) => {
    if (previous.settingsOpen && !s.settingsOpen) void refreshVisionProfiles();
  });
  return () => {
    offDelta();
    offStatus();
    offDone();
    offSettings();
    window.removeEventListener('keydown', onKey, true);
  };
}

export async function refreshVisionProfiles(): Promise<void> {
  try {
    const { profiles } = await call('listProfiles', {});
    vision().setProfiles(profiles.filter((p) => p.visionModel).map((p) => ({ id: p.id, name: p.name, visionModel: p.visionModel! })));
  } catch {
    vision().setProfiles([]);
  }
}
