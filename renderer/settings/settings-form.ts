// The settings form's own state, and its check before `settings.set`. The
// check words problems for people; the contract's schema then confirms.
import { settings as settingsSchema, type Settings } from '../../core/api';
import { normalizeText } from '../../core/text';

export interface TargetRow {
  section: string;
  words: string;
}

export interface SettingsForm {
  language: Settings['language'];
  theme: Settings['theme'];
  userName: string;
  targets: TargetRow[];
  dictionary: string[];
}

export type SettingsPatch = Pick<Settings, 'language' | 'theme' | 'userName' | 'sectionTargets' | 'personalDictionary'>;

export type FormProblem =
  | { key: 'settings.problem.userName' }
  | { key: 'settings.problem.section'; row: number }
  | { key: 'settings.problem.duplicateSection'; section: string }
  | { key: 'settings.problem.words'; section: string }
  | { key: 'settings.problem.dictionarySize' };

export function formFromSettings(current: Settings): SettingsForm {
  return {
    language: current.language,
    theme: current.theme,
    userName: current.userName,
    targets: Object.entries(current.sectionTargets).map(([section, words]) => ({ section, words: String(words) })),
    dictionary: [...current.personalDictionary],
  };
}

export function patchFromForm(form: SettingsForm): { ok: true; patch: SettingsPatch } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const userName = form.userName.trim();
  if (userName === '' || userName.length > 100) problems.push({ key: 'settings.problem.userName' });

  const sectionTargets: Record<string, number> = {};
  form.targets.forEach((row, index) => {
    const section = row.section.trim();
    if (section === '' && row.words.trim() === '') return;
    if (section === '') {
      problems.push({ key: 'settings.problem.section', row: index + 1 });
      return;
    }
    if (Object.hasOwn(sectionTargets, section)) {
      problems.push({ key: 'settings.problem.duplicateSection', section });
      return;
    }
    const words = Number(row.words.trim());
    if (!/^\d+$/.test(row.words.trim()) || !Number.isSafeInteger(words) || words <= 0) {
      problems.push({ key: 'settings.problem.words', section });
      return;
    }
    sectionTargets[section] = words;
  });
  if (problems.length > 0) return { ok: false, problems };

  const patch: SettingsPatch = {
    language: form.language,
    theme: form.theme,
    userName,
    sectionTargets,
    personalDictionary: normalizeDictionary(form.dictionary),
  };
  const checked = settingsSchema
    .pick({ language: true, theme: true, userName: true, sectionTargets: true, personalDictionary: true })
    .safeParse(patch);
  if (!checked.success) return { ok: false, problems: [{ key: 'settings.problem.dictionarySize' }] };
  return { ok: true, patch };
}

/** Trimmed, without blanks or repeats, words of at most 100 characters, in the order added. */
export function normalizeDictionary(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of words) {
    const word = normalizeText(raw).trim();
    if (word === '' || word.length > 100 || seen.has(word)) continue;
    seen.add(word);
    kept.push(word);
  }
  return kept;
}
