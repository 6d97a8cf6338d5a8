import type { Tool } from '../../state/app-state.ts';
import { createBrushTool } from './brush-tool.ts';
import { createExtendTool } from './extend-tool.ts';
import { createLassoTool } from './lasso-tool.ts';
import { createMarqueeTool } from './marquee-tool.ts';
import { createPolygonTool } from './polygon-tool.ts';
import { createSelectObjectTool } from './select-object-tool.ts';
import type { CanvasTool, ToolContext } from './tool.ts';

/** One state machine per tool; the brush's serves the eraser and the exclusion brush too. */
export function createCanvasTools(context: ToolContext): Record<Tool, CanvasTool> {
  const brush = createBrushTool(context);
  return {
    brush,
    eraser: brush,
    exclude: brush,
    extend: createExtendTool(context),
    rect: createMarqueeTool(context, 'rect'),
    ellipse: createMarqueeTool(context, 'ellipse'),
    lasso: createLassoTool(context),
    polygon: createPolygonTool(context),
    object: createSelectObjectTool(context),
  };
}
