import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toString } from 'nlcst-to-string';
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import { parseNote } from '../src/parse.js';
import { mergeAbbreviationSentences, breakAtTitleLines } from '../src/sentences.js';
import { ScopeIndex } from '../src/scopes.js';

function words(tree: Root) {
  const out: Array<{ value: string; start: number; end: number }> = [];
  for (const p of tree.children) {
    if (p.type !== 'ParagraphNode') continue;
    for (const s of p.children) {
      if (s.type !== 'SentenceNode') continue;
      for (const w of s.children) {
        if (w.type === 'WordNode') out.push({ value: toString(w), start: w.position!.start.offset!, end: w.position!.end.offset! });
      }
    }
  }
  return out;
}

const sentences = (text: string) =>
  parseNote(text).nlcst.children.flatMap((p) => (p.type === 'ParagraphNode' ? p.children.filter((s) => s.type === 'SentenceNode') : []));

describe('parseNote', () => {
  it('keeps positions exact in blockquote and list continuation lines, after escapes, references, CRLF, tabs and emoji', () => {
    const text =
      '> Mum said she was\n> hostile &amp; \\*upset\\* today\r\n\r\n- first item\n  second line words\n\t- tab 😀 emoji hostile\n\nA “curly” quote and Ms O’Neil’s bag.\n';
    const found = words(parseNote(text).nlcst);
    for (const w of found) expect(text.slice(w.start, w.end)).toBe(w.value);
    expect(found.map((w) => w.value)).toContain('hostile');
    const hostile = found.filter((w) => w.value === 'hostile');
    expect(hostile).toHaveLength(2);
  });

  it('does not end sentences at social-care abbreviations', () => {
    expect(sentences('Dr. Okafor and Mrs. Grant met for approx. 45 minutes. Tel. 0121 496 0000 was given.')).toHaveLength(2);
    expect(sentences('See ref. no. 12 on the file. She said no.')).toHaveLength(2);
  });

  it('reads front matter and never treats it as prose', () => {
    const note = parseNote('---\nchild: Maya\nevent: 2026-11-16T10:00\n---\n\nMaya was happy.\n');
    expect(note.frontmatter.data).toEqual({ child: 'Maya', event: '2026-11-16T10:00' });
    expect(words(note.nlcst).map((w) => w.value)).toEqual(['Maya', 'was', 'happy']);
  });

  it('reports broken front matter instead of throwing', () => {
    const note = parseNote('---\nchild: [Maya\n---\n\nText.\n');
    expect(note.frontmatter.data).toBeNull();
    expect(note.frontmatter.error?.message).toBeTruthy();
  });

  it('leaves code, HTML and link URLs out of the prose', () => {
    const note = parseNote('Text `CIN` [the link](http://example.org/LAC) <b>x</b>\n\n```\nLAC\n```\n');
    expect(words(note.nlcst).map((w) => w.value)).toEqual(['Text', 'the', 'link', 'x']);
  });

  it('marks quotations, straight and curly, but not apostrophes', () => {
    const text = 'She said “I want to go home” and then \'no way\'. Mum\'s bag.';
    const note = parseNote(text);
    const quotes = note.scopes.list('quote').map(([s, e]) => text.slice(s, e));
    expect(quotes).toEqual(['“I want to go home”', "'no way'"]);
  });

  it('treats a .txt note as prose only', () => {
    const text = '# Not a heading\r\n\r\n> not a quote\r\nsecond line.\r\n';
    const note = parseNote(text, 'text');
    expect(note.nlcst.children).toHaveLength(2);
    for (const w of words(note.nlcst)) expect(text.slice(w.start, w.end)).toBe(w.value);
  });
});

const sentenceTexts = (text: string, kind: 'markdown' | 'text' = 'markdown') =>
  parseNote(text, kind).nlcst.children.flatMap((p) =>
    p.type === 'ParagraphNode' ? p.children.filter((s) => s.type === 'SentenceNode').map((s) => text.slice(s.position!.start.offset, s.position!.end.offset)) : [],
  );
const titles = (text: string, kind: 'markdown' | 'text' = 'markdown') => parseNote(text, kind).scopes.list('title').map(([s, e]) => text.slice(s, e));

describe('title and form lines', () => {
  it('end a sentence at a short line with no final punctuation before a capital, in .txt and .md, LF and CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `About Ibrahim${eol}Ibrahim is ten. He loves water.`;
      for (const kind of ['text', 'markdown'] as const) {
        expect(sentenceTexts(text, kind)).toEqual(['About Ibrahim', 'Ibrahim is ten.', 'He loves water.']);
        expect(titles(text, kind)).toEqual(['About Ibrahim']);
      }
    }
    expect(sentenceTexts('> About Maya\n> Maya is 10.')).toEqual(['About Maya', 'Maya is 10.']);
  });

  it('end a sentence after a bold or italic line, whatever follows', () => {
    const text = "**Parents' views**\nmum was hostile throughout.";
    expect(sentenceTexts(text)).toEqual(["Parents' views", 'mum was hostile throughout.']);
    expect(titles(text)).toEqual(["Parents' views"]);
    expect(sentenceTexts('**Views:**\nMum said no.')).toEqual(['Views:', 'Mum said no.']);
    // Emphasis that runs on across lines is wrapped prose.
    expect(sentenceTexts('*Mum said she was fine\nand then left*')).toHaveLength(1);
  });

  it('read a form as one field a line, its labels and title as the title scope', () => {
    const text = 'Statutory visit 02/12/2025\r\nYP: Jordan Price (14)\r\nPlacement: Oak House (residential)\r\n\r\nVisited Jordan.';
    expect(sentenceTexts(text, 'text')).toEqual(['Statutory visit 02/12/2025', 'YP: Jordan Price (14)', 'Placement: Oak House (residential)', 'Visited Jordan.']);
    expect(titles(text, 'text')).toEqual(['Statutory visit 02/12/2025', 'YP: Jordan Price (14)', 'Placement: Oak House (residential)']);
    expect(titles('Return home interview – Leah (14)\n\nI met Leah.')).toEqual(['Return home interview – Leah (14)']);
    expect(titles('**Missing episode:** Leah went.')).toEqual(['Missing episode']);
    expect(titles('Peer relationships:\nRuby has new friends.')).toEqual(['Peer relationships']);
  });

  it('keep hard-wrapped prose whole', () => {
    const wrapped = [
      'I visited Leo at home with Mum on Tuesday afternoon and we talked about school.',
      'Representatives from the Northfold Community Safeguarding Partnership',
      'Arrangements attended the meeting and Leo said he wanted to stay with Mum.',
    ].join('\n');
    expect(sentenceTexts(wrapped)).toHaveLength(2);
    expect(titles(wrapped)).toEqual([]);
    // A line that ends in a comma, a word that runs on, or before a small letter goes on.
    expect(sentenceTexts('Present were Mum and\nDad.')).toHaveLength(1);
    expect(sentenceTexts('Mum, Dad,\nLeo were there.')).toHaveLength(1);
    expect(sentenceTexts('I saw Leo at home\nwith his mum.')).toHaveLength(1);
    // A name that goes on across the break.
    expect(sentenceTexts('The Multi-Agency\nSafeguarding Hub (MASH) called.')).toHaveLength(1);
    // Only a line that starts its sentence can be a title: this line ends one that began above.
    expect(sentenceTexts('We talked about school and friends\nand home life\nMum agreed.')).toHaveLength(1);
  });

  it('do not take a sentence without its full stop, a list item or the words before a long field for a title', () => {
    expect(sentenceTexts('Jordan was seen at placement\nHe said hello.')).toEqual(['Jordan was seen at placement', 'He said hello.']);
    expect(titles('Jordan was seen at placement\nHe said hello.')).toEqual([]);
    expect(titles('What Leah told me\nShe left.')).toEqual(['What Leah told me']);
    expect(titles('- Leo is scared\n  He hides\n- Mum\n\nEnd.')).toEqual([]);
    expect(titles('- **Views**\n  Leo said no.')).toEqual(['Views']);
    expect(titles('Mum went home.\nNext visit in two weeks\n\nEnd.')).toEqual([]);
    expect(titles('Reason for strat: Kacey (14) disclosed to a teacher that she had been hurt.')).toEqual([]);
    expect(titles('Mum said: I hate him.')).toEqual([]);
    expect(titles('At 10:30 Mum arrived\n\nEnd.')).toEqual(['At 10:30 Mum arrived']);
  });
});

// Generated Markdown: every word's reported range slices back to that word.
const word = fc.constantFrom('Mum', 'hostile', 'CIN', 'he', 'said', 'O’Neil', 'non-compliant', '😀', 'café', 'x2', 'Dr.', 'approx.');
const inline = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: fc.constantFrom('\\*', '\\_', '&amp;', '&copy;', '&#39;', '&#x27;', '\\\\') },
  { weight: 1, arbitrary: word.map((w) => `[${w}](http://example.org/${w})`) },
  { weight: 1, arbitrary: fc.constantFrom('“quoted words”', '"straight"', '`code`') },
);
const line = fc.array(inline, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 4 });
const eol = fc.constantFrom('\n', '\r\n');
const block = fc.tuple(fc.constantFrom('p', 'quote', 'list', 'ordered', 'nested', 'heading', 'tab'), paragraph).map(([kind, lines]) => ({ kind, lines }));
const doc = fc.tuple(fc.array(block, { minLength: 1, maxLength: 6 }), eol).map(([blocks, nl]) =>
  blocks
    .map(({ kind, lines }) => {
      switch (kind) {
        case 'quote': return lines.map((l) => `> ${l}`).join(nl);
        case 'list': return lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join(nl);
        case 'ordered': return lines.map((l, i) => (i === 0 ? `1. ${l}` : `   ${l}`)).join(nl);
        case 'nested': return lines.map((l, i) => (i === 0 ? `- > ${l}` : `  > ${l}`)).join(nl);
        case 'heading': return `## ${lines.join(' ')}`;
        case 'tab': return lines.map((l, i) => (i === 0 ? `-\t${l}` : `\t${l}`)).join(nl);
        default: return lines.join(nl);
      }
    })
    .join(nl + nl),
);

describe('positions (property)', () => {
  it('every word slices back to itself in generated Markdown', () => {
    fc.assert(
      fc.property(doc, (text) => {
        for (const w of words(parseNote(text).nlcst)) {
          if (text.slice(w.start, w.end) !== w.value) {
            // An escape or reference inside a word: the source holds more characters.
            const source = text.slice(w.start, w.end);
            if (!/[\\&]/.test(source)) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('every sentence spans its own words in generated Markdown', () => {
    fc.assert(
      fc.property(doc, (text) => {
        for (const p of parseNote(text).nlcst.children) {
          for (const s of p.children) {
            if (s.type !== 'SentenceNode') continue;
            const first = s.children[0];
            const last = s.children[s.children.length - 1];
            if (s.position!.start.offset !== first.position!.start.offset || s.position!.end.offset !== last.position!.end.offset) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const note = parseNote(text);
        for (const w of words(note.nlcst)) {
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// parse.ts skips parse-english's plugins that have nothing to do in a
// paragraph: the paragraphs must be the ones the whole pipeline (parse-english,
// then the sentence breaks after title lines) gives.
describe('sentences (property)', () => {
  class Reference extends ParseEnglish {
    constructor() {
      super();
      this.tokenizeParagraphPlugins.unshift(mergeAbbreviationSentences);
    }
  }
  const reference = new Reference();
  const piece = fc.constantFrom(
    'word', 'Mum', 'lowercase', '12', "don't", "o'", "'tis", "'n'", 'w/', '/', 'a/b', 'n/a', '&', 'A&B', '-', 'x-', '-y',
    'e.g.', 'U.S.A.', 'approx.', 'Dr.', 'no.', 'etc.', '3.5', '...', '…', '?!', '.', ',', ';', ':', '"', '“', '”', "'", '’',
    '(', ')', '_', '@', '=', '—', '\u00a0', '\t', '\n', '\r\n', '\n\u000b\n', '\r\f\n',
  );
  const text = fc
    .array(fc.tuple(piece, fc.constantFrom('', ' ')), { minLength: 1, maxLength: 30 })
    .map((parts) => parts.map(([p, space]) => p + space).join('').trim())
    .filter((t) => /[a-z0-9]/i.test(t) && !/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(t));
  it('are what parse-english gives for the same text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const [paragraph] = parseNote(value, 'text').nlcst.children;
        delete paragraph.data;
        const expected = reference.tokenizeParagraph(value);
        breakAtTitleLines(expected, value, { start: 0, end: value.length, inList: false, emphasis: [] }, new ScopeIndex());
        expect(JSON.stringify(paragraph)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 2000 },
    );
  });
});
