import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toString } from 'nlcst-to-string';
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import { parseNote } from '../src/parse.js';
import { mergeAbbreviationSentences } from '../src/sentences.js';

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
// paragraph: the paragraphs must be the ones the whole pipeline gives.
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
        expect(JSON.stringify(paragraph)).toBe(JSON.stringify(reference.tokenizeParagraph(value)));
      }),
      { numRuns: 2000 },
    );
  });
});
