import { describe, expect, it } from 'vitest';
import { rovingTarget } from './roving-focus.ts';

describe('moving the focus in a toolbar', () => {
  it('goes to the next or previous control with the arrows, wrapping around', () => {
    expect(rovingTarget('ArrowRight', 0, 5)).toBe(1);
    expect(rovingTarget('ArrowRight', 4, 5)).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, 5)).toBe(4);
    expect(rovingTarget('ArrowLeft', 3, 5)).toBe(2);
  });

  it('goes to the first or last control with Home and End', () => {
    expect(rovingTarget('Home', 3, 5)).toBe(0);
    expect(rovingTarget('End', 1, 5)).toBe(4);
  });

  it('leaves other keys, and empty toolbars, alone', () => {
    expect(rovingTarget('ArrowDown', 1, 5)).toBeNull();
    expect(rovingTarget('Enter', 1, 5)).toBeNull();
    expect(rovingTarget('ArrowRight', 0, 0)).toBeNull();
  });

  it('starts from the first control when none has the focus', () => {
    expect(rovingTarget('ArrowRight', -1, 3)).toBe(1);
  });
});
