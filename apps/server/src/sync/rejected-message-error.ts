import type { CloseCodeName } from '@plume/protocol';

/** A message the server cannot accept; the connection that sent it is closed with `closeCode`. */
export class RejectedMessageError extends Error {
  readonly closeCode: CloseCodeName;

  constructor(closeCode: CloseCodeName, message: string) {
    super(message);
    this.name = 'RejectedMessageError';
    this.closeCode = closeCode;
  }
}
