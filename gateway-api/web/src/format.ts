// Number and time formatting in the browser's locale and time zone.
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export const formatInt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : integer.format(n));

export const formatMs = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '—' : ms >= 10_000 ? `${oneDecimal.format(ms / 1000)} s` : `${integer.format(ms)} ms`;

export const formatDecimal = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : oneDecimal.format(n));

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayOfYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** HH:mm in local time, with the date when it is not today: "02:00" or "02:00, Sat 29 Nov". */
export function formatRunAt(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const time = timeOfDay.format(at);
  return sameLocalDay(at, now) ? time : `${time}, ${dayOfYear.format(at)}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '—' : dateTime.format(at);
}

/** Whole percent done; a finished job is 100 % even when rows vanished from the registry while it ran. */
export function percent(processed: number, total: number, done: boolean): number {
  if (done || total <= 0) return done ? 100 : 0;
  return Math.max(0, Math.min(100, Math.floor((processed / total) * 100)));
}
