import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { config as configureZod } from 'zod';
import { App } from './app/App';
import { createI18n } from './i18n';
import { createClient } from './transport';
import './styles.css';
import './list/list.css';
import './app/pane.css';
import './ui/dialog.css';
import './import/import.css';

// The page's CSP (Electron and start:web alike) forbids eval; zod's compiled parsers would try it.
configureZod({ jitless: true });

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

const client = createClient();
const i18n = createI18n('vi');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App client={client} />
    </I18nextProvider>
  </StrictMode>,
);
