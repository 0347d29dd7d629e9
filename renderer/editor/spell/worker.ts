/// <reference types="vite/client" />
// The spellchecker runs here, off the main thread, so that loading the
// dictionary and checking a long story never delay a keystroke. The
// dictionary ships inside the app bundle: no network, ever.
import nspell from 'nspell';
import { createSyllableChecker, createSyllableSuggester, spellingCandidates, type SyllableChecker } from '../../../core/text';
import affix from '../../../node_modules/dictionary-vi/index.aff?raw';
import dictionary from '../../../node_modules/dictionary-vi/index.dic?raw';
import { toWorker, type FromWorker } from './protocol';

const MAX_SUGGESTIONS = 6;
const speller = nspell(affix, dictionary);
// The .dic lists one syllable per line after a count; flags (if any) follow a slash.
const suggestSyllables = createSyllableSuggester(
  dictionary
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0]?.trim() ?? '')
    .filter((word) => word !== ''),
);
let checker: SyllableChecker = createSyllableChecker((word) => speller.correct(word));

function reply(message: FromWorker): void {
  postMessage(message);
}

/** Syllables that differ only in marks first, then nspell's; the writer's capitalization is kept. */
function suggestionsFor(word: string): string[] {
  const found = new Set<string>(suggestSyllables(word, MAX_SUGGESTIONS));
  for (const candidate of spellingCandidates(word)) {
    if (found.size >= MAX_SUGGESTIONS) break;
    for (const suggestion of speller.suggest(candidate)) found.add(suggestion);
  }
  const capitalized = word[0] !== undefined && word[0] !== word[0].toLowerCase();
  return [...found]
    .map((s) => (capitalized ? s[0]?.toUpperCase() + s.slice(1) : s))
    .filter((s, i, all) => all.indexOf(s) === i)
    .slice(0, MAX_SUGGESTIONS);
}

addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = toWorker.safeParse(event.data);
  if (!parsed.success) {
    reply({ type: 'failed', message: 'Yêu cầu kiểm tra chính tả không hợp lệ' });
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'init':
      checker = createSyllableChecker((word) => speller.correct(word), message.personal);
      reply({ type: 'ready' });
      return;
    case 'check':
      reply({ type: 'checked', id: message.id, misspelled: message.words.filter((w) => checker.isMisspelled(w)) });
      return;
    case 'suggest':
      reply({ type: 'suggestions', id: message.id, suggestions: suggestionsFor(message.word) });
      return;
    case 'add':
      checker.addPersonal(message.word);
      return;
  }
});
