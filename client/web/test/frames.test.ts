import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { FrameType, queryAwarenessFrame, readFrame, syncStep1Frame, toBytes, updateFrame } from '../src/provider/frames';

describe('y-websocket frames', () => {
  it('answers a sync step 1 with the update the asker lacks', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('text').insert(0, 'typed offline');
    const outcome = readFrame(syncStep1Frame(server), client, new Awareness(client), 'test');
    expect(outcome.reply).not.toBeNull();
    readFrame(outcome.reply!, server, new Awareness(server), 'test');
    expect(server.getText('text').toString()).toBe('typed offline');
  });

  it('applies an update frame', () => {
    const source = new Y.Doc();
    source.getText('text').insert(0, 'bearing in mind');
    const target = new Y.Doc();
    const outcome = readFrame(updateFrame(Y.encodeStateAsUpdate(source)), target, new Awareness(target), 'test');
    expect(target.getText('text').toString()).toBe('bearing in mind');
    expect(outcome).toEqual({ reply: null, synced: false, permissionDenied: null });
  });

  it('answers a query for awareness with every known state', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Greece' });
    const outcome = readFrame(queryAwarenessFrame(), doc, awareness, 'test');
    expect(outcome.reply?.[0]).toBe(FrameType.awareness);
  });

  it('refuses a frame of an unknown type', () => {
    const doc = new Y.Doc();
    expect(() => readFrame(new Uint8Array([9]), doc, new Awareness(doc), 'test')).toThrow('unknown frame type 9');
  });

  it('takes bytes, base64 text or a number array', () => {
    expect(Array.from(toBytes('AAEC'))).toEqual([0, 1, 2]);
    expect(Array.from(toBytes([3, 4]))).toEqual([3, 4]);
    expect(Array.from(toBytes(new Uint8Array([5]).buffer))).toEqual([5]);
  });
});
