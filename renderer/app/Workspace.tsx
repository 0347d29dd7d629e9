import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../core/api';
import { ImportDialog } from '../import/ImportDialog';
import { useFileDrop } from '../import/useFileDrop';
import { NO_FILTERS, type ListFilters } from '../list/filters';
import type { PrefetchedPage } from '../list/prefetch';
import { StoryListPanel } from '../list/StoryListPanel';
import { useSearch } from '../list/useSearch';
import { useSections } from '../list/useSections';
import { useStoryPages } from '../list/useStoryPages';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useTheme } from '../theme/useTheme';
import { useQueueCounts } from '../workflow/useQueueCounts';
import { toServiceError, type NewsdeskClient } from '../transport';
import { EditorPane, preloadEditor } from './EditorPane';
import { Notices } from './Notices';
import { commandForKey, type AppCommand } from './shortcuts';
import { TopBar } from './TopBar';
import { useNotices } from './useNotices';
import { useOpenStory } from './useOpenStory';
import { useSaveStates } from './useSaveStates';
import { useStoryChanges } from './useStoryChanges';

type OpenDialog = { kind: 'settings'; settings: Settings } | { kind: 'import'; file: File | null } | null;

export function Workspace(props: {
  client: NewsdeskClient;
  settings: Settings;
  saveSettings: (patch: Partial<Settings>) => Promise<Settings>;
  firstPage?: PrefetchedPage;
}): ReactNode {
  const { client, settings } = props;
  const { t, i18n } = useTranslation();
  useTheme(settings.theme);
  useEffect(preloadEditor, []);
  useEffect(() => {
    void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
  }, [i18n, settings.language]);

  const [openId, open] = useOpenStory();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [creating, setCreating] = useState(false);
  const [focusStoryId, setFocusStoryId] = useState<string | null>(null);
  const clearFocusStory = useCallback(() => setFocusStoryId(null), []);
  const creatingRef = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const { notices, notify, dismiss } = useNotices();

  const changes = useStoryChanges(client);
  const { bump } = changes;
  const pages = useStoryPages(client, filters, settings.userName, props.firstPage);
  const search = useSearch(client, query, changes.revision);
  const sections = useSections(client, changes.revision);
  const saveStates = useSaveStates(client);
  const queues = useQueueCounts(client, changes.revision);

  const { refresh } = pages;
  const lastRevision = useRef(changes.revision);
  useEffect(() => {
    if (lastRevision.current === changes.revision) return;
    lastRevision.current = changes.revision;
    refresh();
  }, [changes.revision, refresh]);

  const newStory = useCallback(async () => {
    // Ctrl+N and the menu's accelerator may both fire: one story, not two.
    if (creatingRef.current) return;
    creatingRef.current = true;
    setCreating(true);
    try {
      const story = await client.call('stories.create', {});
      setFocusStoryId(story.id);
      open(story.id);
      bump();
    } catch (error) {
      notify(toServiceError(error).message);
    } finally {
      creatingRef.current = false;
      setCreating(false);
    }
  }, [client, open, bump, notify]);

  // The editor may have changed settings since (a word added to the dictionary): show what is stored now.
  const openSettings = useCallback(async () => {
    let fresh = settings;
    try {
      fresh = await client.call('settings.get', {});
    } catch {
      // The dialog still opens with what this window knows.
    }
    setDialog((old) => old ?? { kind: 'settings', settings: fresh });
  }, [client, settings]);

  const run = useCallback(
    (command: AppCommand) => {
      switch (command) {
        case 'new-story':
          void newStory();
          return;
        case 'import':
          setDialog((old) => old ?? { kind: 'import', file: null });
          return;
        case 'settings':
          void openSettings();
          return;
        case 'search':
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
      }
    },
    [newStory, openSettings],
  );

  const dialogOpen = dialog !== null;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const command = commandForKey(event);
      if (command === null || event.defaultPrevented) return;
      event.preventDefault();
      if (!dialogOpen) run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, dialogOpen]);

  useEffect(
    () =>
      client.on('menu.command', ({ command }) => {
        // Saving a revision belongs to the editor, which listens for it itself.
        if (command !== 'save-revision' && !dialogOpen) run(command);
      }),
    [client, run, dialogOpen],
  );

  const dragging = useFileDrop(useCallback((file: File) => setDialog({ kind: 'import', file }), []));

  const trash = async (id: string): Promise<void> => {
    try {
      await client.call('stories.trash', { id });
      pages.remove(id);
      open(null);
      bump();
    } catch (error) {
      notify(toServiceError(error).message);
    }
  };
  const restore = async (id: string): Promise<void> => {
    try {
      await client.call('stories.restore', { id });
      pages.remove(id);
      bump();
    } catch (error) {
      notify(toServiceError(error).message);
    }
  };

  const inTrash = filters.trashed && search.hits === null;
  return (
    <div className="app" data-dragging={dragging || undefined}>
      <a className="skip-link" href="#story-search">
        {t('app.skipToSearch')}
      </a>
      <TopBar
        client={client}
        searchRef={searchRef}
        query={query}
        onQuery={setQuery}
        onNewStory={() => run('new-story')}
        creating={creating}
        onImport={() => run('import')}
        onSettings={() => run('settings')}
        onOpenStory={open}
        storyAction={openId === null ? null : inTrash ? 'restore' : 'trash'}
        onStoryAction={() => {
          if (openId === null) return;
          void (inTrash ? restore(openId) : trash(openId));
        }}
      />
      <div className="workspace">
        <StoryListPanel
          language={settings.language}
          filters={filters}
          onFiltersChange={setFilters}
          sections={sections}
          pages={pages}
          search={search}
          query={query}
          selectedId={openId}
          saveStates={saveStates}
          onOpen={open}
          queues={queues}
        />
        <EditorPane
          client={client}
          storyId={openId}
          settings={settings}
          onChanged={bump}
          focusStoryId={focusStoryId}
          onFocused={clearFocusStory}
        />
      </div>
      <Notices notices={notices} onDismiss={dismiss} />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('import.dropHere')}</p>
        </div>
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          client={client}
          file={dialog.file}
          onClose={() => setDialog(null)}
          onCreated={(storyId) => {
            setDialog(null);
            setFocusStoryId(storyId);
            open(storyId);
            bump();
          }}
        />
      )}
      {dialog?.kind === 'settings' && (
        <SettingsDialog client={client} settings={dialog.settings} sections={sections} onSave={props.saveSettings} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
