// Every size limit of Newsdesk, in one table, so that the desk, the local host,
// the server and the importer refuse the same things (SECURITY.md lists them).
//
// Each limit is far above what a newsroom writes, and far below what hurts a
// process: a limit a reporter can meet is a bug, a limit a file can slip past is
// a hole. Limits only ever go up: lowering one would make stories already
// stored on some desk invalid there, and they could no longer sync.
//
// Text lengths are in UTF-16 code units (String.length, what zod's .max counts):
// a Vietnamese letter is one unit, an emoji two.

const MiB = 1024 * 1024;

/** What one story may hold. */
export const STORY_LIMITS = {
  /** Headlines run 60–120 characters; 500 was the limit before limits were gathered here. */
  headlineChars: 500,
  /** A sapo is one paragraph of 30–60 words (~400 characters). */
  sapoChars: 5_000,
  /** One or a few names. */
  bylineChars: 200,
  /** Section names are a few words ("Thời sự", "Công đoàn"). */
  sectionChars: 100,
  /** slugify writes at most 120; 200 leaves room for hand edits and keeps an article address under the server's 300-character route parameter. */
  slugChars: 200,
  tagChars: 100,
  tags: 50,
  /** The raw related-story line may hold several headlines run together: room for four at the headline limit. */
  relatedChars: 2_000,
  related: 50,

  /**
   * Nesting of body nodes below the root: a block is level 1, its text level 2.
   * Each list level takes two (list, item), so 24 allows 11 nested list levels
   * with a link inside; Word stops at 9. Deep enough for any article, shallow
   * enough for every recursive reader (zod, Lexical, JSON.stringify, SQLite's
   * json_valid) to never come near its stack or depth limit.
   */
  bodyDepth: 24,
  /**
   * Nodes in a body (blocks, list items, text runs, links, line breaks). A long
   * feature of 10,000 words is ~3,000 nodes; a day-long live blog ~10,000.
   */
  bodyNodes: 20_000,
  /** One run of text: a paragraph of ~20,000 words. Paragraphs are a few hundred characters. */
  textNodeChars: 100_000,
  /**
   * All text a reader reads in a body (text runs, captions, alt, credits,
   * related titles): ~400,000 words, forty times the longest feature.
   */
  bodyTextChars: 2_000_000,
  /**
   * The body as stored (UTF-8 JSON). With the story's other fields it must fit
   * one push request (REQUEST_LIMITS.pushBytes) with room to spare.
   */
  bodyBytes: 4 * MiB,
  /** A figure caption is a sentence or two. */
  captionChars: 2_000,
  /** Alt text describes a photo in a sentence. */
  altChars: 1_000,
  /** "Ảnh: Nguyễn Văn A/TTXVN". */
  creditChars: 300,
  /** Link and image addresses: RFC 9110 asks every HTTP party to support at least 8,000 octets. */
  urlChars: 8_000,
  /** Titles in a related-stories block are headlines. */
  relatedTitleChars: 500,
  /** Any other string of a node (style, rel, target, ids, link titles): they are short by nature. */
  otherFieldChars: 1_000,
} as const;

/**
 * JSON nesting of a stored body: the body object and the root node (2), two
 * levels (node, children array) per node level, and a node's "$" state object.
 */
export const MAX_BODY_JSON_DEPTH = 2 + 2 * STORY_LIMITS.bodyDepth + 2;

/** What one request may be, on the server and on the local host. */
export const REQUEST_LIMITS = {
  /**
   * JSON nesting of any request. A body at its deepest (MAX_BODY_JSON_DEPTH, 52)
   * inside a push batch ({ops:[{payload:{body}}]}, 4 more) fits; JSON nested
   * thousands of levels deep is refused by a scan of the text, before parsing.
   */
  jsonDepth: 64,
  /** A request other than a push or an upload: sign-in, settings, one story's fields. */
  bytes: 1 * MiB,
  /** A push batch: one story at its largest plus room for the rest of the batch. */
  pushBytes: 8 * MiB,
  /** The local host carries imports and images as base64 (4/3 of 20 MB) inside JSON. */
  localBytes: 30 * MiB,
} as const;

/** What the importer reads. */
export const IMPORT_LIMITS = {
  /** A file: a Word article with its photos is a few MB; checked on the raw bytes, before decoding. */
  fileBytes: 20 * MiB,
  /** The text decoded from a file (.txt decoded, or the text read out of a .docx). */
  textChars: 20 * MiB,
  /** Parts in a .docx: Word writes about a dozen, plus one per image. */
  docxEntries: 1_000,
  /** All parts of a .docx unzipped: photos barely compress, and Word's XML shrinks 5–10 times. */
  docxUncompressedBytes: 100 * MiB,
  /** The XML parts of a .docx unzipped; the text within is bounded by textChars as well. */
  docxXmlBytes: 40 * MiB,
  /**
   * XML nodes (elements, attributes, text runs, comments) in all XML parts of a
   * .docx. The .docx reader (mammoth) builds a DOM of ~2 KB per node, so this
   * is what bounds its memory (~200 MB). A long feature in Word is ~15,000.
   */
  docxXmlNodes: 100_000,
  /**
   * How deep XML elements nest in a .docx part. The reader converts the DOM
   * recursively; Word's deepest (a table in a table, a drawing in a cell) stays
   * under 60.
   */
  docxXmlDepth: 256,
  /** Unzipped size over zipped size, for a part above docxRatioFloorBytes: Word's XML shrinks 5–10 times, a zip bomb hundreds. */
  docxCompressionRatio: 100,
  /** Small parts may compress well (a run of spaces); they cannot hurt. */
  docxRatioFloorBytes: 1 * MiB,
} as const;
