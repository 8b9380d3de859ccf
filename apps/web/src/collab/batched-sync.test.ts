import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { batchProviderSends, SEND_LATEST_MS } from './batched-sync.ts';
import type { FrameScheduler } from './deferred-job.ts';

const NO_FRAMES: FrameScheduler = { request: () => 0, cancel: () => {} };
// Node 20 has no WebSocket, and these providers never connect.
const OPTIONS = { connect: false, disableBc: true, WebSocketPolyfill: class {} as unknown as typeof WebSocket };
const providers: WebsocketProvider[] = [];

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
  vi.useRealTimers();
});

// A provider that never connects, whose sending is watched.
function setUp() {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://localhost:1', 'note', doc, OPTIONS);
  providers.push(provider);
  const sends = batchProviderSends(provider, NO_FRAMES);
  const updates: Uint8Array[] = [];
  const presence: number[][] = [];
  provider._updateHandler = (update) => updates.push(update);
  provider._awarenessUpdateHandler = ({ added, updated, removed }) => presence.push([...added, ...updated, ...removed]);
  return { doc, provider, sends, updates, presence };
}

describe('batchProviderSends', () => {
  it('sends a frame’s local changes as one merged update once the frame is out', () => {
    const { doc, updates } = setUp();
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    expect(updates).toEqual([]);
    vi.advanceTimersByTime(SEND_LATEST_MS);
    expect(updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0] as Uint8Array);
    expect(copy.getText('t').toString()).toBe('ab');
  });

  it('sends at once on flush, and never echoes what the server sent', () => {
    const { doc, provider, sends, updates } = setUp();
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'z');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), provider);
    doc.getText('t').insert(0, 'a');
    sends.flush();
    expect(updates).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(updates).toHaveLength(1);
  });

  it('sends this browser’s presence after its changes, and not co-authors’', () => {
    const { doc, provider, updates, presence } = setUp();
    const theirs = new awarenessProtocol.Awareness(new Y.Doc());
    theirs.setLocalStateField('cursor', { anchor: 1, head: 1 });
    awarenessProtocol.applyAwarenessUpdate(
      provider.awareness,
      awarenessProtocol.encodeAwarenessUpdate(theirs, [theirs.clientID]),
      provider,
    );
    theirs.destroy();
    vi.advanceTimersByTime(SEND_LATEST_MS);
    expect(presence).toEqual([]);
    doc.getText('t').insert(0, 'a');
    provider.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    let updatesWhenPresenceSent = -1;
    provider._awarenessUpdateHandler = ({ updated }) => {
      updatesWhenPresenceSent = updates.length;
      presence.push(updated);
    };
    vi.advanceTimersByTime(SEND_LATEST_MS);
    expect(presence).toEqual([[doc.clientID]]);
    expect(updatesWhenPresenceSent).toBe(1);
  });

  it('sends what waits when disposed, then lets the provider send each change itself', () => {
    const { doc, sends, updates } = setUp();
    doc.getText('t').insert(0, 'a');
    sends.dispose();
    expect(updates).toHaveLength(1);
    doc.getText('t').insert(1, 'b');
    expect(updates).toHaveLength(2);
  });
});
