import { createReadStream } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { AuditEntry } from '@plume/protocol';
import type { AuditLog } from './audit-log.ts';

/**
 * The audit log as a file of JSON lines at `path`: appends only, one line per entry, so a crash
 * can cut at most the last line, which reading skips.
 */
export function createJsonlAuditLog(path: string): AuditLog {
  let lastAppend: Promise<void> = Promise.resolve();

  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      lastAppend = lastAppend.catch(() => undefined).then(() => appendFile(path, line, { mode: 0o600 }));
      return lastAppend;
    },
    async read({ noteId, limit }) {
      await lastAppend.catch(() => undefined);
      const newest: AuditEntry[] = [];
      let lines: ReturnType<typeof createInterface>;
      try {
        lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
        for await (const line of lines) {
          const entry = parseLine(line);
          if (!entry || (noteId !== undefined && entry.noteId !== noteId)) continue;
          newest.push(entry);
          // Keeps memory bounded however long the log grows.
          if (newest.length > 2 * limit) newest.splice(0, newest.length - limit);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return newest.slice(-limit).reverse();
    },
    async close() {
      await lastAppend.catch(() => undefined);
    },
  };
}

function parseLine(line: string): AuditEntry | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as AuditEntry;
    return typeof value === 'object' && value !== null && typeof value.action === 'string' ? value : null;
  } catch (error) {
    // Only a line cut by a crash is unreadable; it is skipped, the rest stays readable.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
