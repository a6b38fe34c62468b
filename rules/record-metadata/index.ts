import { defineRule } from '../../src/rule.js';
import { frontMatterField, isBlank } from '../../src/frontmatter.js';
import { signatureOf, type Signature } from './signature.js';

interface Options {
  required: string[];
  requireFrontMatter: boolean;
}

/** Why a key matters, for the keys recordlint itself uses. */
const reasons: Record<string, string> = {
  author: 'who wrote the note (Coventry: notes should be "dated and signed")',
  event: 'when the visit, meeting or call happened, so the record is dated and its timeliness can be checked',
  recorded: 'when the note was written',
  child: 'which child the note is about',
  type: 'what kind of work the note records (visit, meeting, phone call...)',
};

const keyList = (keys: readonly string[]) => keys.map((k) => `\`${k}\``).join(', ');

/** Keys a note with no front matter can give in its text, by what gives them: who signed it, and a date. */
const fromSignature = new Map<string, keyof Signature>([
  ['author', 'author'],
  ['event', 'date'],
  ['recorded', 'date'],
]);
const signable = (key: string) => fromSignature.has(key.toLowerCase());

/** What a note without front matter lacks, in words: "is not signed and dated", "is not dated and does not give `type`". */
function lacks(missing: readonly string[]): string {
  const unsigned = missing.some((key) => fromSignature.get(key.toLowerCase()) === 'author');
  const undated = missing.some((key) => fromSignature.get(key.toLowerCase()) === 'date');
  const others = missing.filter((key) => !signable(key));
  const parts = [];
  if (unsigned || undated) parts.push(`is not ${[unsigned && 'signed', undated && 'dated'].filter(Boolean).join(' and ')}`);
  if (others.length) parts.push(`does not give ${keyList(others)}`);
  return parts.join(' and ');
}

/** How to give what is missing: a signature line when that is enough, else front matter (which a .txt note cannot carry). */
function howToGive(missing: readonly string[], required: readonly string[], plainText: boolean): string {
  const frontMatter = `a front matter block giving ${keyList(required)}`;
  if (missing.some((key) => !signable(key))) {
    return plainText ? `Save it as Markdown (.md) and start it with ${frontMatter}.` : `Start it with ${frontMatter}.`;
  }
  const sign = 'End it with a signature line giving your name, role and the date ("Sam Patel, social worker, 16/11/2026")';
  return plainText ? `${sign}.` : `${sign}, or start it with ${frontMatter}.`;
}

export default defineRule<Options>({
  id: 'record-metadata',
  meta: {
    type: 'problem',
    description: 'Notes say who wrote them and when: the front matter keys the team requires are present and filled in',
    guidance: ['coventry:dated-signed'],
    messages: {
      missingKey: 'The front matter has no `{key}`: add {why}.',
      emptyKey: '`{key}` is empty: fill in {why}.',
      noFrontMatter: 'This note has no front matter and {lacks}. {how}',
      noFrontMatterText: 'This plain-text note {lacks}. {how}',
    },
    fixable: false,
    options: {
      required: {
        type: 'string[]',
        default: ['author', 'event'],
        description: 'Front matter keys every note must have, with a value (matched without regard to case).',
      },
      requireFrontMatter: {
        type: 'boolean',
        default: false,
        description:
          'Also report a note with no front matter at all, unless its text is signed and dated (by default such a note, a plain .txt note for example, is left alone).',
      },
    },
    defaultSeverity: 'warn',
    // Reports stand at the top of the note, which is the front matter or,
    // without one, may be an HTML comment.
    reportIn: ['frontmatter', 'html'],
    examples: {
      bad: '---\nchild: Leo Hartley\n---\n\nHome visit to Leo.',
      good: '---\nchild: Leo Hartley\nauthor: Jess Morley, social worker\nevent: 2026-11-16T10:00\n---\n\nHome visit to Leo.',
    },
  },
  create(context, options) {
    return {
      'document:end'() {
        const { frontmatter } = context;
        if (frontmatter.error) return; // the engine already says the front matter could not be read
        const required = [...new Set(options.required.map((k) => k.trim()).filter(Boolean))];
        if (!required.length) return;
        if (!frontmatter.range || !frontmatter.data) {
          if (!options.requireFrontMatter) return;
          // A note signed and dated in its text says who wrote it and when.
          const signature = signatureOf(context.text);
          const given = (key: string) => {
            const part = fromSignature.get(key.toLowerCase());
            return part !== undefined && signature[part] !== undefined;
          };
          const missing = required.filter((key) => !given(key));
          if (!missing.length) return;
          const plainText = context.kind === 'text';
          const firstLine = /^[^\r\n]*/.exec(context.text)![0];
          context.report({
            messageId: plainText ? 'noFrontMatterText' : 'noFrontMatter',
            range: [0, firstLine.length],
            data: { lacks: lacks(missing), how: howToGive(missing, required, plainText) },
          });
          return;
        }
        const top = frontmatter.range[0];
        for (const key of required) {
          const why = reasons[key.toLowerCase()] ?? `\`${key}\` (your configuration requires it)`;
          const field = frontMatterField(context.text, frontmatter, key);
          if (!field) {
            context.report({ messageId: 'missingKey', range: [top, top + 3], data: { key, why } });
          } else if (isBlank(field.value)) {
            context.report({ messageId: 'emptyKey', range: field.keyRange, data: { key: field.key, why } });
          }
        }
      },
    };
  },
});
