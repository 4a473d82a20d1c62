import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SignalRProvider } from '../src/provider/SignalRProvider';
import { FrameType } from '../src/provider/frames';
import { FakeHub, FakeNetwork, ManualScheduler, settle } from './fakeHub';

const documentId = '5a1d2c3e-0000-4000-8000-000000000001';

function open(hub: FakeHub, options: { scheduler?: ManualScheduler; network?: FakeNetwork } = {}) {
  const doc = new Y.Doc();
  const provider = new SignalRProvider(documentId, doc, hub.connect, { scheduler: options.scheduler ?? new ManualScheduler(), network: options.network });
  return { doc, text: doc.getText('text'), provider };
}

describe('SignalRProvider joining a document', () => {
  it('receives the server text on join and reports itself synced', async () => {
    const hub = new FakeHub(documentId, 'The Chair of the CSTD establishes a Working Group.');
    const { text, provider } = open(hub);
    const synced: boolean[] = [];
    provider.on('synced', (value) => synced.push(value));
    await settle();
    expect(provider.status).toBe('connected');
    expect(text.toString()).toBe('The Chair of the CSTD establishes a Working Group.');
    expect(synced).toEqual([true]);
  });

  it('joins the document it was made for before sending any frame', async () => {
    const hub = new FakeHub(documentId, 'text');
    open(hub);
    await settle();
    const connection = hub.connections[0];
    expect(connection.joined).toBe(true);
    expect(connection.sentBeforeJoin).toEqual([]);
    expect(connection.sentOfType(FrameType.sync).length).toBeGreaterThan(0);
  });

  it('reads frames sent as base64 text by the JSON hub protocol', async () => {
    const hub = new FakeHub(documentId, 'bearing in mind');
    hub.base64 = true;
    const { text } = open(hub);
    await settle();
    expect(text.toString()).toBe('bearing in mind');
  });

  it('ignores frames for another document on the same connection', async () => {
    const hub = new FakeHub(documentId, 'ours');
    const { text } = open(hub);
    await settle();
    const other = new Y.Doc();
    other.getText('text').insert(0, 'theirs ');
    const stranger = new Uint8Array([FrameType.sync, 2, ...encodeLength(Y.encodeStateAsUpdate(other))]);
    hub.connections[0].call('Receive', 'another-document', stranger);
    expect(text.toString()).toBe('ours');
  });
});

function encodeLength(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let n = bytes.length;
  while (n > 127) { out.push((n & 127) | 128); n >>>= 7; }
  out.push(n);
  return [...out, ...bytes];
}

describe('SignalRProvider exchanging edits', () => {
  it('sends local typing to the hub, which relays it to the other participants', async () => {
    const hub = new FakeHub(documentId, 'in accordance with');
    const greece = open(hub);
    const chair = open(hub);
    await settle();
    greece.text.insert(0, 'Greece: ');
    await settle();
    expect(hub.text).toBe('Greece: in accordance with');
    expect(chair.text.toString()).toBe('Greece: in accordance with');
  });

  it('does not echo back to the hub an update that came from the hub', async () => {
    const hub = new FakeHub(documentId, 'x');
    const greece = open(hub);
    const chair = open(hub);
    await settle();
    const chairConnection = hub.connections[1];
    const before = chairConnection.sentOfType(FrameType.sync).length;
    greece.text.insert(1, 'y');
    await settle();
    expect(chair.text.toString()).toBe('xy');
    expect(chairConnection.sentOfType(FrameType.sync).length).toBe(before);
  });

  it('reports the reason when the server refuses an edit', async () => {
    const hub = new FakeHub(documentId, 'adopted text');
    const observer = open(hub);
    await settle();
    hub.connections[0].readOnly = true;
    const reasons: string[] = [];
    observer.provider.on('permission-denied', (reason) => reasons.push(reason));
    observer.text.insert(0, 'forced ');
    await settle();
    expect(reasons).toEqual(['this participant may not edit the text']);
    expect(hub.text).toBe('adopted text');
  });

  it('passes Negotiation events of its document on, parsed', async () => {
    const hub = new FakeHub(documentId, '');
    const { provider } = open(hub);
    const events: unknown[] = [];
    provider.on('negotiation', (event) => events.push(event));
    await settle();
    hub.announce({ event: 'positionTaken', sequence: 3 });
    expect(events).toEqual([{ event: 'positionTaken', sequence: 3 }]);
  });
});

describe('SignalRProvider reconnecting', () => {
  it('reconnects after the connection drops, waiting longer after each failure', async () => {
    const hub = new FakeHub(documentId, 'text');
    const scheduler = new ManualScheduler();
    const { provider } = open(hub, { scheduler });
    await settle();
    hub.down = true;
    hub.connections[0].drop();
    expect(provider.status).toBe('disconnected');
    expect(scheduler.waits()).toEqual([250]);
    scheduler.runAll();
    await settle();
    expect(scheduler.waits()).toEqual([500]);
    scheduler.runAll();
    await settle();
    expect(scheduler.waits()).toEqual([1000]);
    hub.down = false;
    scheduler.runAll();
    await settle();
    expect(provider.status).toBe('connected');
    expect(provider.reconnections).toBe(1);
    expect(scheduler.waits()).toEqual([]);
  });

  it('never waits longer than the longest backoff', async () => {
    const hub = new FakeHub(documentId, 'text');
    const scheduler = new ManualScheduler();
    const doc = new Y.Doc();
    new SignalRProvider(documentId, doc, hub.connect, { scheduler, initialBackoffMs: 1000, maxBackoffMs: 3000 });
    await settle();
    hub.down = true;
    hub.connections[0].drop();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      waits.push(...scheduler.waits());
      scheduler.runAll();
      await settle();
    }
    expect(waits).toEqual([1000, 2000, 3000, 3000]);
  });

  it('merges the edits made while disconnected with those made by others meanwhile', async () => {
    const hub = new FakeHub(documentId, 'in accordance with');
    const scheduler = new ManualScheduler();
    const greece = open(hub, { scheduler });
    const chair = open(hub);
    await settle();
    hub.connections[0].drop();
    greece.text.insert(0, 'Greece offline. ');
    chair.text.insert(chair.text.length, ' Chair online.');
    await settle();
    expect(hub.text).toBe('in accordance with Chair online.');
    scheduler.runAll();
    await settle();
    const expected = 'Greece offline. in accordance with Chair online.';
    expect(hub.text).toBe(expected);
    expect(greece.text.toString()).toBe(expected);
    expect(chair.text.toString()).toBe(expected);
  });

  it('closes the connection when the browser goes offline and reopens it when back online', async () => {
    const hub = new FakeHub(documentId, 'text');
    const network = new FakeNetwork();
    const scheduler = new ManualScheduler();
    const delegate = open(hub, { network, scheduler });
    const other = open(hub);
    await settle();
    network.fire('offline');
    await settle();
    expect(delegate.provider.status).toBe('offline');
    expect(hub.connections[0].closed).toBe(true);
    expect(scheduler.waits()).toEqual([]);
    delegate.text.insert(0, 'typed offline: ');
    await settle();
    expect(other.text.toString()).toBe('text');
    network.fire('online');
    await settle();
    expect(delegate.provider.status).toBe('connected');
    expect(other.text.toString()).toBe('typed offline: text');
  });
});

describe('SignalRProvider awareness', () => {
  it('shares the participant with delegation and colour, and forgets others when the connection drops', async () => {
    const hub = new FakeHub(documentId, 'text');
    const greece = open(hub);
    const uk = open(hub);
    greece.provider.awareness.setLocalStateField('user', { name: 'Greece', color: '#1f5fbf', delegation: 'Greece' });
    uk.provider.awareness.setLocalStateField('user', { name: 'UK', color: '#b3261e', delegation: 'UK' });
    await settle();
    const seenByUk = Array.from(uk.provider.awareness.getStates().values()).map((s) => (s as { user: { name: string } }).user.name).sort();
    expect(seenByUk).toEqual(['Greece', 'UK']);
    hub.connections[0].drop();
    await settle();
    expect(Array.from(uk.provider.awareness.getStates().keys())).toEqual([uk.doc.clientID]);
    expect(Array.from(greece.provider.awareness.getStates().keys())).toEqual([greece.doc.clientID]);
  });

  it('sends its presence to participants who join later', async () => {
    const hub = new FakeHub(documentId, 'text');
    const greece = open(hub);
    greece.provider.awareness.setLocalStateField('user', { name: 'Greece' });
    await settle();
    const late = open(hub);
    await settle();
    expect(late.provider.awareness.getStates().get(greece.doc.clientID)).toEqual({ user: { name: 'Greece' } });
  });

  it('tells the others it left when destroyed', async () => {
    const hub = new FakeHub(documentId, 'text');
    const greece = open(hub);
    const uk = open(hub);
    greece.provider.awareness.setLocalStateField('user', { name: 'Greece' });
    await settle();
    await greece.provider.destroy();
    await settle();
    expect(uk.provider.awareness.getStates().has(greece.doc.clientID)).toBe(false);
    expect(greece.provider.status).toBe('disconnected');
  });
});

describe('SignalRProvider after destroy', () => {
  it('sends nothing more and does not reconnect', async () => {
    const hub = new FakeHub(documentId, 'text');
    const scheduler = new ManualScheduler();
    const { doc, provider } = open(hub, { scheduler });
    await settle();
    await provider.destroy();
    const sent = hub.connections[0].sent.length;
    doc.getText('text').insert(0, 'after ');
    await settle();
    expect(hub.connections[0].sent.length).toBe(sent);
    expect(hub.text).toBe('text');
    expect(scheduler.waits()).toEqual([]);
  });

  it('reports a malformed frame as an error without breaking the connection', async () => {
    const hub = new FakeHub(documentId, 'text');
    const { text, provider } = open(hub);
    const errors: string[] = [];
    provider.on('error', (error) => errors.push(error.message));
    await settle();
    hub.connections[0].deliver(new Uint8Array([7, 7]));
    text.insert(0, 'still ');
    await settle();
    expect(errors).toEqual(['unknown frame type 7']);
    expect(hub.text).toBe('still text');
  });
});
