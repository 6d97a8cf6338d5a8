import type { Language } from './languages.ts';
import enActions from './locales/en/actions.json' with { type: 'json' };
import enCli from './locales/en/cli.json' with { type: 'json' };
import enCommon from './locales/en/common.json' with { type: 'json' };
import enDialogs from './locales/en/dialogs.json' with { type: 'json' };
import enErrors from './locales/en/errors.json' with { type: 'json' };
import enExport from './locales/en/export.json' with { type: 'json' };
import enLayers from './locales/en/layers.json' with { type: 'json' };
import enLog from './locales/en/log.json' with { type: 'json' };
import enPanels from './locales/en/panels.json' with { type: 'json' };
import enProject from './locales/en/project.json' with { type: 'json' };
import enRecovery from './locales/en/recovery.json' with { type: 'json' };
import enResults from './locales/en/results.json' with { type: 'json' };
import enSelection from './locales/en/selection.json' with { type: 'json' };
import enSettings from './locales/en/settings.json' with { type: 'json' };
import enToolbar from './locales/en/toolbar.json' with { type: 'json' };
import enUsage from './locales/en/usage.json' with { type: 'json' };
import enVision from './locales/en/vision.json' with { type: 'json' };
import viActions from './locales/vi/actions.json' with { type: 'json' };
import viCli from './locales/vi/cli.json' with { type: 'json' };
import viCommon from './locales/vi/common.json' with { type: 'json' };
import viDialogs from './locales/vi/dialogs.json' with { type: 'json' };
import viErrors from './locales/vi/errors.json' with { type: 'json' };
import viExport from './locales/vi/export.json' with { type: 'json' };
import viLayers from './locales/vi/layers.json' with { type: 'json' };
import viLog from './locales/vi/log.json' with { type: 'json' };
import viPanels from './locales/vi/panels.json' with { type: 'json' };
import viProject from './locales/vi/project.json' with { type: 'json' };
import viRecovery from './locales/vi/recovery.json' with { type: 'json' };
import viResults from './locales/vi/results.json' with { type: 'json' };
import viSelection from './locales/vi/selection.json' with { type: 'json' };
import viSettings from './locales/vi/settings.json' with { type: 'json' };
import viToolbar from './locales/vi/toolbar.json' with { type: 'json' };
import viUsage from './locales/vi/usage.json' with { type: 'json' };
import viVision from './locales/vi/vision.json' with { type: 'json' };
import deActions from './locales/de/actions.json' with { type: 'json' };
import deCli from './locales/de/cli.json' with { type: 'json' };
import deCommon from './locales/de/common.json' with { type: 'json' };
import deDialogs from './locales/de/dialogs.json' with { type: 'json' };
import deErrors from './locales/de/errors.json' with { type: 'json' };
import deExport from './locales/de/export.json' with { type: 'json' };
import deLayers from './locales/de/layers.json' with { type: 'json' };
import deLog from './locales/de/log.json' with { type: 'json' };
import dePanels from './locales/de/panels.json' with { type: 'json' };
import deProject from './locales/de/project.json' with { type: 'json' };
import deRecovery from './locales/de/recovery.json' with { type: 'json' };
import deResults from './locales/de/results.json' with { type: 'json' };
import deSelection from './locales/de/selection.json' with { type: 'json' };
import deSettings from './locales/de/settings.json' with { type: 'json' };
import deToolbar from './locales/de/toolbar.json' with { type: 'json' };
import deUsage from './locales/de/usage.json' with { type: 'json' };
import deVision from './locales/de/vision.json' with { type: 'json' };

/** A namespace's catalogue: nested objects of strings (i18next's JSON v4 format). */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/**
 * Every catalogue, by language and namespace, imported statically so the renderer's bundle,
 * main's bundle, the CLI, vitest and tsx all see the same files without a loader. A new
 * namespace is three lines here (one per language) and three JSON files.
 */
export const resources: Record<Language, Record<string, Catalogue>> = {
  en: { actions: enActions, cli: enCli, common: enCommon, dialogs: enDialogs, errors: enErrors, export: enExport, layers: enLayers, log: enLog, panels: enPanels, project: enProject, recovery: enRecovery, results: enResults, selection: enSelection, settings: enSettings, toolbar: enToolbar, usage: enUsage, vision: enVision },
  vi: { actions: viActions, cli: viCli, common: viCommon, dialogs: viDialogs, errors: viErrors, export: viExport, layers: viLayers, log: viLog, panels: viPanels, project: viProject, recovery: viRecovery, results: viResults, selection: viSelection, settings: viSettings, toolbar: viToolbar, usage: viUsage, vision: viVision },
  de: { actions: deActions, cli: deCli, common: deCommon, dialogs: deDialogs, errors: deErrors, export: deExport, layers: deLayers, log: deLog, panels: dePanels, project: deProject, recovery: deRecovery, results: deResults, selection: deSelection, settings: deSettings, toolbar: deToolbar, usage: deUsage, vision: deVision },
};

export const namespaces = Object.keys(resources.en);
