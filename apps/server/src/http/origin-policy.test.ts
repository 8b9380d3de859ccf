import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from './origin-policy.ts';

describe('the origin policy', () => {
  it('without a public URL, allows only the host the request was sent to', () => {
    const policy = createOriginPolicy(null, []);
    expect(policy.allows('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(policy.allows('http://evil.example', '127.0.0.1:3000')).toBe(false);
    expect(policy.allows('null', '127.0.0.1:3000')).toBe(false);
    expect(policy.allows('http://127.0.0.1:3000', undefined)).toBe(false);
  });

  it('with a public URL, allows it and the allow-list, whatever the Host header says', () => {
    const policy = createOriginPolicy(new URL('https://notes.example.org'), ['https://app.example.org']);
    expect(policy.allows('https://notes.example.org', 'evil.example')).toBe(true);
    expect(policy.allows('https://app.example.org', 'notes.example.org')).toBe(true);
    expect(policy.allows('https://evil.example', 'evil.example')).toBe(false);
    expect(policy.allows('http://notes.example.org', 'notes.example.org')).toBe(false);
  });
});
