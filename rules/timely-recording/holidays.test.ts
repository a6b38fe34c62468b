import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, formatDay, isWorkingDay, dayNumber, checkedYears } from './holidays.js';
import { parseWhen, londonToInstant, londonOffset, describe as describeWhen } from './dates.js';
import { workingDaysAfter } from './index.js';

// England and Wales bank holidays as published on gov.uk/bank-holidays
// (2018-2027, including the moved and one-off days).
const published: Record<number, string[]> = {
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

// Easter Sunday, 2018-2035.
const easter = [
  '2018-04-01', '2019-04-21', '2020-04-12', '2021-04-04', '2022-04-17', '2023-04-09', '2024-03-31', '2025-04-20', '2026-04-05',
  '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21', '2031-04-13', '2032-03-28', '2033-04-17', '2034-04-09', '2035-03-25',
];

const day = (iso: string) => dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));

describe('England and Wales bank holidays', () => {
  for (const [year, days] of Object.entries(published)) {
    it(`${year} matches gov.uk`, () => {
      expect([...bankHolidays(+year).keys()].sort((a, b) => a - b).map(formatDay)).toEqual(days.map((d) => `${year}-${d}`));
    });
  }

  it('computes Easter Sunday for 2018-2035', () => {
    const years = Array.from({ length: checkedYears.to - checkedYears.from + 1 }, (_, i) => checkedYears.from + i);
    expect(years.map((y) => formatDay(easterSunday(y)))).toEqual(easter);
  });

  it('has eight bank holidays every year 2028-2035, all on weekdays', () => {
    for (let year = 2028; year <= checkedYears.to; year++) {
      const days = [...bankHolidays(year).keys()];
      expect(days).toHaveLength(8);
      for (const d of days) expect(isWorkingDay(d)).toBe(false);
      for (const d of days) expect([1, 2, 3, 4, 5]).toContain(new Date(d * 86_400_000).getUTCDay());
    }
  });

  it('gives Christmas substitute days for every weekend pattern', () => {
    // 25th on Saturday (2021, 2027): Monday 27th and Tuesday 28th.
    expect(['2027-12-27', '2027-12-28'].map((d) => isWorkingDay(day(d)))).toEqual([false, false]);
    // 25th on Sunday (2022, 2033): Boxing Day Monday 26th, Christmas substitute Tuesday 27th.
    expect(bankHolidays(2033).get(day('2033-12-27'))).toBe('Christmas Day (substitute day)');
    expect(bankHolidays(2033).get(day('2033-12-26'))).toBe('Boxing Day');
    // 25th on Friday (2026, 2037): Boxing Day substitute Monday 28th.
    expect(bankHolidays(2026).get(day('2026-12-28'))).toBe('Boxing Day (substitute day)');
    expect(bankHolidays(2037).get(day('2037-12-28'))).toBe('Boxing Day (substitute day)');
  });

  it('counts working days after the event day up to and including the day of writing', () => {
    expect(workingDaysAfter(day('2026-11-16'), day('2026-11-16'))).toBe(0);
    expect(workingDaysAfter(day('2026-11-16'), day('2026-11-18'))).toBe(2);
    expect(workingDaysAfter(day('2026-11-20'), day('2026-11-23'))).toBe(1);
    expect(workingDaysAfter(day('2026-12-24'), day('2026-12-30'))).toBe(2);
    expect(workingDaysAfter(day('2022-06-01'), day('2022-06-07'))).toBe(2);
  });
});

describe('UK local time', () => {
  it('reads winter times as GMT and summer times as BST', () => {
    expect(parseWhen('2026-01-15T10:00')).toMatchObject({ instant: Date.parse('2026-01-15T10:00:00Z'), minutes: 600 });
    expect(parseWhen('2026-07-15 10:00')).toMatchObject({ instant: Date.parse('2026-07-15T09:00:00Z'), minutes: 600 });
    expect(parseWhen('15/07/2026 10:00')).toMatchObject({ instant: Date.parse('2026-07-15T09:00:00Z') });
  });

  it('handles the hours around the clock changes', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    expect(londonToInstant(Date.UTC(2026, 2, 29, 0, 30))).toBe(Date.parse('2026-03-29T00:30:00Z'));
    expect(londonToInstant(Date.UTC(2026, 2, 29, 2, 30))).toBe(Date.parse('2026-03-29T01:30:00Z'));
    // 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 happens twice and the later is taken.
    expect(londonToInstant(Date.UTC(2026, 9, 25, 1, 30))).toBe(Date.parse('2026-10-25T01:30:00Z'));
    expect(londonToInstant(Date.UTC(2026, 9, 25, 0, 30))).toBe(Date.parse('2026-10-24T23:30:00Z'));
  });

  it('agrees with Intl (Europe/London) around every clock change 2018-2035', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
    const offsetByIntl = (t: number) => {
      const name = intl.formatToParts(t).find((p) => p.type === 'timeZoneName')!.value;
      return name === 'GMT' ? 0 : Number(name.replace('GMT', '')) * 60;
    };
    for (let year = 2018; year <= 2035; year++) {
      for (const month of [2, 9]) {
        // Every 30 minutes through the last eight days of March and October.
        const end = Date.UTC(year, month + 1, 1);
        for (let t = end - 8 * 86_400_000; t < end; t += 30 * 60_000) expect(londonOffset(t), new Date(t).toISOString()).toBe(offsetByIntl(t));
      }
      for (const t of [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)]) expect(londonOffset(t)).toBe(offsetByIntl(t));
    }
  });

  it('puts a moment with an offset on its UK day', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(describeWhen(parseWhen('2026-06-30T23:30Z') as never)).toBe('Wednesday 1 July 2026 at 00:30');
    expect(describeWhen(parseWhen('2026-12-01T09:00+05:30') as never)).toBe('Tuesday 1 December 2026 at 03:30');
  });

  it('rejects what it cannot read, saying why', () => {
    expect(parseWhen('2026-02-29')).toBe('"2026-02-29" is not a real date');
    expect(parseWhen('2028-02-29')).toMatchObject({ minutes: null });
    expect(parseWhen('2026-11-16T24:00')).toBe('"2026-11-16T24:00" is not a real time');
    expect(parseWhen('16 November 2026')).toMatch(/not a date in a format/);
    expect(parseWhen('26-11-16')).toMatch(/not a date in a format/);
    expect(parseWhen(true)).toBe('true is not a date');
  });
});
