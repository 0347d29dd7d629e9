// One i18next instance per window. The app's strings live in the `app`
// namespace (vi.ts, en.ts); the editor, sync, history, changes, workflow and notes bring their own namespaces.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../core/api';
import changesEn from '../changes/i18n/en';
import changesVi from '../changes/i18n/vi';
import editorEn from '../editor/i18n/en';
import editorVi from '../editor/i18n/vi';
import historyEn from '../history/i18n/en';
import historyVi from '../history/i18n/vi';
import notesEn from '../notes/i18n/en';
import notesVi from '../notes/i18n/vi';
import syncEn from '../sync/i18n/en';
import syncVi from '../sync/i18n/vi';
import workflowEn from '../workflow/i18n/en';
import workflowVi from '../workflow/i18n/vi';
import en from './en';
import vi from './vi';

export const resources = {
  vi: { app: vi, editor: editorVi, sync: syncVi, history: historyVi, changes: changesVi, workflow: workflowVi, notes: notesVi },
  en: { app: en, editor: editorEn, sync: syncEn, history: historyEn, changes: changesEn, workflow: workflowEn, notes: notesEn },
} as const;

export const NAMESPACES = ['app', 'editor', 'sync', 'history', 'changes', 'workflow', 'notes'] as const;

export function createI18n(language: Settings['language'] = 'vi'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    ns: [...NAMESPACES],
    defaultNS: 'app',
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
