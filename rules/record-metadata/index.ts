import { defineRule } from '../../src/rule.js';
import { frontMatterField, isBlank } from '../../src/frontmatter.js';

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

export default defineRule<Options>({
  id: 'record-metadata',
  meta: {
    type: 'problem',
    description: 'Notes say who wrote them and when: the front matter keys the team requires are present and filled in',
    guidance: ['coventry:dated-signed'],
    messages: {
      missingKey: 'The front matter has no `{key}`: add {why}.',
      emptyKey: '`{key}` is empty: fill in {why}.',
      noFrontMatter: 'This note has no front matter, so it does not say who wrote it or when. Start it with a front matter block giving {keys}.',
      noFrontMatterText:
        'This plain-text note cannot say who wrote it or when in a form recordlint can check. Save it as Markdown (.md) and start it with a front matter block giving {keys}.',
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
        description: 'Also report a note with no front matter at all (by default such a note, a plain .txt note for example, is left alone).',
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
          const firstLine = /^[^\r\n]*/.exec(context.text)![0];
          context.report({
            messageId: context.kind === 'text' ? 'noFrontMatterText' : 'noFrontMatter',
            range: [0, firstLine.length],
            data: { keys: keyList(required) },
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
