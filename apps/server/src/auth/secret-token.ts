import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a cookie or a link: 256 random bits, base64url (43 characters). */
export function createSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a secret: its SHA-256, hex. Tokens are random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A public record id (96 random bits): unguessable, but it grants nothing by itself. */
export function createRecordId(): string {
  return randomBytes(12).toString('base64url');
}
