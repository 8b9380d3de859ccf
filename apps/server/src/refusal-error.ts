import type { ApiErrorCode } from '@plume/protocol';

/** An expected refusal (wrong password, stale link, invalid body); routes answer it with `code`. */
export class RefusalError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'RefusalError';
    this.code = code;
  }
}
