// Dates and times from front matter, read as UK local time (Europe/London:
// GMT in winter, BST in summer) unless the value carries its own offset.
import { civilDate, dayNumber, dayOfWeek, formatDay } from './holidays.js';

export interface When {
  /** The UK calendar day (days since 1970-01-01). */
  day: number;
  /** The moment, in milliseconds since the epoch, when a time was given. */
  instant: number | null;
  /** Minutes since UK midnight, when a time was given. */
  minutes: number | null;
}

export const acceptedFormats = '2026-11-16, 2026-11-16T10:00, 2026-11-16 10:00 or 16/11/2026 10:00 (UK time; seconds and a Z or +01:00 offset are optional)';

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Read a front matter date; a string describing the problem when it cannot be read. */
export function parseWhen(raw: unknown): When | string {
  if (typeof raw !== 'string') return `${JSON.stringify(raw)} is not a date`;
  const value = raw.trim();
  let year: number, month: number, day: number;
  let hour: number | undefined, minute: number | undefined, second = 0;
  let zone: string | undefined;
  let m = iso.exec(value);
  if (m) {
    [year, month, day] = [+m[1], +m[2], +m[3]];
    if (m[4] !== undefined) [hour, minute, second] = [+m[4], +m[5], m[6] ? +m[6] : 0];
    zone = m[7];
  } else if ((m = uk.exec(value))) {
    [day, month, year] = [+m[1], +m[2], +m[3]];
    if (m[4] !== undefined) [hour, minute, second] = [+m[4], +m[5], m[6] ? +m[6] : 0];
  } else {
    return `"${value}" is not a date in a format recordlint reads`;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `"${value}" is not a real date`;
  if (hour === undefined || minute === undefined) return { day: dayNumber(year, month, day), instant: null, minutes: null };
  if (hour > 23 || minute > 59 || second > 59) return `"${value}" is not a real time`;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone) {
    const offset = zone.toUpperCase() === 'Z' ? 0 : zoneMinutes(zone);
    if (offset === undefined) return `"${value}" has an offset recordlint cannot read`;
    const instant = wall - offset * 60_000;
    const local = londonWallClock(instant);
    return { day: Math.floor(local / 86_400_000), instant, minutes: Math.floor((local % 86_400_000) / 60_000) };
  }
  return { day: dayNumber(year, month, day), instant: londonToInstant(wall), minutes: hour * 60 + minute };
}

/** The UK day and time of a moment (for "now"). */
export function whenOf(instant: number): When {
  const local = londonWallClock(instant);
  return { day: Math.floor(local / 86_400_000), instant, minutes: Math.floor((local % 86_400_000) / 60_000) };
}

function daysInMonth(year: number, month: number): number {
  return civilDate(Math.floor(Date.UTC(year, month, 0) / 86_400_000)).day;
}

function zoneMinutes(zone: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m || +m[2] > 14 || +m[3] > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

/**
 * UK clock rules (Summer Time Order 2002, the EU rule): British Summer Time,
 * one hour ahead of GMT, from 01:00 GMT on the last Sunday of March to 01:00
 * GMT on the last Sunday of October. Computed rather than asked of
 * Intl.DateTimeFormat, whose time zone data costs 15-50 ms to load on a cold
 * start; the tests check this against Intl for every change 2018-2035.
 */
function lastSundayAtOneUtc(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0, 1);
  return last - dayOfWeek(Math.floor(last / 86_400_000)) * 86_400_000;
}

/** Minutes UK clocks are ahead of UTC at a moment: 0 (GMT) or 60 (BST). */
export function londonOffset(instant: number): number {
  const year = civilDate(Math.floor(instant / 86_400_000)).year;
  return instant >= lastSundayAtOneUtc(year, 2) && instant < lastSundayAtOneUtc(year, 9) ? 60 : 0;
}

/** The UK wall-clock time of a moment, as milliseconds of a UTC date with those fields. */
export function londonWallClock(instant: number): number {
  return instant + londonOffset(instant) * 60_000;
}

/**
 * The moment a UK wall-clock time names. In the hour the clocks go back, the
 * later (GMT) reading is taken; a time in the hour the clocks skip in spring
 * is read as BST.
 */
export function londonToInstant(wall: number): number {
  const first = wall - (londonWallClock(wall) - wall);
  const offset = londonWallClock(first) - first;
  const second = wall - offset;
  return londonWallClock(second) === wall ? second : first;
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday 16 November 2026", or with the time: "Monday 16 November 2026 at 10:00". */
export function describe(when: When): string {
  const [y, mo, d] = formatDay(when.day).split('-').map(Number);
  const date = `${weekdays[dayOfWeek(when.day)]} ${d} ${months[mo - 1]} ${y}`;
  if (when.minutes === null) return date;
  const hh = String(Math.floor(when.minutes / 60)).padStart(2, '0');
  const mm = String(when.minutes % 60).padStart(2, '0');
  return `${date} at ${hh}:${mm}`;
}
