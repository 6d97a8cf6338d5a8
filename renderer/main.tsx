import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n.ts';
import { registerAppActions } from './actions/app-actions.ts';
import { App } from './App.tsx';
import { installDebugHooks } from './debug-hooks.ts';
import { loadLanguagePreference } from './i18n/language-preference.ts';
import './styles.css';

registerAppActions();
installDebugHooks();
// The saved Language setting is read first, so the first paint is already in that language.
void loadLanguagePreference().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
