// A streaming look at an XML part of a .docx before the .docx reader parses it.
// The reader (mammoth, through xmldom) builds a whole DOM and walks it
// recursively, so what it will cost is measured here first, a chunk at a time,
// in constant memory:
//
//  X1. Nodes: every start tag, attribute, run of text, comment, CDATA section
//      and processing instruction counts as one, as xmldom makes one object of each.
//  X2. Depth: how deep start tags nest (the reader recurses once per level).
//  X3. Text: the characters outside tags, which become the document's text.
//  X4. Declarations: "<!" may open only a comment or a CDATA section. A DOCTYPE,
//      ENTITY, ELEMENT or ATTLIST declaration is refused: the Open Packaging
//      Conventions forbid DTDs in a package (ECMA-376 Part 2, M1.17), Word never
//      writes one, and an entity declaration is how XML bombs expand.
//  X5. In .rels parts, each <Relationship> element's Type, Target and TargetMode
//      are collected, so that the caller can find the parts the reader will read.
//
// The scanner reads text as the reader will (UTF-8 through TextDecoder); it does
// not check that the XML is well-formed: the reader does that afterwards.

export type Relationship = { type: string; target: string; external: boolean };

export type XmlScanLimits = { maxNodes: number; maxDepth: number; maxTextChars: number };

export type XmlScanRefusal = 'nodes' | 'depth' | 'text' | 'declaration';

type State = 'text' | 'lt' | 'name' | 'tag' | 'value' | 'end' | 'bang' | 'comment' | 'cdata' | 'pi';

const MAX_CAPTURED_CHARS = 4_096;

function isNameStart(char: string): boolean {
  return /[A-Za-z_:]/u.test(char) || char.charCodeAt(0) >= 0x80;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Counts across every part it is fed; `refused` is set, and scanning stops, at the first limit passed. */
export class XmlScanner {
  nodes = 0;
  textChars = 0;
  deepest = 0;
  refused: XmlScanRefusal | null = null;
  readonly relationships: Relationship[] = [];

  private state: State = 'text';
  private depth = 0;
  private inTextRun = false;
  private quote = '';
  private lastChar = '';
  private bang = '';
  private closing = '';
  private tagName = '';
  private attributeName = '';
  private attributeValue = '';
  private capturing = false;
  private attributes = new Map<string, string>();
  private collectRelationships = false;

  constructor(private readonly limits: XmlScanLimits) {}

  /** Starts a new part (depth and state reset; counts go on adding up). */
  beginPart(options: { collectRelationships: boolean }): void {
    this.state = 'text';
    this.depth = 0;
    this.inTextRun = false;
    this.collectRelationships = options.collectRelationships;
  }

  /** Feeds the next piece of the part's text; returns false once a limit is passed. */
  feed(text: string): boolean {
    let i = 0;
    while (i < text.length && this.refused === null) {
      // Runs of text and of attribute values are most of a part: skip through them at once.
      if (this.state === 'text' || (this.state === 'value' && !this.capturing)) {
        const stop = text.indexOf(this.state === 'text' ? '<' : this.quote, i);
        const end = stop === -1 ? text.length : stop;
        if (end > i && this.state === 'text') this.addText(end - i);
        i = end;
        if (stop === -1) break;
      }
      this.step(text.charAt(i));
      i++;
    }
    return this.refused === null;
  }

  private addText(chars: number): void {
    if (!this.inTextRun) {
      this.inTextRun = true;
      this.addNode();
    }
    this.textChars += chars;
    if (this.textChars > this.limits.maxTextChars) this.refuse('text');
  }

  private refuse(reason: XmlScanRefusal): void {
    this.refused = reason;
  }

  private addNode(): void {
    if (++this.nodes > this.limits.maxNodes) this.refuse('nodes');
  }

  private step(char: string): void {
    switch (this.state) {
      case 'text':
        if (char === '<') {
          this.state = 'lt';
          this.inTextRun = false;
          return;
        }
        this.addText(1);
        return;
      case 'lt':
        if (char === '/') this.state = 'end';
        else if (char === '!') {
          this.state = 'bang';
          this.bang = '';
        } else if (char === '?') this.enter('pi');
        else if (isNameStart(char)) this.openTag(char);
        else this.state = 'text';
        return;
      case 'name':
        if (isSpace(char) || char === '/' || char === '>') {
          this.state = 'tag';
          this.step(char);
        } else if (this.tagName.length < MAX_CAPTURED_CHARS) this.tagName += char;
        return;
      case 'tag':
        this.stepInTag(char);
        return;
      case 'value':
        if (char === this.quote) {
          if (this.capturing) this.attributes.set(this.attributeName, this.attributeValue);
          this.state = 'tag';
          this.attributeName = '';
        } else if (this.capturing && this.attributeValue.length < MAX_CAPTURED_CHARS) this.attributeValue += char;
        return;
      case 'end':
        if (char === '>') {
          this.depth--;
          this.state = 'text';
        }
        return;
      case 'bang':
        this.bang += char;
        if (this.bang === '--') this.enter('comment');
        else if (this.bang === '[CDATA[') this.enter('cdata');
        else if (!'--'.startsWith(this.bang) && !'[CDATA['.startsWith(this.bang)) this.refuse('declaration');
        return;
      case 'comment':
        this.closeOn(char, '-->');
        return;
      case 'cdata':
        this.textChars++;
        if (this.textChars > this.limits.maxTextChars) this.refuse('text');
        // The closing "]]>" was counted as text on its way in.
        if (this.closeOn(char, ']]>')) this.textChars -= 3;
        return;
      case 'pi':
        this.closeOn(char, '?>');
        return;
    }
  }

  private enter(state: 'comment' | 'cdata' | 'pi'): void {
    this.state = state;
    this.closing = '';
    this.addNode();
  }

  /** Leaves a comment, CDATA section or processing instruction at its closing sequence; true when it did. */
  private closeOn(char: string, end: string): boolean {
    this.closing = (this.closing + char).slice(-end.length);
    if (this.closing !== end) return false;
    this.state = 'text';
    return true;
  }

  private openTag(first: string): void {
    this.state = 'name';
    this.tagName = first;
    this.lastChar = '';
    this.attributeName = '';
    this.attributes.clear();
    this.addNode();
    if (++this.depth > this.deepest) this.deepest = this.depth;
    if (this.depth > this.limits.maxDepth) this.refuse('depth');
  }

  private stepInTag(char: string): void {
    const previous = this.lastChar;
    this.lastChar = char;
    if (char === '"' || char === "'") {
      this.quote = char;
      this.state = 'value';
      this.attributeValue = '';
      this.capturing = this.collectRelationships && localName(this.tagName) === 'Relationship';
    } else if (char === '=') {
      this.addNode();
    } else if (char === '>') {
      if (previous === '/') this.depth--;
      if (this.collectRelationships && localName(this.tagName) === 'Relationship') this.keepRelationship();
      this.state = 'text';
    } else if (!isSpace(char) && char !== '/') {
      // An attribute's name: reset after each value, so that it collects only its own letters.
      if (this.attributeName.length < MAX_CAPTURED_CHARS) this.attributeName += char;
    }
  }

  private keepRelationship(): void {
    const type = this.attributes.get('Type');
    const target = this.attributes.get('Target');
    if (type === undefined || target === undefined) return;
    this.relationships.push({ type, target, external: this.attributes.get('TargetMode') === 'External' });
  }
}
