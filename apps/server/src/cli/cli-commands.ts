import { parseArgs } from 'node:util';
import { isNoteId, LINK_ROLES, type LinkRole, PASSWORD_MIN_LENGTH, TOKEN_PAGE } from '@plume/protocol';
import type { MetadataStore } from '@plume/storage';
import type { AuditActor } from '../auth/audit-recorder.ts';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';

/** What a CLI command works on: the server's own auth and notes, in its process or in the CLI's. */
export type CliContext = {
  auth: Auth;
  notes: MetadataStore;
  /** The origin links are printed with, e.g. `https://notes.example.org`. */
  origin: string;
};

/** What a command printed and the exit code it asks for. */
export type CliResult = { output: string; exitCode: number };

/** Usage of every command, printed on `help` and on mistakes. */
export const CLI_USAGE = `Usage: pnpm plume <command>

  user add <email> --name <name> [--admin] [--password-stdin]
                                  create an account; prints its invitation link,
                                  or sets the password read from standard input
  user list                       list accounts
  user disable <email>            disable an account and end its sessions
  user enable <email>             enable it again
  user reset <email>              clear the password, end sessions; prints a new invitation link
  link create <noteId> --role editor|viewer [--expires <days>] [--label <text>]
                                  create a share link; prints it (once)
  link list <noteId>              list a note's live share links
  link revoke <noteId> <linkId>   revoke a share link
  session list                    list live sessions
  session end <sessionId>|--all|--user <email>
                                  end sessions
  audit [--note <noteId>] [--limit <n>]
                                  print the audit log, newest first
`;

const CLI_ACTOR: AuditActor = { actor: 'cli', actorName: 'plume CLI' };

/** Runs one CLI command; expected mistakes become a message and exit code 2, never a stack trace. */
export async function runCliCommand(context: CliContext, args: readonly string[]): Promise<CliResult> {
  try {
    return { output: await dispatch(context, [...args]), exitCode: 0 };
  } catch (error) {
    if (error instanceof UsageError) return { output: `${error.message}\n\n${CLI_USAGE}`, exitCode: 2 };
    if (error instanceof RefusalError)
      return { output: `${error.message === error.code ? error.code : error.message}\n`, exitCode: 1 };
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { output: `${error.message}\n\n${CLI_USAGE}`, exitCode: 2 };
    }
    throw error;
  }
}

class UsageError extends Error {}

async function dispatch(context: CliContext, args: string[]): Promise<string> {
  const [group, command, ...rest] = args;
  switch (`${group ?? ''} ${command ?? ''}`.trim()) {
    case 'user add':
      return addUser(context, rest);
    case 'user list':
      return listUsers(context);
    case 'user disable':
    case 'user enable':
      return setDisabled(context, rest, command === 'disable');
    case 'user reset':
      return resetUser(context, rest);
    case 'link create':
      return createLink(context, rest);
    case 'link list':
      return listLinks(context, rest);
    case 'link revoke':
      return revokeLink(context, rest);
    case 'session list':
      return listSessions(context);
    case 'session end':
      return endSessions(context, rest);
    case 'help':
    case '':
      return CLI_USAGE;
    default:
      if (group === 'audit') return printAudit(context, args.slice(1));
      throw new UsageError(`Unknown command "${args.join(' ')}".`);
  }
}

function userByEmail(context: CliContext, email: string | undefined) {
  if (!email) throw new UsageError('Give the account’s e-mail address.');
  const user = context.auth.accounts.list().find((candidate) => candidate.email === email.trim().toLowerCase());
  if (!user) throw new RefusalError('userNotFound', `No account uses ${email}.`);
  return user;
}

async function addUser(context: CliContext, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, admin: { type: 'boolean' }, password: { type: 'string' } },
  });
  const email = positionals[0]?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError('Give a valid e-mail address.');
  if (!values.name?.trim()) throw new UsageError('Give the person’s name with --name.');
  if (values.password !== undefined && values.password.length < PASSWORD_MIN_LENGTH) {
    throw new UsageError(`A password has at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  const invitation = await context.auth.accounts.create({
    email,
    name: values.name.trim(),
    isAdmin: values.admin ?? false,
    password: values.password,
  });
  context.auth.audit.record({
    action: 'user.created',
    by: CLI_ACTOR,
    detail: { userId: invitation.user.id, email, isAdmin: values.admin ?? false },
  });
  if (values.password !== undefined)
    return `Created ${email}${values.admin ? ' (admin)' : ''}; they can sign in now.\n`;
  return `Created ${email}${values.admin ? ' (admin)' : ''}. Send them this link to choose a password (valid until ${invitation.expiresAt}):\n  ${context.origin}${TOKEN_PAGE.invitation}#${invitation.token}\n`;
}

function listUsers(context: CliContext): string {
  const rows = context.auth.accounts
    .list()
    .map(
      (user) =>
        `${user.email}\t${user.name}\t${user.isAdmin ? 'admin' : 'member'}\t${user.disabled ? 'disabled' : 'active'}\t${user.passwordHash ? 'password set' : 'invited'}`,
    );
  return rows.length === 0 ? 'No accounts yet.\n' : `${rows.join('\n')}\n`;
}

async function setDisabled(context: CliContext, args: string[], disabled: boolean): Promise<string> {
  const user = userByEmail(context, args[0]);
  await context.auth.accounts.update(user.id, { disabled });
  if (disabled) await context.auth.sessions.endForUser(user.id);
  context.auth.audit.record({ action: 'user.updated', by: CLI_ACTOR, detail: { userId: user.id, disabled } });
  return `${user.email} is ${disabled ? 'disabled; their sessions are ended' : 'enabled'}.\n`;
}

async function resetUser(context: CliContext, args: string[]): Promise<string> {
  const user = userByEmail(context, args[0]);
  const invitation = await context.auth.accounts.reset(user.id);
  await context.auth.sessions.endForUser(user.id);
  context.auth.audit.record({ action: 'user.reset', by: CLI_ACTOR, detail: { userId: user.id } });
  return `${user.email}'s password is cleared and their sessions ended. New link (valid until ${invitation.expiresAt}):\n  ${context.origin}${TOKEN_PAGE.invitation}#${invitation.token}\n`;
}

async function existingNote(context: CliContext, noteId: string | undefined) {
  if (!noteId || !isNoteId(noteId)) throw new UsageError('Give a note id (20 letters and digits).');
  const note = await context.notes.getNote(noteId);
  if (!note || note.deletedAt !== null) throw new RefusalError('noteNotFound', `No note has the id ${noteId}.`);
  return note;
}

async function createLink(context: CliContext, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, expires: { type: 'string' }, label: { type: 'string' } },
  });
  const note = await existingNote(context, positionals[0]);
  if (!(LINK_ROLES as readonly string[]).includes(values.role ?? ''))
    throw new UsageError('Give --role editor or --role viewer.');
  let expiresAt: string | null = null;
  if (values.expires !== undefined) {
    const days = Number(values.expires);
    if (!Number.isFinite(days) || days <= 0)
      throw new UsageError('--expires takes a number of days, e.g. --expires 7.');
    expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
  }
  const { link, token } = await context.auth.links.create({
    noteId: note.id,
    role: values.role as LinkRole,
    expiresAt,
    label: values.label?.trim() || null,
    createdBy: 'cli',
  });
  context.auth.audit.record({
    action: 'link.created',
    by: CLI_ACTOR,
    noteId: note.id,
    detail: { linkId: link.id, role: link.role, expiresAt },
  });
  return `Share link ${link.id} (${link.role}${expiresAt ? `, until ${expiresAt}` : ''}) for “${note.title}”. It is shown only now:\n  ${context.origin}${TOKEN_PAGE.shareLink}#${token}\n`;
}

async function listLinks(context: CliContext, args: string[]): Promise<string> {
  const note = await existingNote(context, args[0]);
  const links = context.auth.links.listLive(note.id, context.auth.check.isLive);
  if (links.length === 0) return `“${note.title}” has no live share link.\n`;
  return `${links.map((link) => `${link.id}\t${link.role}\t${link.label ?? '-'}\tcreated ${link.createdAt}\t${link.expiresAt ? `until ${link.expiresAt}` : 'no expiry'}`).join('\n')}\n`;
}

async function revokeLink(context: CliContext, args: string[]): Promise<string> {
  const note = await existingNote(context, args[0]);
  if (!args[1]) throw new UsageError('Give the id of the link to revoke (see `link list`).');
  const link = await context.auth.links.revoke(note.id, args[1]);
  context.auth.audit.record({ action: 'link.revoked', by: CLI_ACTOR, noteId: note.id, detail: { linkId: link.id } });
  return `Link ${link.id} is revoked; whoever used it has lost access.\n`;
}

function listSessions(context: CliContext): string {
  const { auth } = context;
  const rows = auth.store.sessions
    .all()
    .filter((session) => auth.sessions.resolveById(session.id) !== null)
    .map((session) => {
      const who =
        session.userId === null
          ? `share links (${session.linkIds.length})`
          : (auth.accounts.get(session.userId)?.email ?? '?');
      return `${session.id}\t${who}\tlast seen ${session.lastSeenAt}\tuntil ${session.expiresAt}`;
    });
  return rows.length === 0 ? 'No live sessions.\n' : `${rows.join('\n')}\n`;
}

async function endSessions(context: CliContext, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { all: { type: 'boolean' }, user: { type: 'string' } },
  });
  const { sessions, audit } = context.auth;
  let ended: number;
  if (values.all) {
    ended = await sessions.endAll();
  } else if (values.user) {
    ended = await sessions.endForUser(userByEmail(context, values.user).id);
  } else if (positionals[0]) {
    ended = await context.auth.store.sessions.remove((session) => session.id === positionals[0]);
  } else {
    throw new UsageError('Give a session id, --user <email> or --all.');
  }
  audit.record({ action: 'sessions.ended', by: CLI_ACTOR, detail: { ended } });
  return `Ended ${ended} session${ended === 1 ? '' : 's'}.\n`;
}

async function printAudit(context: CliContext, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { note: { type: 'string' }, limit: { type: 'string' } } });
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError('--limit takes a positive whole number.');
  const entries = await context.auth.readAudit({ noteId: values.note, limit });
  if (entries.length === 0) return 'The audit log has no matching entries.\n';
  return `${entries
    .map(
      (entry) =>
        `${entry.at}\t${entry.action}\t${entry.actorName ?? entry.actor}\t${entry.noteId ?? '-'}\t${JSON.stringify(entry.detail)}${entry.ip ? `\t${entry.ip}` : ''}`,
    )
    .join('\n')}\n`;
}
