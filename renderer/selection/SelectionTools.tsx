import { useTranslation } from 'react-i18next';
import { ActionButton } from '../panels/ActionButton.tsx';
import { useAppStore } from '../state/store.ts';

/** The selection tools' buttons, in the toolbar beside the brushes. */
export function SelectionTools() {
  const { t } = useTranslation();
  const tool = useAppStore((s) => s.tool);
  return (
    <div className="group" role="group" aria-label={t('selection:bar.tools')}>
      <ActionButton action="toolRectSelect" pressed={tool === 'rect'} iconOnly />
      <ActionButton action="toolEllipseSelect" pressed={tool === 'ellipse'} iconOnly />
      <ActionButton action="toolLasso" pressed={tool === 'lasso'} iconOnly />
      <ActionButton action="toolPolygonLasso" pressed={tool === 'polygon'} iconOnly />
      <ActionButton action="toolSelectObject" pressed={tool === 'object'} iconOnly />
    </div>
  );
}
