// Spellcheck for the whole open story: the provider starts the worker once,
// and shows the one context menu, whichever field asked for it. A field asks
// with the word, where to show the menu, and how to put a suggestion in place.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { toServiceError } from '../../transport/client';
import { useEditorServices } from '../EditorServices';
import { highlightsSupported } from './highlight';
import { SpellClient, startSpellWorker } from './spell-client';
import { SpellService } from './spell-service';
import { SpellMenu } from './SpellMenu';

export interface SpellMenuRequest {
  word: string;
  /** Where the menu opens, in window coordinates: under the word. */
  x: number;
  y: number;
  /** Puts the suggestion in place of the word, if the text is still what was right-clicked. */
  replace(replacement: string): void;
  /** Gives the keyboard back to the field once the menu closes. */
  restoreFocus(): void;
}

interface Spellcheck {
  service: SpellService | null;
  openMenu(request: SpellMenuRequest): void;
}

const SpellcheckContext = createContext<Spellcheck>({ service: null, openMenu: () => undefined });

export function useSpellcheck(): Spellcheck {
  return useContext(SpellcheckContext);
}

export function SpellcheckProvider(props: { personalDictionary: readonly string[]; children: ReactNode }): ReactNode {
  const { client, notify } = useEditorServices();
  const { t } = useTranslation('editor');
  const [service, setService] = useState<SpellService | null>(null);
  const [menu, setMenu] = useState<(SpellMenuRequest & { suggestions: Promise<string[]> }) | null>(null);
  // The words the window loaded with; later additions reach the service through addWord and settings.
  const [initialWords] = useState(props.personalDictionary);

  useEffect(() => {
    if (!highlightsSupported() || typeof Worker === 'undefined') return;
    const started = new SpellService(new SpellClient(startSpellWorker(), initialWords), initialWords, {
      load: () => client.call('settings.get', {}).then((settings) => settings.personalDictionary),
      save: (words) => client.call('settings.set', { personalDictionary: words }).then(() => undefined),
    });
    setService(started);
    return () => {
      setMenu(null);
      setService(null);
      started.dispose();
    };
  }, [client, initialWords]);

  const value = useMemo<Spellcheck>(
    () => ({
      service,
      openMenu: (request) => {
        if (service !== null) setMenu({ ...request, suggestions: service.checker.suggest(request.word) });
      },
    }),
    [service],
  );

  const close = (): void => {
    menu?.restoreFocus();
    setMenu(null);
  };

  return (
    <SpellcheckContext.Provider value={value}>
      {props.children}
      {menu !== null &&
        createPortal(
          <SpellMenu
            word={menu.word}
            x={menu.x}
            y={menu.y}
            suggestions={menu.suggestions}
            onReplace={(replacement) => {
              menu.replace(replacement);
              close();
            }}
            onAdd={() => {
              service?.addWord(menu.word).catch((error: unknown) => notify(t('spellAddFailed', { message: toServiceError(error).message }), 'error'));
              close();
            }}
            onClose={close}
          />,
          document.body,
        )}
    </SpellcheckContext.Provider>
  );
}
