import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Circle, Image as KonvaImage, Layer, Rect, Shape, Stage } from 'react-konva';
import { useShallow } from 'zustand/react/shallow';
import type { LayerRecord } from '../../shared/document/records.ts';
import { intersectRects, isEmptyRect, type Rect as DocRect } from '../../shared/geometry.ts';
import { getDocument, getOrderedLayers } from '../../shared/document/records.ts';
import { providerTuning } from '../state/job-slice.ts';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store.ts';
import { useBitmap } from './use-bitmap.ts';
import { useDetailLevel } from './use-detail-level.ts';
import { OFF_SCREEN_DETAIL_LEVEL } from './detail-level.ts';
import { visibleDocumentRect } from './view-math.ts';
import { HANDLE_SIZE, handlePoints } from './extend-canvas.ts';
import { useCanvasInput } from './use-canvas-input.ts';
import { useMaskPainter } from './use-mask-painter.ts';
import { MASK_COLOR } from './mask-painter.ts';
import { toolPreview } from './preview-buffer.ts';
import { errorMessage } from '../i18n/messages.ts';

/**
 * The document on a Konva stage: the layers' bitmaps, the mask and exclusion overlays
 * (offscreen canvases the brush paints into directly), the tools' preview buffer (a selection
 * in progress, an object candidate) and the brush outline, each on its own Konva layer so a
 * brush stroke redraws only the masks.
 */
export function CanvasView() {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const maskLayer = useRef<Konva.Layer>(null);
  const cursor = useRef<Konva.Circle>(null);
  const extendPreview = useRef<Konva.Rect>(null);
  const previewLayer = useRef<Konva.Layer>(null);
  const tool = useAppStore((s) => s.tool);
  const preview = useAppStore((s) => s.activeJob?.preview);
  const canvas = useAppStore((s) => getDocument(s.records)?.canvas);
  const layers = useAppStore(useShallow((s) => getOrderedLayers(s.records)));
  const view = useAppStore((s) => s.view);
  const viewport = useAppStore((s) => s.viewport);
  const setViewport = useAppStore((s) => s.setViewport);
  // Konva draws at the device's pixel ratio, so that is the density the bitmaps must reach.
  const detailLevel = useDetailLevel(view.scale * window.devicePixelRatio, canvas);
  // Before the viewport is measured every layer counts as on screen.
  const visible = viewport.width > 0 && viewport.height > 0 ? visibleDocumentRect(view, viewport) : canvas;
  const redrawMask = useCallback(() => maskLayer.current?.batchDraw(), []);
  const painter = useMaskPainter(canvas, redrawMask);
  const excludePainter = useMaskPainter(canvas, redrawMask, 'exclude');
  // Shown only while the chosen provider reads it: a gateway ignores the exclusion.
  const showExclusion = useAppStore((s) => providerTuning(s.providers, s.providerId).includes('exclude'));
  const painters = useMemo(() => (painter && excludePainter ? { fill: painter, exclude: excludePainter } : null), [painter, excludePainter]);
  useEffect(() => {
    toolPreview.onChange = () => previewLayer.current?.batchDraw();
  }, []);
  useCanvasInput({ container, stage, maskLayer, cursor, extendPreview }, painters, toolPreview);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [setViewport]);

  return (
    <div
      ref={container}
      className="canvas-host"
      role="application"
      aria-label={t('panels:canvas.label')}
      data-testid="canvas"
      data-view={`${view.scale} ${view.x} ${view.y}`}
      data-tool={tool}
    >
      {!canvas && <p className="canvas-empty">{t('panels:canvas.empty')}</p>}
      <Stage ref={stage} width={viewport.width} height={viewport.height} scaleX={view.scale} scaleY={view.scale} x={view.x} y={view.y}>
        <Layer listening={false}>
          {canvas && <Rect {...canvas} fill="#2a2a2e" perfectDrawEnabled={false} />}
          {layers.map((layer) => (
            <LayerBitmap
              key={layer.id}
              layer={layer}
              level={visible && isEmptyRect(intersectRects(layer, visible)) ? Math.max(detailLevel, OFF_SCREEN_DETAIL_LEVEL) : detailLevel}
            />
          ))}
          {preview && <JobPreview assetId={preview.assetId} rect={preview.rect} />}
        </Layer>
        <Layer ref={maskLayer} listening={false}>
          {excludePainter && (
            <Shape
              visible={showExclusion}
              opacity={0.45}
              perfectDrawEnabled={false}
              sceneFunc={(context) => excludePainter.drawTo(context._context)}
            />
          )}
          {painter && (
            <Shape
              opacity={0.5}
              perfectDrawEnabled={false}
              sceneFunc={(context) => painter.drawTo(context._context)}
            />
          )}
        </Layer>
        <Layer ref={previewLayer} listening={false}>
          <Shape perfectDrawEnabled={false} sceneFunc={(context) => toolPreview.draw(context._context, useAppStore.getState().view.scale, MASK_COLOR)} />
        </Layer>
        <Layer listening={false}>
          {canvas && <Rect {...canvas} stroke="#8a8a96" strokeWidth={1 / view.scale} perfectDrawEnabled={false} />}
          {canvas &&
            tool === 'extend' &&
            handlePoints(canvas).map((p) => (
              <Rect
                key={`${p.x},${p.y}`}
                x={p.x - HANDLE_SIZE / 2 / view.scale}
                y={p.y - HANDLE_SIZE / 2 / view.scale}
                width={HANDLE_SIZE / view.scale}
                height={HANDLE_SIZE / view.scale}
                fill="#ffffff"
                stroke="#7aa7ff"
                strokeWidth={1 / view.scale}
                perfectDrawEnabled={false}
              />
            ))}
          <Rect ref={extendPreview} visible={false} stroke="#7aa7ff" dash={[8, 6]} listening={false} perfectDrawEnabled={false} />
          <Circle ref={cursor} radius={10} stroke="#ffffff" strokeWidth={1} visible={false} perfectDrawEnabled={false} shadowColor="#000" shadowBlur={2} shadowForStrokeEnabled />
        </Layer>
      </Stage>
    </div>
  );
}

function LayerBitmap({ layer, level }: { layer: LayerRecord; level: number }) {
  const notifyError = useCallback(
    (error: unknown) => useAppStore.getState().notify('error', errorMessage(error, 'common:notice.layerShowFailed', { name: layer.name })),
    [layer.name],
  );
  const bitmap = useBitmap(layer.assetId, notifyError, level);
  useEffect(() => {
    if (!bitmap) return;
    // A marker for tests and benchmarks: this layer's pixels are drawn on the next frame.
    const frame = requestAnimationFrame(() => {
      document.body.dataset.lastDrawnAsset = layer.assetId;
    });
    return () => cancelAnimationFrame(frame);
  }, [bitmap, layer.assetId]);
  if (!bitmap) return null;
  return (
    <KonvaImage
      image={bitmap}
      x={layer.x}
      y={layer.y}
      width={layer.width}
      height={layer.height}
      opacity={layer.opacity}
      visible={layer.visible}
      perfectDrawEnabled={false}
    />
  );
}

/** A gateway's streamed partial image, stretched over the region it will fill, until the result lands. */
function JobPreview({ assetId, rect }: { assetId: string; rect: DocRect }) {
  // A preview is a nicety: if it cannot be shown, the progress bar still tells the story.
  const bitmap = useBitmap(assetId);
  if (!bitmap) return null;
  return <KonvaImage image={bitmap} {...rect} opacity={0.9} perfectDrawEnabled={false} />;
}
