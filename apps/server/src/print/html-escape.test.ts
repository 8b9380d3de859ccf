import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape.ts';

describe('escapeHtml', () => {
  it('escapes the characters that start markup or end an attribute', () => {
    expect(escapeHtml(`</style><script>alert("1" & '2')</script>`)).toBe(
      '&lt;/style&gt;&lt;script&gt;alert(&quot;1&quot; &amp; &#39;2&#39;)&lt;/script&gt;',
    );
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('Santé — l’hôpital · 3,5 %')).toBe('Santé — l’hôpital · 3,5 %');
  });
});
