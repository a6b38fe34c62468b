// Bank holidays in England and Wales, computed: the fixed rules (New Year's
// Day, Good Friday and Easter Monday from the date of Easter, the first and
// last Mondays of May, the last Monday of August, Christmas and Boxing Day with
// their substitute days) plus the changes the government made by proclamation
// in 2018-2035. No library: date-holidays costs about 230 ms to load and
// compute, more than recordlint's whole start-up budget (see README.md).
//
// Dates are plain calendar days, written as 'YYYY-MM-DD' and handled as day
// numbers (days since 1970-01-01), so no time zone can shift them.

/** Changes to the usual pattern, from the published gov.uk lists. */
const moved: Record<string, string> = {
  // Early May bank holiday moved to Friday for the 75th anniversary of VE Day.
  '2020-05-04': '2020-05-08',
  // Spring bank holiday moved to Thursday for the Platinum Jubilee.
  '2022-05-30': '2022-06-02',
};
const added: Record<string, string> = {
  '2022-06-03': "Queen's Platinum Jubilee",
  '2022-09-19': 'State Funeral of Queen Elizabeth II',
  '2023-05-08': 'Coronation of King Charles III',
};

/** The years the table is checked for; outside them the usual rules still apply, without one-off days. */
export const checkedYears = { from: 2018, to: 2035 } as const;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function dayOfWeek(day: number): number {
  // 1970-01-01 was a Thursday (4); 0 = Sunday.
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The calendar date of a day number (proleptic Gregorian, the days-to-civil
 * algorithm of Howard Hinnant's date library): what `new Date(day * 86_400_000)`
 * gives in UTC, without making a Date.
 */
export function civilDate(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Months from March, so that February's leap day comes last.
  const fromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * fromMarch + 2) / 5) + 1 };
}

/** 'YYYY-MM-DD', as `toISOString` writes the day. */
export function formatDay(day: number): string {
  const date = civilDate(day);
  // toISOString writes other years with a sign and six digits.
  if (date.year < 0 || date.year > 9999) return new Date(day * 86_400_000).toISOString().slice(0, 10);
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

function firstMonday(year: number, month: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayNumber(year, month + 1, 1) - 1;
  return last - ((dayOfWeek(last) + 6) % 7);
}

/** The bank holidays of one year, by day number, with their names. */
export function bankHolidays(year: number): Map<number, string> {
  const days = new Map<number, string>();
  const add = (day: number, name: string) => {
    const key = formatDay(day);
    const to = moved[key];
    days.set(to ? dayNumber(+to.slice(0, 4), +to.slice(5, 7), +to.slice(8, 10)) : day, name);
  };
  // New Year's Day, or the Monday after when it falls at a weekend.
  const newYear = dayNumber(year, 1, 1);
  const nyDow = dayOfWeek(newYear);
  add(nyDow === 6 ? newYear + 2 : nyDow === 0 ? newYear + 1 : newYear, nyDow === 6 || nyDow === 0 ? "New Year's Day (substitute day)" : "New Year's Day");
  const easter = easterSunday(year);
  add(easter - 2, 'Good Friday');
  add(easter + 1, 'Easter Monday');
  add(firstMonday(year, 5), 'Early May bank holiday');
  add(lastMonday(year, 5), 'Spring bank holiday');
  add(lastMonday(year, 8), 'Summer bank holiday');
  // Christmas and Boxing Day: a day that falls at a weekend moves to the
  // next weekday not already a holiday (2022: Boxing Day on Monday 26th,
  // Christmas substitute on Tuesday 27th).
  const christmas = dayNumber(year, 12, 25);
  const both = [[christmas, 'Christmas Day'], [christmas + 1, 'Boxing Day']] as const;
  const weekend = (day: number) => dayOfWeek(day) === 0 || dayOfWeek(day) === 6;
  for (const [day, name] of both) if (!weekend(day)) add(day, name);
  for (const [day, name] of both) {
    if (!weekend(day)) continue;
    let sub = day;
    while (weekend(sub) || days.has(sub)) sub++;
    add(sub, `${name} (substitute day)`);
  }
  for (const [date, name] of Object.entries(added)) {
    if (+date.slice(0, 4) === year) days.set(dayNumber(year, +date.slice(5, 7), +date.slice(8, 10)), name);
  }
  return days;
}

const cache = new Map<number, Map<number, string>>();

/** The name of the bank holiday on this day, if it is one. */
export function bankHoliday(day: number): string | undefined {
  const year = civilDate(day).year;
  let days = cache.get(year);
  if (!days) cache.set(year, (days = bankHolidays(year)));
  return days.get(day);
}

export function isWorkingDay(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && bankHoliday(day) === undefined;
}
