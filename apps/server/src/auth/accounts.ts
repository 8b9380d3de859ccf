import { timingSafeEqual } from 'node:crypto';
import type { AccessStore, UserRecord } from '@plume/storage';
import { RefusalError } from '../refusal-error.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createRecordId, createSecretToken, hashToken } from './secret-token.ts';

/** How long an invitation or reset link stays valid, in milliseconds (7 days). */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A one-time link to choose a password: its secret token and when it stops working. */
export type Invitation = { user: UserRecord; token: string; expiresAt: string };

/** Account operations: the first admin, invitations, sign-in, passwords, disabling. */
export type Accounts = {
  /** The one-time token that creates the first admin, while no active admin exists; else null. */
  readonly setupToken: string | null;
  /** Creates the first admin with the setup token; the token then stops working. */
  completeSetup(request: { token: string; email: string; name: string; password: string }): Promise<UserRecord>;
  /** Creates an account without a password and returns its invitation. */
  create(request: { email: string; name: string; isAdmin: boolean; password?: string }): Promise<Invitation>;
  /** Clears an account's password and returns a new invitation; the caller ends its sessions. */
  reset(userId: string): Promise<Invitation>;
  /** Sets the password of the invitation's account; the invitation is used up. */
  acceptInvitation(token: string, password: string): Promise<UserRecord>;
  /** The active account with these credentials, or null. */
  signIn(email: string, password: string): Promise<UserRecord | null>;
  /** Changes a password after checking the current one. */
  changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void>;
  /** Renames, promotes or disables an account. */
  update(userId: string, patch: { name?: string; isAdmin?: boolean; disabled?: boolean }): Promise<UserRecord>;
  /** An account by id. */
  get(userId: string): UserRecord | undefined;
  /** The active account with this e-mail address. */
  findActiveByEmail(email: string): UserRecord | undefined;
  /** Every account, oldest first. */
  list(): UserRecord[];
};

/** Accounts kept in the access store. */
export function createAccounts(store: AccessStore, now: () => number = Date.now): Accounts {
  const hasActiveAdmin = () => store.users.find((user) => user.isAdmin && !user.disabled) !== undefined;
  let setupToken: string | null = hasActiveAdmin() ? null : createSecretToken();
  const currentSetupToken = () => {
    if (setupToken !== null && hasActiveAdmin()) setupToken = null;
    return setupToken;
  };

  function requireUser(userId: string): UserRecord {
    const user = store.users.find((candidate) => candidate.id === userId);
    if (!user) throw new RefusalError('userNotFound');
    return user;
  }

  async function invite(user: UserRecord): Promise<Invitation> {
    const token = createSecretToken();
    const expiresAt = new Date(now() + INVITATION_LIFETIME_MS).toISOString();
    // One live invitation per account: a new one replaces the old.
    await store.invitations.remove((invitation) => invitation.userId === user.id);
    await store.invitations.put({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    return { user, token, expiresAt };
  }

  async function addUser(request: { email: string; name: string; isAdmin: boolean; password?: string }) {
    if (store.users.find((user) => user.email === request.email)) throw new RefusalError('emailTaken');
    const user: UserRecord = {
      id: createRecordId(),
      email: request.email,
      name: request.name,
      isAdmin: request.isAdmin,
      disabled: false,
      passwordHash: request.password === undefined ? null : await hashPassword(request.password),
      createdAt: new Date(now()).toISOString(),
    };
    await store.users.put(user);
    return user;
  }

  return {
    get setupToken() {
      return currentSetupToken();
    },
    async completeSetup({ token, email, name, password }) {
      const expected = currentSetupToken();
      if (expected === null) throw new RefusalError('setupDone');
      if (!safeEqual(token, expected)) throw new RefusalError('invalidToken');
      setupToken = null;
      return addUser({ email, name, isAdmin: true, password });
    },
    async create(request) {
      const user = await addUser(request);
      return invite(user);
    },
    async reset(userId) {
      const user = requireUser(userId);
      const cleared = { ...user, passwordHash: null };
      await store.users.put(cleared);
      return invite(cleared);
    },
    async acceptInvitation(token, password) {
      const tokenHash = hashToken(token);
      const invitation = store.invitations.find((candidate) => candidate.tokenHash === tokenHash);
      if (!invitation || Date.parse(invitation.expiresAt) <= now()) throw new RefusalError('invalidToken');
      const user = requireUser(invitation.userId);
      if (user.disabled) throw new RefusalError('invalidToken');
      const updated = { ...user, passwordHash: await hashPassword(password) };
      await store.invitations.remove((candidate) => candidate.tokenHash === tokenHash);
      await store.users.put(updated);
      return updated;
    },
    async signIn(email, password) {
      const user = store.users.find((candidate) => candidate.email === email);
      // Always verify, even for unknown addresses, so timing does not tell which exist.
      const matches = await verifyPassword(user?.passwordHash ?? null, password);
      return matches && user && !user.disabled ? user : null;
    },
    async changePassword(userId, currentPassword, newPassword) {
      const user = requireUser(userId);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new RefusalError('invalidCredentials');
      await store.users.put({ ...user, passwordHash: await hashPassword(newPassword) });
    },
    async update(userId, patch) {
      const user = requireUser(userId);
      const updated: UserRecord = {
        ...user,
        name: patch.name ?? user.name,
        isAdmin: patch.isAdmin ?? user.isAdmin,
        disabled: patch.disabled ?? user.disabled,
      };
      await store.users.put(updated);
      return updated;
    },
    get: (userId) => store.users.find((user) => user.id === userId),
    findActiveByEmail: (email) => store.users.find((user) => user.email === email && !user.disabled),
    list: () => store.users.all().sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}

function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
