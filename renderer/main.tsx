import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n.ts';
import { registerAppActions } from './actions/app-actions.ts';
import { App } from './App.tsx';
import { installDebugHooks } from './debug-hooks.ts';
import './styles.css';

registerAppActions();
installDebugHooks();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
