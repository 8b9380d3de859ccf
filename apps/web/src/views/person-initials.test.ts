import { describe, expect, it } from 'vitest';
import { initialsOf } from './person-initials.ts';

describe('initialsOf', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initialsOf('Marie Dupont')).toBe('MD');
    expect(initialsOf('Jean-Luc de la Fontaine')).toBe('JF');
    expect(initialsOf('élodie')).toBe('É');
  });

  it('copes with blank names and letters outside the basic plane', () => {
    expect(initialsOf('   ')).toBe('?');
    expect(initialsOf('𝒜da Lovelace')).toBe('𝒜L');
  });
});
