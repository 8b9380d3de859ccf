/**
 * The time zone version names are written in: Plume's people work in France, and a server kept
 * in UTC would otherwise name a note validated at 00:30 after the previous day.
 */
export const VERSION_NAME_TIME_ZONE = 'Europe/Paris';

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: VERSION_NAME_TIME_ZONE });
const dayAndTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: VERSION_NAME_TIME_ZONE,
});

/** The name of the version frozen when a note is validated, e.g. "Validée le 12 mars 2026". */
export function validatedVersionName(at: Date): string {
  return `Validée le ${day.format(at)}`;
}

/** The name of the version a restore makes, after the restored version's name or, without one, its date. */
export function restoredVersionName(restored: { name: string | null; createdAt: string }): string {
  return `Restauration de ${restored.name === null ? `la version du ${dayAndTime.format(new Date(restored.createdAt))}` : `« ${restored.name} »`}`;
}
