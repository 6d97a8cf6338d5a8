import { describe, expect, it, vi } from 'vitest';
import { createWindowEventSink } from './window-events.ts';

describe('createWindowEventSink', () => {
  it('sends each event to every live window on its infill: channel', () => {
    const live = { send: vi.fn(), isDestroyed: () => false };
    const gone = { send: vi.fn(), isDestroyed: () => true };
    const emit = createWindowEventSink(() => [live, gone]);
    emit('menuAction', { actionId: 'undo' });
    expect(live.send).toHaveBeenCalledWith('infill:menuAction', { actionId: 'undo' });
    expect(gone.send).not.toHaveBeenCalled();
  });
});
