// ISO weeks and Chinese dates. Pure: the week comes from the command line, never from the clock.
import { WEEKDAYS, type Weekday } from './model.ts';

const WEEK = /^(\d{4})-W(\d{2})$/;

export function isWeek(week: string): boolean {
  const m = WEEK.exec(week);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= weeksInYear(Number(m[1]));
}

function weeksInYear(year: number): number {
  // a year has 53 ISO weeks when 28 December falls in week 53
  const dec28 = new Date(Date.UTC(year, 11, 28));
  return isoWeekOf(dec28).week;
}

function isoWeekOf(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** The ISO date (YYYY-MM-DD) of `day` in `week` (e.g. 2026-W48, wed → 2026-11-25). */
export function dateOf(week: string, day: Weekday): string {
  const m = WEEK.exec(week);
  if (!m) throw new Error(`Expected a week like 2026-W48 but received \`${week}\``);
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = new Date(jan4);
  monday1.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1));
  const d = new Date(monday1);
  d.setUTCDate(monday1.getUTCDate() + (Number(m[2]) - 1) * 7 + WEEKDAYS.indexOf(day));
  return d.toISOString().slice(0, 10);
}

const CN_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `2026-11-23` → `11月23日 周一` */
export function chineseDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  // the loader refuses impossible dates; should one get here, it fails loudly rather than drawing NaN月NaN日 or rolling 11-31 over to 12月1日
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new Error(`\`${iso}\` is not a calendar date (expected YYYY-MM-DD)`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${CN_WEEKDAYS[d.getUTCDay()]}`;
}
