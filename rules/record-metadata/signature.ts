// Who signed a note and when, read from its text, for notes with no front
// matter: most notes copied from a case management system, and every plain
// .txt note, end with the writer's name, role and the date.

export interface Signature {
  /** The name in a signature line. */
  author?: string;
  /** A date in a signature line or in a "Date:" line. */
  date?: string;
}

/** A date as notes write it: 11/11/2025, 11.11.25, 2025-11-11, 25 November 2026, 3rd Dec 2025. */
const dateWritten =
  /\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/i;

const dates = new RegExp(dateWritten.source, 'gi');

/**
 * Two to four capitalised words ("Gareth Owen", "Mary-Jane O'Neil"), or an initial and a surname ("J Hurst").
 * Characters outside ASCII as \u escapes, which RegExp reads: the bundle is ASCII (scripts/bundle.mjs).
 */
const name = String.raw`(?:[A-Z][a-z'\u2019-]+|[A-Z]\.?)(?:[ \t]+[A-Z][a-zA-Z'\u2019-]+){1,3}`;

/**
 * "Signed: Mark Ellery", "Written by Beth Carroll", "Worker: Gareth Owen", "Kept by: Nadia Rahman" (a
 * chronology's keeper), "Last updated by Ola Nowak": a name after a label, anywhere in the note.
 */
const labelledName = new RegExp(
  // "by" then an optional colon: "(?:[ \t]*:)?" and not "[ \t]*:?", which before "[ \t]*" backtracks quadratically.
  String.raw`^(?:(?:signed|written|recorded|completed|author|worker)(?:[ \t]+by(?:[ \t]*:)?|[ \t]*:)|(?:last[ \t]+)?(?:kept|prepared|updated|reviewed|maintained)[ \t]+by(?:[ \t]*:)?)[ \t]*(${name})\b`,
  'i',
);

/**
 * "Gareth Owen, social worker – written up 11/11/2025", "Anna Kowalczyk": a
 * name that starts a line, then the end of the line or a comma or dash and
 * the rest (a role, a date).
 */
const nameFirst = new RegExp(String.raw`^(${name})[ \t]*(?:$|[,\u2013\u2014-])`);

/** First words of capitalised lines that are headings or roles, not names: "Next Steps", "Social Worker". */
const notSigners = new Set(['next', 'case', 'plan', 'actions', 'action', 'social', 'team', 'family', 'child', 'date', 'outcome', 'review', 'visit', 'meeting', 'summary', 'notes', 'the', 'no']);

/**
 * A line that dates the note: "Date: 20/11/2025", "Date and time: ...", "Written on 25 November 2026", and a
 * kept record's "Last reviewed: 01/12/2025", "Updated on 3 March 2026".
 */
const dateLabel = /^(?:date\b|dated\b|written\b|recorded\b|signed\b|last[ \t]+(?:reviewed|updated)\b|(?:reviewed|updated)[ \t]*(?::|on\b))/i;

/** How many lines at the end of the note may hold the closing signature. */
const closingLines = 3;

/** The name and date a note's text is signed with, from its signature lines and "Date:" lines. */
export function signatureOf(text: string): Signature {
  const lines = text.split(/\r\n|\r|\n/).map(plain);
  const filled = lines.flatMap((line, i) => (line ? [i] : []));
  const closingFrom = filled.at(-closingLines) ?? 0;
  const found: Signature = {};
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const signer = labelledName.exec(line)?.[1] ?? (i >= closingFrom ? closingName(line) : undefined);
    if (signer) found.author ??= signer;
    // A title dates the note too ("Supervision 21/11/2025 - the Patel family"), but not with a date of birth.
    if (signer || dateLabel.test(line) || i === filled[0]) found.date ??= dateIn(line);
  }
  return found;
}

/** The first date in a line that is not a date of birth ("Leah Morgan DOB 03/04/2016", "(born 14/02/2019)"). */
function dateIn(line: string): string | undefined {
  for (const m of line.matchAll(dates)) {
    if (!/(?:\bborn|\bdob|\bd\.o\.b\.?|date of birth)\W*$/i.test(line.slice(0, m.index))) return m[0];
  }
  return undefined;
}

/**
 * The name a closing line starts with, when the line reads as a signature:
 * the name alone, with a date, or with a short role after it ("Olu Adeyemi,
 * social worker"), and not a sentence about someone ("Mr Pollard, the head of
 * year, will send the figures every Friday.").
 */
function closingName(line: string): string | undefined {
  const m = nameFirst.exec(line);
  if (!m || notSigners.has(m[1].split(/\s/)[0].toLowerCase())) return undefined;
  // The rest of the line is sliced off, not captured: `(.*)$` after the name takes quadratic time (test/redos.test.ts).
  const rest = line.slice(m[0].length).trim();
  if (!rest || dateWritten.test(rest)) return m[1];
  return rest.split(/\s+/).length <= 6 && !/[.!?]$/.test(rest) ? m[1] : undefined;
}

/** A line without Markdown emphasis, list or quote markers: "**Signed:** Mark Ellery" is "Signed: Mark Ellery". */
function plain(line: string): string {
  return line.replace(/[*_`]/g, '').replace(/^\s*(?:>\s*)*(?:[-+]\s+)?/, '').trim();
}
