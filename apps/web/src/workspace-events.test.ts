import { describe, expect, it } from 'vitest';
import { parseWorkspaceEvent, reconnectDelay } from './workspace-events.ts';

describe('parseWorkspaceEvent', () => {
  it('reads which notes changed', () => {
    expect(parseWorkspaceEvent('notes', '{"type":"notes","noteIds":["a","b"]}')).toEqual({
      type: 'notes',
      noteIds: ['a', 'b'],
    });
  });

  it('reads theme and template changes whatever their data', () => {
    expect(parseWorkspaceEvent('themes', '{"type":"themes"}')).toEqual({ type: 'themes' });
    expect(parseWorkspaceEvent('templates', '')).toEqual({ type: 'templates' });
  });

  it('ignores unknown events and damaged data', () => {
    expect(parseWorkspaceEvent('message', '{}')).toBeNull();
    expect(parseWorkspaceEvent('notes', '{not json')).toBeNull();
    expect(parseWorkspaceEvent('notes', '{"noteIds":[1]}')).toBeNull();
    expect(parseWorkspaceEvent('notes', 'null')).toBeNull();
  });
});

describe('reconnectDelay', () => {
  it('waits longer after each failed attempt, up to a minute', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => reconnectDelay(attempt, 0))).toEqual([7000, 14000, 28000, 56000, 60000]);
    expect(reconnectDelay(1000, 0.99)).toBe(60000);
  });

  it('spreads reconnections by up to a half', () => {
    expect(reconnectDelay(0, 0.5)).toBe(8750);
    expect(reconnectDelay(0, 0.999)).toBeLessThan(7000 * 1.5);
  });
});
