// Reading a holiday calendar from a file an admin uploads: a CSV (date,kind,name) or an iCalendar
// (.ics) file, as the State Council's schedule is published by calendar services. Pure: bytes in,
// calendar days or the first problem out; the service stores them (calendar.server.ts).
//
// CSV (csv-parse): one day a row, `date,kind,name`. The date is YYYY-MM-DD; the kind is `holiday`
// (or 休) or `workday` (or 班), in any case; the name may be left out. A first row whose first
// cell is `date` is a header and is skipped.
//
// iCalendar (ical.js): every VEVENT is a run of whole days, DTSTART;VALUE=DATE up to DTEND
// (exclusive, as RFC 5545 has it) or over its DURATION, or the one day when it has neither.
// An event is a holiday unless its SUMMARY marks a make-up working day (WORKDAY_SUMMARY: 补班,
// 上班, a lone 班 such as "（班）", or "working day" / "workday" / "make-up day" in English).
// Events with a time of day, and repeating events (RRULE, RDATE), are refused rather than
// guessed at; cancelled events (STATUS:CANCELLED) are skipped.
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { z } from 'zod';
import { withoutControlCharacters } from '#app/platform/codecs/text.ts';
import { addCalendarDays, daysBetween, isoDate, type CivilDate } from '#app/platform/time/civil-date.ts';
import {
  CALENDAR_LIMITS,
  checkCalendarDay,
  cleanName,
  type CalendarDayKind,
  type CalendarEntry,
  type DayProblem,
} from './calendar-days.ts';

/** Why a file was refused; each is a key under office-admin:calendar.errors.import. */
export type ImportProblemCode =
  | 'none'
  | 'oneFile'
  | 'tooLarge'
  | 'encoding'
  | 'empty'
  | 'tooMany'
  | 'csvMalformed'
  | 'csvColumns'
  | 'csvKind'
  | 'icsMalformed'
  | 'icsTimed'
  | 'icsRecurring'
  | 'icsTooLong'
  | 'nameTooLong'
  | 'conflict'
  | DayProblem;

/** A problem with what the file says: its code, and where (the CSV line, the day, the event's summary). */
export interface ImportProblem {
  code: ImportProblemCode;
  line?: number;
  day?: string;
  event?: string;
}

export type ImportResult = { ok: true; format: 'csv' | 'ics'; days: CalendarEntry[] } | { ok: false; problem: ImportProblem };

const refuse = (problem: ImportProblem): ImportResult => ({ ok: false, problem });

/** The summaries of make-up working days. Anything else is a holiday. */
const WORKDAY_SUMMARY =
  /补班|補班|上班|(?:^|[\s(（[【])班(?:$|[\s)）\]】])|\bworking\s*day\b|\bwork\s*day\b|\bworkday\b|\bmake-?up\s+(?:work(?:ing)?\s*)?day\b/i;
const NOT_WORKDAY = /\bnon-?working\b/i;

/** Whether an event's summary marks a make-up working day (see the rule at the top of the file). */
export function isWorkdaySummary(summary: string): boolean {
  return WORKDAY_SUMMARY.test(summary) && !NOT_WORKDAY.test(summary);
}

/** Reads an uploaded file: an .ics when it starts with BEGIN:VCALENDAR, else a CSV. */
export function parseCalendarFile(bytes: Uint8Array): ImportResult {
  if (bytes.byteLength === 0) return refuse({ code: 'none' });
  if (bytes.byteLength > CALENDAR_LIMITS.maxFileBytes) return refuse({ code: 'tooLarge' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse({ code: 'encoding' });
  }
  text = text.replace(/^\uFEFF/, '');
  return /^\s*BEGIN:VCALENDAR/i.test(text) ? parseCalendarIcs(text) : parseCalendarCsv(text);
}

// ---------------------------------------------------------------------------------------------
// CSV

const CsvRecords = z.array(z.object({ info: z.object({ lines: z.number() }), record: z.array(z.string()) }));

const KINDS: Record<string, CalendarDayKind> = { holiday: 'HOLIDAY', 休: 'HOLIDAY', workday: 'WORKDAY', 班: 'WORKDAY' };

export function parseCalendarCsv(text: string): ImportResult {
  let rows: z.infer<typeof CsvRecords>;
  try {
    rows = CsvRecords.parse(
      parseCsv(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: 4096 }),
    );
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = typeof error.lines === 'number' ? error.lines : undefined;
      return refuse({ code: 'csvMalformed', ...(lines ? { line: lines } : {}) });
    }
    throw error;
  }
  const days: Located[] = [];
  for (const [index, { info, record }] of rows.entries()) {
    const line = info.lines;
    if (index === 0 && record[0]?.toLowerCase() === 'date') continue;
    if (record.every((cell) => cell === '')) continue;
    if (record.length < 2 || record.length > 3) return refuse({ code: 'csvColumns', line });
    const [day = '', kindCell = '', nameCell = ''] = record;
    const kind = KINDS[kindCell.toLowerCase()];
    if (!kind) return refuse({ code: 'csvKind', line });
    days.push({ day: day.normalize('NFKC'), kind, name: nameCell, where: { line } });
    if (days.length > CALENDAR_LIMITS.maxImportDays) return refuse({ code: 'tooMany' });
  }
  return collect('csv', days);
}

// ---------------------------------------------------------------------------------------------
// iCalendar

export function parseCalendarIcs(text: string): ImportResult {
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    // Several calendars in one file parse as a list of them: not a file we were given.
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return refuse({ code: 'icsMalformed' });
    root = new ICAL.Component(parsed as ConstructorParameters<typeof ICAL.Component>[0]);
  } catch {
    return refuse({ code: 'icsMalformed' });
  }
  if (root.name !== 'vcalendar') return refuse({ code: 'icsMalformed' });
  const days: Located[] = [];
  for (const component of root.getAllSubcomponents('vevent')) {
    const summary = withoutControlCharacters(String(component.getFirstPropertyValue('summary') ?? '')).trim();
    const event = summary || undefined;
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
    if (component.hasProperty('rrule') || component.hasProperty('rdate')) return refuse({ code: 'icsRecurring', event });
    let start: ICAL.Time;
    let end: ICAL.Time;
    try {
      const vevent = new ICAL.Event(component);
      start = vevent.startDate;
      end = vevent.endDate;
    } catch {
      return refuse({ code: 'icsMalformed', event });
    }
    if (!start) return refuse({ code: 'icsMalformed', event });
    if (!start.isDate) return refuse({ code: 'icsTimed', event });
    const first: CivilDate = { year: start.year, month: start.month, day: start.day };
    const last: CivilDate = end ? { year: end.year, month: end.month, day: end.day } : first;
    // DTEND is the day after the last one; an event without an end is its start day.
    const count = Math.max(1, daysBetween(first, last));
    if (count > CALENDAR_LIMITS.maxEventDays) return refuse({ code: 'icsTooLong', event });
    const kind: CalendarDayKind = isWorkdaySummary(summary) ? 'WORKDAY' : 'HOLIDAY';
    for (let i = 0; i < count; i++) {
      days.push({ day: isoDate(addCalendarDays(first, i)), kind, name: summary, where: { event } });
      if (days.length > CALENDAR_LIMITS.maxImportDays) return refuse({ code: 'tooMany' });
    }
  }
  return collect('ics', days);
}

// ---------------------------------------------------------------------------------------------
// Both

interface Located {
  day: string;
  kind: CalendarDayKind;
  name: string;
  where: { line?: number; event?: string | undefined };
}

/** Checks every day and merges repeats: the same day twice is one day, as a holiday and a working day it is a conflict. */
function collect(format: 'csv' | 'ics', located: readonly Located[]): ImportResult {
  if (located.length === 0) return refuse({ code: 'empty' });
  const byDay = new Map<string, CalendarEntry>();
  for (const { day, kind, name, where } of located) {
    const at = { ...(where.line ? { line: where.line } : {}), ...(where.event ? { event: where.event } : {}) };
    const checked = checkCalendarDay(day, kind);
    if (!checked.ok) return refuse({ code: checked.problem, day, ...at });
    const iso = isoDate(checked.date);
    const cleaned = cleanName(withoutControlCharacters(name));
    if (cleaned && cleaned.length > CALENDAR_LIMITS.nameMax) return refuse({ code: 'nameTooLong', day: iso, ...at });
    const seen = byDay.get(iso);
    if (seen && seen.kind !== kind) return refuse({ code: 'conflict', day: iso, ...at });
    if (!seen) byDay.set(iso, { day: iso, kind, name: cleaned });
    else if (!seen.name && cleaned) seen.name = cleaned;
  }
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  return { ok: true, format, days };
}
