// The abbreviation dictionary: the built-in list (abbreviations.json), a
// team's lists (`lexicons`) and glossary (`glossary`), looked up by the form
// as written ("CiC", "DNA'd", "s 47") or, for dotted and section forms, by key
// ("P.L.O." is PLO, "S.47" is s47).
import type { Lexicon, LexiconEntry } from '../../src/lexicon.js';
import { keyOf, type KnownForms } from './scan.js';

export interface AbbreviationEntry extends LexiconEntry {
  /** Several meanings: the message lists them and asks which. */
  ambiguous?: boolean;
  /** Note-taking shorthand ("T/C", "appt"): the advice is to write the word, not to define it. */
  shorthand?: boolean;
}

/** The extra fields abbreviation lists may have (docs/LEXICON-FORMAT.md: rules define their own). */
export const extraFields = { ambiguous: 'boolean', shorthand: 'boolean' } as const;

export class Dictionary implements KnownForms {
  private exact = new Map<string, AbbreviationEntry>();
  /** 1 where some form as written has this first character (folded to 7 bits) and length (up to 63). */
  private firstAndLength = new Uint8Array(128 * 64);
  private byKey = new Map<string, AbbreviationEntry>();
  /** Long forms by entry, as lower-case words, for recognising definitions. */
  private longForms = new Map<AbbreviationEntry, string[][]>();

  /** Lists in order of precedence: the first to list a form wins. */
  constructor(lists: readonly Lexicon[], allow: ReadonlySet<string> = new Set()) {
    for (const list of lists) {
      for (const entry of list.entries as AbbreviationEntry[]) {
        if (allow.has(entry.id)) continue;
        for (const form of entry.match) {
          if (!this.exact.has(form)) this.exact.set(form, entry);
          this.firstAndLength[firstAndLength(form.charCodeAt(0), form.length)] = 1;
          const key = keyOf(form);
          if (!this.byKey.has(key)) this.byKey.set(key, entry);
        }
      }
    }
  }

  has(form: string): boolean {
    return this.exact.has(form);
  }

  mayHave(first: number, length: number): boolean {
    return this.firstAndLength[firstAndLength(first, length)] === 1;
  }

  /** The entry for a form as written, or by key for dotted and section forms. */
  lookup(written: string, base: string, key: string, byKey: boolean): AbbreviationEntry | undefined {
    return this.exact.get(written) ?? this.exact.get(base) ?? (byKey ? this.byKey.get(key) : undefined);
  }

  /** Is this key (upper case) a known abbreviation, however written? */
  knowsKey(key: string): boolean {
    return this.byKey.has(key);
  }

  expansionsOf(entry: AbbreviationEntry): string[][] {
    let forms = this.longForms.get(entry);
    if (!forms) {
      forms = [];
      for (const expected of entry.expected) {
        for (const variant of [expected, plainLongForm(expected)]) {
          const words = variant.toLowerCase().replace(/’/g, "'").split(/[\s\-‐‑–/,()]+/).filter(Boolean);
          if (words.length) forms.push(words);
        }
      }
      this.longForms.set(entry, forms);
    }
    return forms;
  }
}

const firstAndLength = (first: number, length: number) => (first & 127) * 64 + Math.min(length, 63);

/** "general practitioner (family doctor)" -> "general practitioner": the words to write before "(GP)". */
export function plainLongForm(expected: string): string {
  // As `expected.replace(/\s*\([^)]*\)\s*$/, '').trim()`, without that expression's quadratic backtracking.
  const text = expected.trimEnd();
  if (!text.endsWith(')')) return expected.trim();
  const open = text.indexOf('(', text.lastIndexOf(')', text.length - 2) + 1);
  return open >= 0 && open < text.length - 1 ? text.slice(0, open).trim() : expected.trim();
}

/** A team glossary ({ "FSW": "family support worker" }) as a list. */
export function glossaryList(glossary: Readonly<Record<string, string>>): Lexicon {
  return {
    entries: Object.entries(glossary).map(([abbreviation, expansion], index) => ({
      id: `glossary-${index}`,
      match: [abbreviation],
      expected: [expansion],
      note: 'From your team glossary.',
      source: 'team glossary',
    })),
  };
}

/**
 * Abbreviations everybody reading a note in the UK knows, never reported:
 * writing them out would make the note harder to read, not easier. A team
 * can add its own with `allow`.
 */
export const everyday: ReadonlySet<string> = new Set([
  'OK', 'TV', 'UK', 'GB', 'USA', 'EU', 'UN', 'ID', 'NHS', 'PE', 'IT', 'ICT', 'BBC', 'ITV', 'DVD', 'CD', 'USB', 'PIN', 'ATM',
  'SIM', 'SMS', 'CCTV', 'GCSE', 'SAT', 'SATS', 'BTEC', 'NVQ', 'MP', 'AM', 'PM', 'GMT', 'BST', 'NB', 'PS', 'AKA', 'ASAP',
  'FAQ', 'VIP', 'IQ', 'HQ', 'DIY', 'TBC', 'TBA', 'PTO', 'RSVP', 'ETA', 'COVID', 'LGBT', 'LGBTQ', 'RSPCA', 'NSPCC', 'YMCA',
  'KFC', 'IKEA', 'LEGO', 'BMX', 'XBOX', 'PS4', 'PS5', 'HD', 'LED', 'PDF', 'DJ', 'MRI', 'HIV', 'WIFI', 'A4', 'A3', 'A5',
  'MR', 'MRS', 'MS', 'DR', 'LTD', 'PLC', 'QC', 'KC', 'RE', 'FWD', 'CC', 'BCC',
]);

/**
 * Known to every reader too (the research allow-list, shared/research/domain.md
 * A1.2), so a note need not write them out, but still abbreviations: unlike
 * `everyday`, `mode: "never"` reports them.
 */
export const widelyKnown: ReadonlySet<string> = new Set(['GP', 'A&E']);
