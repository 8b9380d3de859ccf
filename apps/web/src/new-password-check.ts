import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@plume/protocol';

/** Why a new password typed twice cannot be used, or null when it can. */
export type NewPasswordProblem = 'tooShort' | 'tooLong' | 'mismatch' | null;

/** Checks a new password and its repetition against the server's rules before sending them. */
export function checkNewPassword(password: string, repeated: string): NewPasswordProblem {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  return password === repeated ? null : 'mismatch';
}
