import type { Language } from './languages.ts';
import enActions from './locales/en/actions.json' with { type: 'json' };
import enCommon from './locales/en/common.json' with { type: 'json' };
import enErrors from './locales/en/errors.json' with { type: 'json' };
import enLog from './locales/en/log.json' with { type: 'json' };
import enRecovery from './locales/en/recovery.json' with { type: 'json' };
import enSelection from './locales/en/selection.json' with { type: 'json' };
import viActions from './locales/vi/actions.json' with { type: 'json' };
import viCommon from './locales/vi/common.json' with { type: 'json' };
import viErrors from './locales/vi/errors.json' with { type: 'json' };
import viLog from './locales/vi/log.json' with { type: 'json' };
import viRecovery from './locales/vi/recovery.json' with { type: 'json' };
import viSelection from './locales/vi/selection.json' with { type: 'json' };
import deActions from './locales/de/actions.json' with { type: 'json' };
import deCommon from './locales/de/common.json' with { type: 'json' };
import deErrors from './locales/de/errors.json' with { type: 'json' };
import deLog from './locales/de/log.json' with { type: 'json' };
import deRecovery from './locales/de/recovery.json' with { type: 'json' };
import deSelection from './locales/de/selection.json' with { type: 'json' };
import enVision from './locales/en/vision.json' with { type: 'json' };
import viVision from './locales/vi/vision.json' with { type: 'json' };
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
  en: { actions: enActions, common: enCommon, errors: enErrors, log: enLog, recovery: enRecovery, selection: enSelection, vision: enVision },
  vi: { actions: viActions, common: viCommon, errors: viErrors, log: viLog, recovery: viRecovery, selection: viSelection, vision: viVision },
  de: { actions: deActions, common: deCommon, errors: deErrors, log: deLog, recovery: deRecovery, selection: deSelection, vision: deVision },
};

export const namespaces = Object.keys(resources.en);
