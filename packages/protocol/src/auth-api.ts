// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';
import { LINK_ROLES, type LinkRole, NOTE_ROLES, type NoteRole } from './access.ts';
import { cleanText } from './text-fields.ts';

/**
 * Pages that receive a secret token in the URL fragment (`/s#<token>`): fragments never reach
 * the server, its logs or a Referer header; the page posts the token and gets a session back.
 */
export const TOKEN_PAGE = { shareLink: '/s', invitation: '/invitation', setup: '/setup' } as const;

/** Name of the HttpOnly session cookie; behind TLS it carries the `__Host-` prefix. */
export const SESSION_COOKIE_NAME = 'plume_session';

/** Shortest and longest password accepted; the cap keeps hashing cheap for hostile input. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Longest account display name. */
export const ACCOUNT_NAME_MAX_LENGTH = 80;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'This is not a valid e-mail address.' }));
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `A password has at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH);
// 256-bit tokens in base64url are 43 characters; anything far off is not ours.
const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'This link is not valid.' });

/** `POST /api/session`: sign in. */
export const signInRequest = z.strictObject({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
/** `POST /api/setup`: create the first admin with the token the server printed. */
export const setupRequest = z.strictObject({ token, email, name: cleanText(ACCOUNT_NAME_MAX_LENGTH), password });
/** `POST /api/invitations/accept`: choose a password through an invitation or reset link. */
export const acceptInvitationRequest = z.strictObject({ token, password });
/** `POST /api/share-links/redeem`: exchange a share link's token for a session scoped to its note. */
export const redeemShareLinkRequest = z.strictObject({ token });
/** `POST /api/account/password`: change one's own password. */
export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword: password,
});
/** `POST /api/users`: an admin creates an account and gets its invitation link. */
export const createUserRequest = z.strictObject({
  email,
  name: cleanText(ACCOUNT_NAME_MAX_LENGTH),
  isAdmin: z.boolean().default(false),
});
/** `PATCH /api/users/:userId`: an admin disables, enables, promotes or renames an account. */
export const updateUserRequest = z.strictObject({
  name: cleanText(ACCOUNT_NAME_MAX_LENGTH).optional(),
  isAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
});
/** `PUT /api/notes/:noteId/members`: give a person a role on a note, or change it. */
export const setMemberRequest = z.strictObject({ email, role: z.enum(NOTE_ROLES) });
/** `POST /api/notes/:noteId/links`: create a share link; `expiresAt` is ISO 8601 or absent. */
export const createShareLinkRequest = z.strictObject({
  role: z.enum(LINK_ROLES),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  label: cleanText(80).optional(),
});

/** An account as the person and admins see it. */
export type AccountSummary = { id: string; email: string; name: string; isAdmin: boolean };

/** An account as the admin list shows it. */
export type UserSummary = AccountSummary & { disabled: boolean; hasPassword: boolean; createdAt: string };

/** `GET /api/session`: who the browser is; `setupRequired` until a first admin exists. */
export type SessionInfo = {
  user: AccountSummary | null;
  /** Notes this session reaches through share links, with the role each grants. */
  links: { noteId: string; role: LinkRole }[];
  setupRequired: boolean;
};

/** A person holding a role on a note. */
export type NoteMember = { userId: string; email: string; name: string; role: NoteRole };

/** A share link as its note's share dialog lists it; the token itself is shown only once. */
export type ShareLinkSummary = {
  id: string;
  role: LinkRole;
  label: string | null;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
};

/** `GET /api/notes/:noteId/sharing`: everyone and every link with access to a note. */
export type NoteSharing = { members: NoteMember[]; links: ShareLinkSummary[] };

/** `POST /api/notes/:noteId/links` answer: the link, with its URL this once. */
export type CreatedShareLink = { link: ShareLinkSummary; url: string };

/** `POST /api/users` and `POST /api/users/:userId/reset` answer: the link to send the person. */
export type InvitationLink = { user: UserSummary; url: string; expiresAt: string };

/** A session as the admin list shows it. */
export type SessionSummary = {
  id: string;
  user: AccountSummary | null;
  noteIds: string[];
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
};

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  'note.created',
  'note.opened',
  'note.edited',
  'note.exported',
  'note.printed',
  'note.deleted',
  'note.restored',
  'note.purged',
  'note.updated',
  'note.statusChanged',
  'note.duplicated',
  'note.versionNamed',
  'note.versionRestored',
  'note.shared',
  'note.unshared',
  'link.created',
  'link.revoked',
  'link.redeemed',
  'user.created',
  'user.updated',
  'user.reset',
  'user.signedIn',
  'user.signInFailed',
  'user.signedOut',
  'user.passwordChanged',
  'sessions.ended',
  'setup.completed',
  'theme.created',
  'theme.updated',
  'theme.deleted',
  'template.created',
  'template.updated',
  'template.deleted',
] as const;

/** One kind of audited event. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit log: who did what to which note, when and from where. */
export type AuditEntry = {
  at: string;
  action: AuditAction;
  /** The account id that acted; `session:<id>` for someone on share links, `cli`, or `anonymous`. */
  actor: string;
  /** The account's e-mail address, or the CLI's name; null otherwise. */
  actorName: string | null;
  noteId: string | null;
  /** Free-form details: the role granted, the target account, the export format. */
  detail: Record<string, string | number | boolean | null>;
  ip: string | null;
};

/** Parses a body against a schema: the value, or one sentence saying what is wrong. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; message: string } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'invalid body'}` };
}
