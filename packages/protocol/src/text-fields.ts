// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';

/**
 * A person-written one-line text: control and format characters become spaces (they can forge
 * log lines and hide text), then it is trimmed and must hold 1 to `max` characters.
 */
export function cleanText(max: number) {
  return (
    z
      .string({ error: (issue) => (issue.input === undefined ? 'This is required.' : 'This must be text.') })
      .transform((value) => value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim())
      .pipe(
        z
          .string()
          .min(1, { message: 'This must not be empty.' })
          .max(max, { message: `This must be at most ${max} characters.` }),
      )
      // What the OpenAPI document shows: the bounds hold after trimming.
      .meta({ minLength: 1, maxLength: max })
  );
}
