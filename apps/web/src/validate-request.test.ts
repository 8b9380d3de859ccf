import { createShareLinkRequest, setupRequest, signInRequest } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { checkRequest } from './validate-request.ts';

describe('checkRequest', () => {
  it('returns the body as the server will read it', () => {
    expect(checkRequest(signInRequest, { email: ' Anne@Example.ORG ', password: 'x' })).toEqual({
      ok: true,
      value: { email: 'anne@example.org', password: 'x' },
    });
  });

  it('names the first field that is wrong', () => {
    const token = 'a'.repeat(43);
    expect(checkRequest(setupRequest, { token, email: 'nope', name: 'Anne', password: 'long enough!' })).toEqual({
      ok: false,
      field: 'email',
    });
    expect(checkRequest(setupRequest, { token, email: 'a@b.fr', name: '  ', password: 'long enough!' })).toEqual({
      ok: false,
      field: 'name',
    });
    expect(checkRequest(createShareLinkRequest, { role: 'owner', expiresAt: null })).toEqual({
      ok: false,
      field: 'role',
    });
  });
});
