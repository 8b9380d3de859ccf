/**
 * The moment a share link chosen to expire on a calendar day (`YYYY-MM-DD`, as a date input gives
 * it) stops working: the end of that day in the person's time zone, as ISO 8601. Null for no
 * expiry; undefined when the value is not a real date.
 */
export function expiryFromDateInput(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const end = new Date(year, month - 1, day, 23, 59, 59, 999);
  // new Date rolls 31 February over into March; a real date keeps its parts.
  if (end.getFullYear() !== year || end.getMonth() !== month - 1 || end.getDate() !== day) return undefined;
  return end.toISOString();
}

/** Today's date as a date input's `min` wants it (`YYYY-MM-DD`), in the person's time zone. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
