// Rotation periods come in three notations: AWS counts days, Cloud KMS a number of seconds with an
// `s` suffix ("7776000s"), Azure Key Vault ISO-8601 durations ("P90D", "P1Y", "P3M"). Everything is
// compared in days; calendar units use their longest common length so a period is never understated.

const DAYS_PER_UNIT: Record<string, number> = { Y: 365, M: 30, W: 7, D: 1 };
const DAYS_PER_TIME_UNIT: Record<string, number> = { H: 1 / 24, M: 1 / 1440, S: 1 / 86400 };

/** Days in an ISO-8601 duration such as `P1Y6M`, `P90D`, `P2W`, `PT36H`; undefined when malformed. */
export function isoDurationDays(text: string): number | undefined {
  const match = /^P(?!$)((?:\d+(?:[.,]\d+)?[YMWD])*)(?:T((?:\d+(?:[.,]\d+)?[HMS])+))?$/i.exec(text.trim());
  if (!match) return undefined;
  let days = 0;
  for (const [, amount, unit] of match[1].matchAll(/(\d+(?:[.,]\d+)?)([YMWD])/gi)) days += Number(amount.replace(',', '.')) * DAYS_PER_UNIT[unit.toUpperCase()];
  for (const [, amount, unit] of (match[2] ?? '').matchAll(/(\d+(?:[.,]\d+)?)([HMS])/gi)) days += Number(amount.replace(',', '.')) * DAYS_PER_TIME_UNIT[unit.toUpperCase()];
  return days;
}

/** Days in a protobuf Duration string as Cloud KMS takes it (`"7776000s"`, `"86400.5s"`). */
export function secondsDurationDays(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(text);
  return match ? Number(match[1]) / 86400 : undefined;
}

/** `90`, or `90.5` for a fraction worth mentioning: how messages print a period. */
export function formatDays(days: number): string {
  return String(Math.round(days * 10) / 10);
}
