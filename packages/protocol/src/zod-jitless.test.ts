import { describe, expect, it } from 'vitest';
import { signInRequest } from './auth-api.ts';

describe('the protocol’s zod schemas', () => {
  it('parse without ever calling the Function constructor, which a strict CSP forbids', () => {
    const original = globalThis.Function;
    const calls: unknown[] = [];
    // A spy standing in for Function: zod's JIT probe would construct it.
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        calls.push(args);
        return Reflect.construct(target, args);
      },
    });
    try {
      expect(signInRequest.safeParse({ email: 'a@b.org', password: 'x' }).success).toBe(true);
      expect(signInRequest.safeParse({ email: 'nope' }).success).toBe(false);
    } finally {
      globalThis.Function = original;
    }
    expect(calls).toEqual([]);
  });
});
