import { useAppStore } from '../state/store.ts';
import { ActionButton } from './ActionButton.tsx';

/** Zoom controls floating over the canvas's corner, where editors keep them. */
export function ZoomBar() {
  const zoom = useAppStore((s) => Math.round(s.view.scale * 100));
  return (
    <div className="zoom-bar" role="toolbar" aria-label="Zoom">
      <ActionButton action="zoomOut">−</ActionButton>
      <span className="zoom" aria-label="Zoom level">
        {zoom} %
      </span>
      <ActionButton action="zoomIn">+</ActionButton>
      <ActionButton action="zoomFit">Fit</ActionButton>
      <ActionButton action="zoomActual">100 %</ActionButton>
    </div>
  );
}
