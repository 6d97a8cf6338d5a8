import { useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../state/store.ts';

/**
 * A control dragged with the pointer (a slider) as one undo step: pointerdown marks where the
 * drag begins, each change is committed `within` that mark, and the drag's end squashes them;
 * Escape bails back to the mark. Should the end never arrive (a pointerup lost to another
 * window), nothing stays open: any other edit starts its own step, so it cannot be folded into
 * the drag.
 */
export function useGestureMark() {
  const mark = useRef<string | undefined>(undefined);
  const end = () => {
    const id = mark.current;
    mark.current = undefined;
    if (id !== undefined) useAppStore.getState().squashToMark(id);
  };
  return {
    /** The open drag's mark, for `commit(…, { within })`; undefined when no drag is going on. */
    markId: () => mark.current,
    handlers: {
      onPointerDown: () => {
        end();
        mark.current = useAppStore.getState().mark();
      },
      onPointerUp: end,
      onLostPointerCapture: end,
      onBlur: end,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || mark.current === undefined) return;
        useAppStore.getState().bailToMark(mark.current);
        mark.current = undefined;
      },
    },
  };
}
