/** The part of a zod schema this module needs, so the web app does not import zod itself. */
export type RequestSchema<T> = {
  safeParse(
    body: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[] }> } };
};

/** A request body checked in the browser: the normalised value, or the first field that is wrong. */
export type CheckedRequest<T> = { ok: true; value: T } | { ok: false; field: string };

/**
 * Checks a request body against the protocol's own schema before sending it, so the person learns
 * which field is wrong in their language instead of from the server's English message.
 */
export function checkRequest<T>(schema: RequestSchema<T>, body: unknown): CheckedRequest<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0]?.path[0];
  return { ok: false, field: typeof first === 'string' ? first : '' };
}
