// Lone surrogates (half an emoji) become U+FFFD wherever text enters: through
// normalizeText, and through every text field of the story schema.
import { describe, expect, it } from 'vitest';
import { nodes, storyBody, storyContent, type StoryContent } from '../../core/story';
import { isWellFormed, normalizeText, repairLoneSurrogates, toWellFormed } from '../../core/text';
import { sampleLine } from '../fixtures/text-samples';

const THUY = sampleLine('cum-thi-dua-so-4-cham-lo-doan-vien.txt', 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu');
const NEWSPAPER = '📰'; // U+1F4F0, the pair D83D DCF0
const [HIGH, LOW] = [NEWSPAPER.charAt(0), NEWSPAPER.charAt(1)];

const CASES: Array<[string, string, string]> = [
  ['well-formed Vietnamese', THUY, THUY],
  ['a whole emoji', `Tin nóng ${NEWSPAPER} hôm nay`, `Tin nóng ${NEWSPAPER} hôm nay`],
  ['an emoji cut after its first half', `Tin nóng ${HIGH}`, 'Tin nóng \uFFFD'],
  ['an emoji cut before its second half', `${LOW} hôm nay`, '\uFFFD hôm nay'],
  ['the halves in the wrong order', `Hà Nội ${LOW}${HIGH}`, 'Hà Nội \uFFFD\uFFFD'],
  ['two first halves then a whole emoji', `${HIGH}${HIGH}${NEWSPAPER}`, `\uFFFD\uFFFD${NEWSPAPER}`],
  ['a lone half inside a word', `Thủ${HIGH}y`, 'Thủ\uFFFDy'],
  ['only a lone half', LOW, '\uFFFD'],
  ['nothing', '', ''],
];

describe('toWellFormed', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(toWellFormed(input)).toBe(expected);
    expect(repairLoneSurrogates(input)).toBe(expected);
    expect(isWellFormed(toWellFormed(input))).toBe(true);
    expect(isWellFormed(input)).toBe(input === expected);
  });
});

describe('normalizeText makes text well-formed as well as NFC', () => {
  it.each([
    ['a cut emoji in NFD text', `${THUY.normalize('NFD')} ${HIGH}`, `${THUY} \uFFFD`],
    ['a lone half before a combining mark', `Thu${LOW}\u0309y`, 'Thu\uFFFD\u0309y'],
    ['a lone half with CRLF and a zero-width space', `Hà Nội\r\n${HIGH}\u200B`, 'Hà Nội\n\uFFFD'],
  ])('%s', (_name, input, expected) => {
    const normalized = normalizeText(input);
    expect(normalized).toBe(expected);
    expect(isWellFormed(normalized)).toBe(true);
    expect(normalized).toBe(normalized.normalize('NFC'));
  });
});

describe('the story schema repairs lone surrogates in every text field', () => {
  const cut = `${THUY} ${HIGH}`;
  const repaired = `${THUY} \uFFFD`;

  function content(overrides: Partial<StoryContent>): StoryContent {
    return { headline: 'Tít', sapo: '', byline: '', section: '', tags: [], slug: '', related: [], body: nodes.bodyOf([]), ...overrides };
  }

  it.each(['headline', 'sapo', 'byline', 'section'] as const)('%s', (field) => {
    expect(storyContent.parse(content({ [field]: cut }))[field]).toBe(repaired);
  });

  it('tags and related lines', () => {
    const parsed = storyContent.parse(content({ tags: [cut], related: [cut, THUY] }));
    expect(parsed.tags).toEqual([repaired]);
    expect(parsed.related).toEqual([repaired, THUY]);
  });

  it('text runs, link text, captions, alt, credits and related titles in the body', () => {
    const body = nodes.bodyOf([
      nodes.paragraph([nodes.textRun(cut), nodes.link('https://laodongthudo.vn/', [nodes.textRun(cut)])]),
      nodes.figure({ caption: cut, alt: cut, credit: cut }),
      nodes.relatedBlock([cut]),
    ]);
    const expected = nodes.bodyOf([
      nodes.paragraph([nodes.textRun(repaired), nodes.link('https://laodongthudo.vn/', [nodes.textRun(repaired)])]),
      nodes.figure({ caption: repaired, alt: repaired, credit: repaired }),
      nodes.relatedBlock([repaired]),
    ]);
    expect(storyBody.parse(body)).toEqual(expected);
  });

  it('leaves a well-formed body as it is', () => {
    const body = nodes.bodyOf([nodes.paragraph([nodes.textRun(`${THUY} ${NEWSPAPER}`)])]);
    expect(storyBody.parse(body)).toEqual(body);
  });
});
