/** Why a store failed: its files are unreadable as data, it is held by another process, or it cannot be used. */
export type StorageErrorCode = 'corrupt' | 'locked' | 'unavailable';

/** An expected storage failure, with a message that tells the host what to do. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}
