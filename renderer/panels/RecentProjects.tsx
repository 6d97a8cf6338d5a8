import { History } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentProjectInfo } from '../../shared/contract/project-schemas.ts';
import { formatDateTime } from '../i18n/format.ts';
import { openRecentProject } from '../io/project-file.ts';
import { call } from '../platform/api.ts';

/**
 * "Open recent": the last ten projects, fetched from main whenever the list is about to open. An
 * icon in the toolbar (the native list still opens under it) so the toolbar fits one row.
 */
export function RecentProjects() {
  const { t } = useTranslation();
  const [projects, setProjects] = useState<RecentProjectInfo[]>([]);
  const refresh = () => {
    call('listRecentProjects', {}).then(
      (result) => setProjects(result.projects),
      () => setProjects([]),
    );
  };
  return (
    <label className="icon-select" title={t('project:recent.label')}>
      <History aria-hidden="true" size={18} strokeWidth={1.75} />
      <select
      aria-label={t('project:recent.label')}
      className="recent-projects"
      value=""
      onFocus={refresh}
      onPointerDown={refresh}
      onChange={(e) => {
        const chosen = projects.find((p) => p.id === e.currentTarget.value);
        if (chosen) void openRecentProject(chosen.id, chosen.name);
      }}
    >
      <option value="">{t('project:recent.placeholder')}</option>
      {projects.length === 0 && (
        <option value="none" disabled>
          {t('project:recent.empty')}
        </option>
      )}
      {projects.map((project) => (
        <option key={project.id} value={project.id}>
          {t('project:recent.entry', { name: project.name, at: formatDateTime(project.at) })}
        </option>
      ))}
      </select>
    </label>
  );
}
