// The .docx guard (core/import/zip-guard.ts, xml-scan.ts) on archives written
// byte by byte: what Word writes passes, damaged archives are damaged files,
// and every limit and XML rule is refused with its own Vietnamese reason.
import { readdirSync, readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { guardDocx, ImportError, importArticle, parseDocx, readZipDirectory, type ImportErrorCode } from '../../core/import';
import { XmlScanner } from '../../core/import/xml-scan';
import { IMPORT_LIMITS } from '../../core/limits';
import {
  DOCUMENT_HEAD,
  DOCUMENT_TAIL,
  docxOfParagraphs,
  packageParts,
  paragraphXml,
  relationship,
  zipArchive,
  type ZipPart,
} from '../fixtures/docx-bombs';
import { pseudoRandomBytes, SAMPLES, tinyPng } from '../fixtures/import-samples';

const encoder = new TextEncoder();
const NOT_DOCX = 'Tệp .docx bị hỏng hoặc không phải tài liệu Word';
const HEADLINE = SAMPLES[1]!.headline;
const SAPO = 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.';
const PARAGRAPH = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Quốc Oai.';
const ARTICLE = [HEADLINE, SAPO, PARAGRAPH, 'Mạnh Quân'];

function documentPart(xml: string, name = 'word/document.xml'): ZipPart {
  return { name, data: encoder.encode(xml) };
}

async function guardError(bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await guardDocx(bytes).then(
    () => new Error('the guard let it through'),
    (e: unknown) => e,
  );
  if (error instanceof ImportError) return error;
  throw error;
}

describe('guardDocx lets real .docx files through', () => {
  it('a document written by the docx package, as the importer tests write them', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: ARTICLE.map((text) => new Paragraph({ text })) }] })));
    const names = readZipDirectory(bytes).map((entry) => entry.name);
    expect(names).toContain('word/document.xml');
    await expect(guardDocx(bytes)).resolves.toBeUndefined();
    expect((await parseDocx(bytes)).headline).toBe(HEADLINE);
  });

  it('a minimal document written here, which then imports', async () => {
    const bytes = docxOfParagraphs(ARTICLE);
    await expect(guardDocx(bytes)).resolves.toBeUndefined();
    expect(await importArticle('bai.docx', bytes)).toMatchObject({ headline: HEADLINE, sapo: SAPO, byline: 'Mạnh Quân' });
  });

  it('a stored (uncompressed) archive with a comment', async () => {
    const parts = [...packageParts(), documentPart(DOCUMENT_HEAD + ARTICLE.map(paragraphXml).join('') + DOCUMENT_TAIL)];
    const bytes = zipArchive(parts.map((part) => ({ ...part, method: 0 as const })), { comment: 'Lưu bằng công cụ nén' });
    await expect(guardDocx(bytes)).resolves.toBeUndefined();
  });

  it('an image whose bytes happen to look like a DTD, since the reader never parses images', async () => {
    const image = { name: 'word/media/image1.png', data: new Uint8Array([...tinyPng(), ...encoder.encode('<!DOCTYPE x>')]) };
    await expect(guardDocx(docxOfParagraphs(ARTICLE, [image]))).resolves.toBeUndefined();
  });
});

describe('guardDocx refuses damaged archives as damaged files', () => {
  const good = () => docxOfParagraphs(ARTICLE);
  const withEndRecordField = (offset: number, value: number, size: 2 | 4) => {
    const bytes = good();
    const view = new DataView(bytes.buffer);
    const end = bytes.byteLength - 22;
    if (size === 2) view.setUint16(end + offset, value, true);
    else view.setUint32(end + offset, value, true);
    return bytes;
  };

  it.each([
    ['random bytes', () => new Uint8Array(4096).map((_, i) => (i * 7919) % 251)],
    ['a PNG', () => tinyPng()],
    ['an archive cut short', () => good().slice(0, -30)],
    ['bytes after the end record', () => new Uint8Array([...good(), 0x50, 0x4b])],
    ['a ZIP64 end record', () => withEndRecordField(16, 0xffffffff, 4)],
    ['an archive spanning disks', () => withEndRecordField(4, 1, 2)],
    ['a wrong entry count', () => withEndRecordField(10, 2, 2)],
    ['data before the archive', () => new Uint8Array([0, 1, 2, ...good()])],
    ['an encrypted entry', () => zipArchive([...packageParts(), { ...documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL), flags: 1 }])],
    ['an entry compressed with bzip2', () => zipArchive([...packageParts(), { ...documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL), method: 12 as never }])],
    ['a name climbing out with ..', () => zipArchive([...packageParts(), documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL, 'word/../../document.xml')])],
    ['a name with a backslash', () => zipArchive([...packageParts(), documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL, 'word\\document.xml')])],
    ['an absolute name', () => zipArchive([...packageParts(), documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL, '/word/document.xml')])],
    ['a name twice', () => zipArchive([...packageParts(), documentPart('<a/>'), documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL)])],
    ['a second name in a Unicode path field', () => zipArchive([...packageParts(), { ...documentPart('<a/>'), extra: new Uint8Array([0x75, 0x70, 0, 0]) }])],
    ['an entry that unzips to more than it declares', () => zipArchive([...packageParts(), { ...documentPart(DOCUMENT_HEAD + paragraphXml(SAPO) + DOCUMENT_TAIL), declaredSize: 100 }])],
    ['an entry that unzips to less than it declares', () => zipArchive([...packageParts(), { ...documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL), declaredSize: 10_000 }])],
    ['a stored entry with two sizes', () => zipArchive([...packageParts(), { ...documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL), method: 0, declaredSize: 10 }])],
  ])('%s', async (_name, make) => {
    const error = await guardError(make());
    expect(error.code).toBe('invalid_docx');
    expect(error.message).toBe(NOT_DOCX);
  });

  it('entries that share their data', async () => {
    const bytes = good();
    const view = new DataView(bytes.buffer);
    const end = bytes.byteLength - 22;
    const directory = view.getUint32(end + 16, true);
    // Point the second entry's local header offset at the first entry's.
    const second = directory + 46 + view.getUint16(directory + 28, true) + view.getUint16(directory + 30, true);
    view.setUint32(second + 42, 0, true);
    expect((await guardError(bytes)).code).toBe('invalid_docx');
  });
});

describe('guardDocx refuses archives over the limits, saying which', () => {
  it('too many parts', async () => {
    const parts = Array.from({ length: IMPORT_LIMITS.docxEntries + 1 }, (_, i): ZipPart => ({ name: `word/media/anh-${i}.png`, data: tinyPng(), method: 0 }));
    const error = await guardError(zipArchive(parts));
    expect([error.code, error.message]).toEqual(['docx_too_large', 'Tệp .docx có quá nhiều phần: 1.001 (tối đa 1.000)']);
  });

  it('a part that compresses like a bomb', async () => {
    const error = await guardError(docxOfParagraphs([HEADLINE, 'a'.repeat(2 * 1024 * 1024)]));
    expect(error.code).toBe('docx_too_large');
    expect(error.message).toMatch(/^Tệp \.docx bị nén bất thường: phần “word\/document\.xml” giải nén ra gấp [\d.]+ lần \(tối đa 100 lần\); đây có thể là một “bom nén”$/u);
  });

  it('more unzipped bytes than the limit, in parts that each look ordinary', async () => {
    // Declared sizes are what the directory says: 11 photos of 10 MB, each zipped to 200 KB (50 times).
    const photo = pseudoRandomBytes(200 * 1024, 7);
    const parts = Array.from({ length: 11 }, (_, i): ZipPart => ({ name: `word/media/anh-${i}.bmp`, data: photo, declaredSize: 10 * 1024 * 1024 }));
    const error = await guardError(zipArchive([...packageParts(), ...parts]));
    expect([error.code, error.message]).toEqual(['docx_too_large', 'Tệp .docx giải nén ra quá lớn: 110 MB (tối đa 100 MB)']);
  });

  it('more XML nodes than the reader may build', async () => {
    // `<w:p/>` repeated: under a megabyte, so no ratio rule; only the node count stops it.
    const xml = DOCUMENT_HEAD + paragraphXml(HEADLINE) + '<w:p/>'.repeat(IMPORT_LIMITS.docxXmlNodes) + DOCUMENT_TAIL;
    const error = await guardError(zipArchive([...packageParts(), documentPart(xml)]));
    expect([error.code, error.message]).toEqual([
      'docx_too_large',
      'Tệp .docx quá phức tạp để đọc: hơn 100.000 nút XML (một bài dài viết bằng Word có khoảng 15.000)',
    ]);
  });

  it('XML nested deeper than the reader can recurse', async () => {
    const depth = IMPORT_LIMITS.docxXmlDepth + 1;
    const xml = DOCUMENT_HEAD + '<w:sdt>'.repeat(depth) + '</w:sdt>'.repeat(depth) + DOCUMENT_TAIL;
    const error = await guardError(zipArchive([...packageParts(), documentPart(xml)]));
    expect([error.code, error.message]).toEqual(['docx_too_large', 'Tệp .docx lồng nhau quá sâu: hơn 256 cấp thẻ trong phần “word/document.xml”']);
  });
});

describe('guardDocx refuses DTDs in any part the reader parses', () => {
  const doctype = '<!DOCTYPE w:document [<!ENTITY a "Hà Nội"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
  const withDtd = DOCUMENT_HEAD.replace('<w:document', `${doctype}<w:document`) + paragraphXml('&b;') + DOCUMENT_TAIL;
  const unsafe = (part: string) => `Tệp .docx có khai báo DTD (DOCTYPE hoặc ENTITY) trong phần “${part}”: Word không bao giờ viết khai báo này, nên tệp bị từ chối`;

  it.each([
    ['the document', [...packageParts(), documentPart(withDtd)], 'word/document.xml'],
    ['the styles part', [...packageParts(), documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL), documentPart(`<!ENTITY x "y"><w:styles/>`, 'word/styles.xml')], 'word/styles.xml'],
    ['the package relationships', [documentPart('<!DOCTYPE Relationships><Relationships/>', '_rels/.rels'), documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL)], '_rels/.rels'],
    [
      'a document part not named .xml, found through the relationships',
      [...packageParts({ documentPath: 'word/tai-lieu.bin' }), documentPart(withDtd, 'word/tai-lieu.bin')],
      'word/tai-lieu.bin',
    ],
    [
      'a styles part not named .xml, found through the document relationships',
      [
        ...packageParts({ documentRels: relationship('rId1', 'styles', 'media/kieu.png') }),
        documentPart(DOCUMENT_HEAD + DOCUMENT_TAIL),
        documentPart(`<!ENTITY x "y"><w:styles/>`, 'word/media/kieu.png'),
      ],
      'word/media/kieu.png',
    ],
  ] as Array<[string, ZipPart[], string]>)('in %s', async (_name, parts, part) => {
    const error = await guardError(zipArchive(parts));
    expect([error.code, error.message]).toEqual(['docx_unsafe' satisfies ImportErrorCode, unsafe(part)]);
  });
});

describe('XmlScanner', () => {
  const scan = (xml: string, limits = { maxNodes: 1e6, maxDepth: 1e3, maxTextChars: 1e9 }, chunk = 3) => {
    const scanner = new XmlScanner(limits);
    scanner.beginPart({ collectRelationships: true });
    // Fed in small pieces: every state must survive a cut anywhere.
    for (let at = 0; at < xml.length; at += chunk) scanner.feed(xml.slice(at, at + chunk));
    return scanner;
  };

  it.each([
    ['an element', '<a/>', 1, 0, 1],
    ['an element with two attributes', '<w:t xml:space="preserve" a=\'1\'/>', 3, 0, 1],
    ['text', '<w:t>Hà Nội</w:t>', 2, 6, 1],
    ['nesting', '<a><b><c>x</c></b></a>', 4, 1, 3],
    ['an XML declaration, a comment and CDATA', '<?xml version="1.0"?><!-- ghi chú --><a><![CDATA[<b>]]></a>', 4, 3, 1],
    ['a ">" and "=" inside an attribute value', '<a title="x > y = z"/>', 2, 0, 1],
  ])('counts %s', (_name, xml, nodes, textChars, deepest) => {
    const scanner = scan(xml);
    expect([scanner.nodes, scanner.textChars, scanner.deepest, scanner.refused]).toEqual([nodes, textChars, deepest, null]);
  });

  it.each([
    ['<!DOCTYPE a>', 'declaration'],
    ['<a><!ENTITY x "y"></a>', 'declaration'],
    ['<!ELEMENT a ANY>', 'declaration'],
    ['<!-x>', 'declaration'],
    ['<a>' + 'x'.repeat(11) + '</a>', 'text'],
    ['<a><b><c><d/></c></b></a>', 'depth'],
    ['<a/>'.repeat(6), 'nodes'],
  ])('refuses %j', (xml, reason) => {
    expect(scan(xml, { maxNodes: 5, maxDepth: 3, maxTextChars: 10 }).refused).toBe(reason);
  });

  it('collects relationships from .rels parts, wherever the chunks are cut', () => {
    const rels = `<Relationships>${relationship('rId1', 'styles', 'styles.xml')}<Relationship Id="rId2" Type="x/hyperlink" Target="https://laodongthudo.vn/" TargetMode="External"/></Relationships>`;
    for (const chunk of [1, 2, 7, 1000]) {
      expect(scan(rels, undefined, chunk).relationships).toEqual([
        { type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', target: 'styles.xml', external: false },
        { type: 'x/hyperlink', target: 'https://laodongthudo.vn/', external: true },
      ]);
    }
  });
});

describe('guardDocx and the Word files of mammoth’s own tests', () => {
  // Written by Word and LibreOffice, shipped with the exactly pinned mammoth.
  const dir = new URL('../../node_modules/mammoth/test/test-data/', import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith('.docx'));

  it('has them to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('lets %s through', async (name) => {
    await expect(guardDocx(new Uint8Array(readFileSync(new URL(name, dir))))).resolves.toBeUndefined();
  });
});
