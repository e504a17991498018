// Calendar days in this machine's time zone, written as the URL and date inputs write them
// (YYYY-MM-DD). Client-safe.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** The calendar day of an instant in this machine's time zone. */
export function localDay(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The local midnight that starts a day written YYYY-MM-DD; undefined if it is not one. */
export function startOfLocalDay(day: string): Date | undefined {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
