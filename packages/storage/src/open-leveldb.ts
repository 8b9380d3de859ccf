import { ClassicLevel } from 'classic-level';
import { StorageError } from './storage-error.ts';

/**
 * Opens a LevelDB database of string keys and byte values in `directory`, failing with a `locked`
 * StorageError when another process holds it and `unavailable` otherwise; `what` names the store
 * in the message ("version store").
 */
export async function openLeveldb(directory: string, what: string): Promise<ClassicLevel<string, Uint8Array>> {
  const db = new ClassicLevel<string, Uint8Array>(directory, { keyEncoding: 'utf8', valueEncoding: 'view' });
  try {
    await db.open();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'LEVEL_LOCKED') {
      throw new StorageError('locked', `The ${what} in ${directory} is in use by another process.`, { cause: error });
    }
    throw new StorageError('unavailable', `The ${what} in ${directory} cannot be opened.`, { cause: error });
  }
  return db;
}
