/** Roles a person or a share link can hold on one note, weakest first. */
export const NOTE_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;

/** One of the roles on a note. */
export type NoteRole = (typeof NOTE_ROLES)[number];

/** Roles a share link may grant: links never make owners or commenters. */
export const LINK_ROLES = ['viewer', 'editor'] as const;

/** One of the roles a share link may grant. */
export type LinkRole = (typeof LINK_ROLES)[number];

/** What someone may try to do with a note; every route and the sync endpoint ask for one. */
export type NoteAction = 'read' | 'comment' | 'write' | 'share' | 'export' | 'delete';

// The weakest role allowed each action; admins hold `owner` on every note.
const LEAST_ROLE_FOR: Record<NoteAction, NoteRole> = {
  read: 'viewer',
  export: 'viewer',
  comment: 'commenter',
  write: 'editor',
  share: 'owner',
  delete: 'owner',
};

/** Whether `role` (null: no access at all) allows `action`. */
export function roleAllows(role: NoteRole | null, action: NoteAction): boolean {
  return role !== null && NOTE_ROLES.indexOf(role) >= NOTE_ROLES.indexOf(LEAST_ROLE_FOR[action]);
}

/** The stronger of two roles, null counting as none. */
export function strongerRole(a: NoteRole | null, b: NoteRole | null): NoteRole | null {
  if (a === null) return b;
  if (b === null) return a;
  return NOTE_ROLES.indexOf(a) >= NOTE_ROLES.indexOf(b) ? a : b;
}

/** Whether a value is one of the note roles. */
export function isNoteRole(value: unknown): value is NoteRole {
  return (NOTE_ROLES as readonly unknown[]).includes(value);
}
