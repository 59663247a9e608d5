/** Time rules for sending: quiet hours (UTC+8) and retry backoff. */

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When quiet hours (start-end, UTC+8, may wrap midnight) hold at `now`, the moment they end; else undefined. */
export function quietUntil(now: Date, quiet: { start: string; end: string } | undefined): Date | undefined {
  if (!quiet) return undefined;
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start <= end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return undefined;
  const endLocal = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 0, end));
  if (endLocal.getTime() <= local.getTime()) endLocal.setUTCDate(endLocal.getUTCDate() + 1);
  return new Date(endLocal.getTime() - CHINA_OFFSET_MS);
}

/** Exponential backoff with jitter: base, 2×base, 4×base … capped at one hour. */
export function retryDelayMs(tries: number, baseSeconds: number): number {
  const exp = Math.min(baseSeconds * 1000 * 2 ** Math.max(0, tries - 1), 3600_000);
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}
