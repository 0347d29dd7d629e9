// The importer against random and damaged files: whatever the bytes, .txt or
// .docx, it gives an article or an ImportError (which the desk shows as it is),
// never another exception, and always ends (inputs are bounded, so a hang is a
// test timeout). The damaged files are the samples, encoded and zipped as
// reporters bring them, then mutated: bytes flipped, cut, inserted, zeroed.
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArticle, ImportError } from '../../core/import';
import { docxOfParagraphs, packageParts, zipArchive, DOCUMENT_HEAD, DOCUMENT_TAIL, paragraphXml } from '../fixtures/docx-bombs';
import { SAMPLES, sampleText, utf16, utf8, windows1258 } from '../fixtures/import-samples';
import { FUZZ_TIMEOUT, fuzzSettings } from '../helpers/fuzz-settings';

/** The seed of every property here in `npm test`; FUZZ_RUNS and FUZZ_SEED take over in `npm run fuzz`. */
const SEED = 20_251_205;

type Outcome = 'article' | ImportError['code'];

/** The importer's answer; any exception other than an ImportError fails the property. */
async function outcome(fileName: string, bytes: Uint8Array): Promise<Outcome> {
  try {
    await importArticle(fileName, bytes);
    return 'article';
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'zero'; at: number; length: number };

/**
 * A position as a fraction of the file: anywhere, or (half the time) near the
 * end, where a zip keeps its directory. Unbiased: fast-check's usual bias to
 * small values would put most mutations on the first byte.
 */
const position = fc
  .oneof(fc.noBias(fc.integer({ min: 0, max: 9_999 })), fc.noBias(fc.integer({ min: 8_500, max: 9_999 })))
  .map((n) => n / 10_000);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('zero' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
) as fc.Arbitrary<Mutation>;

function mutate(original: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = original;
  for (const m of mutations) {
    const at = Math.min(bytes.byteLength, Math.floor(m.at * bytes.byteLength));
    if (m.kind === 'flip' && at < bytes.byteLength) {
      bytes = bytes.slice();
      bytes[at] = m.value;
    } else if (m.kind === 'cut') bytes = bytes.slice(0, at);
    else if (m.kind === 'insert') bytes = new Uint8Array([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    else if (m.kind === 'remove') bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
    else if (m.kind === 'zero') {
      bytes = bytes.slice();
      bytes.fill(0, at, at + m.length);
    }
  }
  return bytes;
}

const OUTCOMES = new Set<Outcome>(['article', 'empty', 'too_large', 'binary', 'undecodable', 'one_line', 'unsupported_format', 'invalid_docx', 'docx_too_large', 'docx_unsafe', 'story_too_large']);

describe('the importer on random bytes', { timeout: FUZZ_TIMEOUT }, () => {
  it.each(['bai.txt', 'bai.docx'])('answers %s with an article or an ImportError', async (fileName) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          // A zip's first bytes, so that the .docx reader gets past its first check.
          fc.uint8Array({ maxLength: 4096 }).map((rest) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest])),
        ),
        async (bytes) => {
          expect(OUTCOMES.has(await outcome(fileName, bytes))).toBe(true);
        },
      ),
      fuzzSettings(100, SEED),
    );
  });
});

describe('the importer on damaged samples', { timeout: FUZZ_TIMEOUT }, () => {
  const samples: Record<string, Uint8Array[]> = { txt: [], docx: [] };

  beforeAll(async () => {
    for (const { file } of SAMPLES) {
      const text = sampleText(file);
      samples.txt?.push(utf8(text), utf8(text, true), utf16(text, 'le'), utf16(text, 'be'), windows1258(text));
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ text: line })) }] });
      samples.docx?.push(new Uint8Array(await Packer.toBuffer(document)), docxOfParagraphs(lines));
      // Stored, not deflated: mutations then land in the XML itself.
      const xml = DOCUMENT_HEAD + lines.map(paragraphXml).join('') + DOCUMENT_TAIL;
      samples.docx?.push(
        zipArchive([...packageParts(), { name: 'word/document.xml', data: new TextEncoder().encode(xml) }].map((part) => ({ ...part, method: 0 as const }))),
      );
    }
  });

  it.each(['txt', 'docx'])('answers a mutated .%s sample with an article or an ImportError', async (kind) => {
    const seen = new Set<Outcome>();
    const parameters = fuzzSettings(kind === 'docx' ? 60 : 100, SEED);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (pick, mutations) => {
        const originals = samples[kind] as Uint8Array[];
        const bytes = mutate(originals[pick % originals.length] as Uint8Array, mutations);
        const answer = await outcome(`bai.${kind}`, bytes);
        expect(OUTCOMES.has(answer)).toBe(true);
        seen.add(answer);
      }),
      parameters,
    );
    // The mutations must reach past the first checks: some damaged files still import.
    if ((parameters.numRuns ?? 0) >= 50) expect(seen.has('article')).toBe(true);
  });

  it('still reads every unmutated sample', async () => {
    for (const kind of ['txt', 'docx'] as const) {
      for (const bytes of samples[kind] ?? []) expect(await outcome(`bai.${kind}`, bytes)).toBe('article');
    }
  });
});
