import { defineRule, type RuleContext } from '../../src/rule.js';
import { frontMatterField, isBlank, type FrontMatterField } from '../../src/frontmatter.js';
import { formatDay, isWorkingDay } from './holidays.js';
import { acceptedFormats, describe, parseWhen, whenOf, type When } from './dates.js';

/**
 * Where "now" comes from when a note has no `recorded` date. Tests replace
 * `clock.now`; nothing else should.
 */
export const clock = { now: (): number => Date.now() };

interface Options {
  workingDays: number;
  urgentHours: number;
  standard: string;
  missingRecorded: 'now' | 'skip';
}

/** What makes a note one where significant harm is being assessed. */
const urgentTopics: Array<[RegExp, string]> = [
  [/\bsection\s*47\b|\bs\.?\s?47\b/i, 'a section 47 enquiry'],
  [/\bstrategy\s+discussions?\b/i, 'a strategy discussion'],
  [/\bstrategy\s+meetings?\b/i, 'a strategy meeting'],
  [/\bsignificant\s+harm\b/i, 'significant harm'],
  [/\b(?:child\s+protection|CP)\s+medicals?\b/i, 'a child protection medical'],
  [/\bpolice\s+protection\b/i, 'police protection'],
  [/\bemergency\s+protection\s+orders?\b/i, 'an emergency protection order'],
];

/**
 * A mention in a sentence that denies, doubts or looks back on it is not
 * evidence that this note records such work ("the threshold for a strategy
 * discussion is not met", "if concerns continue", "a section 47 enquiry in 2019").
 */
const hedged = /\b(?:not|no|never|without|if|unless|whether|consider|considered|considering|may|might|could|would|should|previous|previously|history|historic|historical|past)\b|n['’]t\b/i;

const yes = new Set(['true', 'yes', 'y']);
const no = new Set(['false', 'no', 'n']);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minute');
  return rest ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
}

/** Working days after `from` up to and including `to` (both UK calendar days). */
export function workingDaysAfter(from: number, to: number): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) count++;
  return count;
}

/** Why the 24-hour limit applies, or undefined when it does not. */
function urgentReason(context: RuleContext): string | undefined {
  const flag = frontMatterField(context.text, context.frontmatter, 'safeguarding');
  if (flag && !isBlank(flag.value)) {
    const value = String(flag.value).trim().toLowerCase();
    if (yes.has(value)) return `the front matter says ${flag.key}: ${String(flag.value).trim()}`;
    if (no.has(value)) return undefined;
  }
  const type = frontMatterField(context.text, context.frontmatter, 'type');
  if (type && typeof type.value === 'string') {
    for (const [pattern] of urgentTopics) {
      if (pattern.test(type.value)) return `the front matter says ${type.key}: ${type.value.trim()}`;
    }
  }
  for (const sentence of context.sentences) {
    for (const [pattern, topic] of urgentTopics) {
      const m = pattern.exec(sentence.text);
      if (!m || hedged.test(sentence.text)) continue;
      return `the note mentions ${topic} on line ${context.pointAt(sentence.start + m.index).line}`;
    }
  }
  return undefined;
}

export default defineRule<Options>({
  id: 'timely-recording',
  meta: {
    type: 'problem',
    description: 'Case notes written within the working days the standard allows, and within 24 hours where significant harm is assessed',
    guidance: ['coventry:timeliness', 'dudley:timeliness'],
    messages: {
      late: 'This note was written {elapsed} after the event ({event} to {recorded}). {standard} asks for case notes within {limit}, so it is {over} late.',
      lateNow:
        'This note has no `recorded` date, and it is now {elapsed} after the event ({event}). {standard} asks for case notes within {limit}, so it is {over} late. If it was written earlier, add `recorded:` with that date.',
      lateUrgent:
        'This note was written {elapsed} after the event ({event} to {recorded}). Where significant harm is being assessed ({why}), {standard} asks for the record within {limit}, so it is {over} late.',
      lateUrgentNow:
        'This note has no `recorded` date, and it is now {elapsed} after the event ({event}). Where significant harm is being assessed ({why}), {standard} asks for the record within {limit}, so it is {over} late. If it was written earlier, add `recorded:` with that date.',
      badDate: '`{key}` cannot be read: {problem}. Write it as {formats}.',
      recordedBeforeEvent: '`{recorded}` ({recordedWhen}) is before `{event}` ({eventWhen}): check both dates.',
      eventInFuture: '`{event}` ({eventWhen}) is later than now, and the note has no `recorded` date: check the date of the event.',
    },
    fixable: false,
    options: {
      workingDays: {
        type: 'number',
        default: 2,
        min: 1,
        integer: true,
        description: 'Working days (Monday to Friday, less England and Wales bank holidays) allowed after the day of the event. Coventry: 2; Dudley: 3.',
      },
      urgentHours: {
        type: 'number',
        default: 24,
        min: 1,
        integer: true,
        description: 'Hours allowed where significant harm is being assessed (front matter `safeguarding: true`, or the note records a section 47 enquiry, a strategy discussion or meeting, significant harm, a child protection medical or police protection).',
      },
      standard: {
        type: 'string',
        default: "Coventry's Record Keeping Practice Guidance",
        description: 'The standard named in the message as the one that sets the limit.',
      },
      missingRecorded: {
        type: 'enum',
        default: 'now',
        values: ['now', 'skip'],
        description: 'A note with `event` but no `recorded` date: "now" checks it as if written now (for a pre-commit hook), "skip" leaves it alone (for CI runs over notes written earlier).',
      },
    },
    defaultSeverity: 'warn',
    // This rule reports only at front matter keys.
    reportIn: ['frontmatter'],
    examples: {
      bad: '---\nevent: 2026-11-16T10:00\nrecorded: 2026-11-24T16:50\n---\nHome visit to Leo.',
      good: '---\nevent: 2026-11-16T10:00\nrecorded: 2026-11-18T16:50\n---\nHome visit to Leo.',
    },
  },
  create(context, options) {
    return {
      'document:end'() {
        if (!context.frontmatter.data) return;
        const eventField = frontMatterField(context.text, context.frontmatter, 'event');
        if (!eventField || isBlank(eventField.value)) return;
        const event = parseWhen(eventField.value);
        if (typeof event === 'string') return badDate(eventField, event);

        const recordedField = frontMatterField(context.text, context.frontmatter, 'recorded');
        let recorded: When;
        const fromNow = !recordedField || isBlank(recordedField.value);
        if (fromNow) {
          if (options.missingRecorded === 'skip') return;
          recorded = whenOf(clock.now());
        } else {
          const parsed = parseWhen(recordedField.value);
          if (typeof parsed === 'string') return badDate(recordedField, parsed);
          recorded = parsed;
        }
        const at = fromNow ? eventField : recordedField!;

        // The most favourable reading of a missing time: an event late in its
        // day, a note written early in its day.
        const eventLatest = event.instant ?? (parseWhen(`${formatDay(event.day)}T23:59`) as When).instant!;
        const recordedEarliest = recorded.instant ?? (parseWhen(`${formatDay(recorded.day)}T00:00`) as When).instant!;
        const backwards = recorded.day < event.day || (recorded.instant !== null && event.instant !== null && recorded.instant < event.instant);
        if (backwards) {
          if (fromNow) {
            context.report({ messageId: 'eventInFuture', range: eventField.valueRange, data: { event: eventField.key, eventWhen: describe(event) } });
          } else {
            context.report({
              messageId: 'recordedBeforeEvent',
              range: recordedField!.valueRange,
              data: { recorded: recordedField!.key, recordedWhen: describe(recorded), event: eventField.key, eventWhen: describe(event) },
            });
          }
          return;
        }

        const minutes = Math.floor((recordedEarliest - eventLatest) / 60_000);
        // In time by both limits: nothing to report, whichever applies (the
        // hours first: within them, only a day or two can have passed).
        if (minutes <= options.urgentHours * 60 && workingDaysAfter(event.day, recorded.day) <= options.workingDays) return;
        const shown = () => ({ event: describe(event), recorded: describe(recorded), standard: options.standard });
        const why = urgentReason(context);
        if (why !== undefined) {
          const elapsed = minutes;
          const limit = options.urgentHours * 60;
          if (elapsed <= limit) return;
          const approximate = event.instant === null || recorded.instant === null ? 'at least ' : '';
          context.report({
            messageId: fromNow ? 'lateUrgentNow' : 'lateUrgent',
            range: at.valueRange,
            data: { ...shown(), why, elapsed: approximate + duration(elapsed), limit: plural(options.urgentHours, 'hour'), over: approximate + duration(elapsed - limit) },
          });
          return;
        }

        const elapsed = workingDaysAfter(event.day, recorded.day);
        if (elapsed <= options.workingDays) return;
        context.report({
          messageId: fromNow ? 'lateNow' : 'late',
          range: at.valueRange,
          data: {
            ...shown(),
            elapsed: plural(elapsed, 'working day'),
            limit: plural(options.workingDays, 'working day'),
            over: plural(elapsed - options.workingDays, 'working day'),
          },
        });

        function badDate(field: FrontMatterField, problem: string) {
          const range = field.valueRange[1] > field.valueRange[0] ? field.valueRange : field.keyRange;
          context.report({ messageId: 'badDate', range, data: { key: field.key, problem, formats: acceptedFormats } });
        }
      },
    };
  },
});

