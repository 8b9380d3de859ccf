import { describe, expect, it } from 'vitest';
import { parseWorkspaceEvent } from './workspace-events.ts';

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
