import { describe, expect, it } from 'vitest';
import { dateInputValue, expiryFromDateInput } from './link-expiry.ts';

describe('expiryFromDateInput', () => {
  it('lets a link work until the end of the chosen day', () => {
    const iso = expiryFromDateInput('2031-03-09');
    expect(iso).toBeTypeOf('string');
    const end = new Date(iso as string);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([
      2031, 2, 9, 23, 59,
    ]);
  });

  it('means no expiry when the field is empty', () => {
    expect(expiryFromDateInput('')).toBeNull();
    expect(expiryFromDateInput('  ')).toBeNull();
  });

  it.each(['2031-02-31', '31/12/2031', '2031-13-01', 'demain'])('rejects %j', (value) => {
    expect(expiryFromDateInput(value)).toBeUndefined();
  });
});

describe('dateInputValue', () => {
  it('writes a local date the way date inputs read it', () => {
    expect(dateInputValue(new Date(2030, 0, 5, 8))).toBe('2030-01-05');
  });
});
