import type { ActionId } from '../../shared/actions/catalog.ts';
import { getDocument, getMaskOps } from '../../shared/document/records.ts';
import type { ActionImpl } from '../actions/registry.ts';
import type { Tool } from '../state/app-state.ts';
import type { MaskAdjustKind } from '../state/selection-slice.ts';
import { useAppStore, type AppState } from '../state/store.ts';
import { deselect, maskFromLayer, MASK_FILE_INPUT_ID, saveMask, selectAll } from './mask-commands.ts';

type SelectionActionId = Extract<
  ActionId,
  | 'toolRectSelect'
  | 'toolEllipseSelect'
  | 'toolLasso'
  | 'toolPolygonLasso'
  | 'toolSelectObject'
  | 'selectAll'
  | 'deselect'
  | 'growMask'
  | 'shrinkMask'
  | 'featherMask'
  | 'maskFromLayer'
  | 'saveMask'
  | 'loadMask'
>;

const store = () => useAppStore.getState();
const hasDocument = (s: AppState) => getDocument(s.records) !== undefined;
/** The mask the selection tools edit has something in it. */
const hasSelection = (s: AppState) => getMaskOps(s.records, s.selectionTarget).length > 0;
const tool = (id: Tool): ActionImpl => ({ enabled: hasDocument, perform: () => store().setTool(id) });
const adjust = (kind: MaskAdjustKind): ActionImpl => ({ enabled: hasSelection, perform: () => store().setMaskAdjust(kind) });

/** The selection tools and mask commands, spread into the app's action table. */
export const selectionActions: Record<SelectionActionId, ActionImpl> = {
  toolRectSelect: tool('rect'),
  toolEllipseSelect: tool('ellipse'),
  toolLasso: tool('lasso'),
  toolPolygonLasso: tool('polygon'),
  toolSelectObject: tool('object'),
  selectAll: { enabled: hasDocument, perform: selectAll },
  deselect: { enabled: hasSelection, perform: deselect },
  growMask: adjust('grow'),
  shrinkMask: adjust('shrink'),
  featherMask: adjust('feather'),
  maskFromLayer: { enabled: hasDocument, perform: maskFromLayer },
  saveMask: { enabled: hasDocument, perform: saveMask },
  loadMask: { enabled: hasDocument, perform: () => document.getElementById(MASK_FILE_INPUT_ID)?.click() },
};
