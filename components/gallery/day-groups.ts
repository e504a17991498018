/** A run of videos made on one calendar day (in `timeZone`), newest day first as listed. */
export interface DayGroup<T> {
  /** YYYY-MM-DD in that time zone. */
  day: string;
  /** The first item's date, for the heading's wording. */
  date: Date;
  items: T[];
}

// One formatter per zone: making an Intl.DateTimeFormat costs far more than using one, and a
// gallery asks for a day per card.
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** A date's calendar day in `timeZone`, as YYYY-MM-DD. */
export function dayKey(date: Date, timeZone: string | undefined): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD; only the digits are used.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
}

/**
 * Splits a list ordered by time into days, in the order the days first appear. An item whose day
 * came earlier (a live update may briefly place one out of order) joins that day, so each day is
 * one group.
 */
export function groupByDay<T extends { createdAt: string }>(
  items: T[],
  timeZone: string | undefined,
): DayGroup<T>[] {
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const date = new Date(item.createdAt);
    const day = dayKey(date, timeZone);
    const group = groups.get(day);
    if (group) group.items.push(item);
    else groups.set(day, { day, date, items: [item] });
  }
  return [...groups.values()];
}

/** "today", "yesterday" or null (a date to write out), for a group's day seen at `now`. */
export function relativeDay(
  day: string,
  now: Date,
  timeZone: string | undefined,
): "today" | "yesterday" | null {
  if (day === dayKey(now, timeZone)) return "today";
  // 24 hours back is yesterday except within an hour of a daylight-saving change, where a
  // heading may say the date instead: harmless.
  if (day === dayKey(new Date(now.getTime() - 86_400_000), timeZone)) return "yesterday";
  return null;
}
