import { parseBody } from '@plume/protocol';
import type { z } from 'zod';
import { RefusalError } from '../refusal-error.ts';

/** Validates a request body against its schema; throws `invalidBody` saying what is wrong. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = parseBody(schema, body ?? null);
  if (!parsed.ok) throw new RefusalError('invalidBody', parsed.message);
  return parsed.value;
}

/** Validates a query string against its schema; throws `invalidQuery` saying what is wrong. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = parseBody(schema, query ?? {});
  if (!parsed.ok) throw new RefusalError('invalidQuery', parsed.message);
  return parsed.value;
}
