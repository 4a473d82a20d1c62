// A hub that behaves as the server's /hubs/collab does for one document (docs/protocol.md): on Join it sends its
// sync step 1, its state as step 2 and the awareness states; it answers frames with y-protocols and relays
// updates and awareness to the other connections. Connections can be cut, refused, or made read-only.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { HubConnectionLike, Scheduler } from '../src/provider/SignalRProvider';
import { FrameType, awarenessFrame, toBytes, updateFrame } from '../src/provider/frames';

type Handler = (...args: any[]) => void;

export class FakeHub {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections: FakeConnection[] = [];
  /** When true, start() fails (the server is down). */
  down = false;
  /** Sends frames as base64 text, as the JSON hub protocol does. */
  base64 = false;

  constructor(readonly documentId: string, text = '') {
    this.awareness.setLocalState(null);
    if (text) this.doc.getText('text').insert(0, text);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const connection of this.live()) if (connection !== origin) connection.deliver(updateFrame(update));
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const frame = awarenessFrame(this.awareness, added.concat(updated, removed));
      for (const connection of this.live()) if (connection !== origin) connection.deliver(frame);
    });
  }

  connect = (): FakeConnection => {
    const connection = new FakeConnection(this);
    this.connections.push(connection);
    return connection;
  };

  live(): FakeConnection[] {
    return this.connections.filter((c) => c.joined && !c.closed);
  }

  get text(): string {
    return this.doc.getText('text').toString();
  }

  join(connection: FakeConnection, documentId: string): void {
    if (documentId !== this.documentId) throw new Error(`no document ${documentId}`);
    connection.joined = true;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, FrameType.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    connection.deliver(encoding.toUint8Array(step1));
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, FrameType.sync);
    syncProtocol.writeSyncStep2(step2, this.doc);
    connection.deliver(encoding.toUint8Array(step2));
    const states = Array.from(this.awareness.getStates().keys());
    if (states.length > 0) connection.deliver(awarenessFrame(this.awareness, states));
  }

  receive(connection: FakeConnection, frame: Uint8Array): void {
    connection.sent.push(frame);
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === FrameType.sync) {
      const messageType = decoding.peekVarUint(decoder);
      if (connection.readOnly && messageType !== syncProtocol.messageYjsSyncStep1) {
        connection.deliver(deniedFrame('this participant may not edit the text'));
        return;
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, FrameType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, connection);
      if (encoding.length(reply) > 1) connection.deliver(encoding.toUint8Array(reply));
    } else if (type === FrameType.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
      const clients = readAwarenessClients(update);
      for (const client of clients) connection.awarenessClients.add(client);
    }
  }

  /** Sends a Negotiation event to every joined connection. */
  announce(event: unknown): void {
    for (const connection of this.live()) connection.call('Negotiation', this.documentId, JSON.stringify(event));
  }

  leave(connection: FakeConnection): void {
    const clients = Array.from(connection.awarenessClients).filter((c) => this.awareness.getStates().has(c));
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, connection);
  }
}

function readAwarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients: number[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return clients;
}

/** An auth frame refusing with `reason`, as the server sends it. */
function deniedFrame(reason: string): Uint8Array {
  const denied = encoding.createEncoder();
  encoding.writeVarUint(denied, FrameType.auth);
  encoding.writeVarUint(denied, 0);
  encoding.writeVarString(denied, reason);
  return encoding.toUint8Array(denied);
}

export class FakeConnection implements HubConnectionLike {
  joined = false;
  /** Frames the client sent before it had joined (the server answers each with an auth frame). */
  readonly sentBeforeJoin: Uint8Array[] = [];
  closed = false;
  started = false;
  readOnly = false;
  readonly sent: Uint8Array[] = [];
  readonly awarenessClients = new Set<number>();
  private readonly handlers = new Map<string, Handler>();
  private closeCallback: ((error?: Error) => void) | null = null;

  constructor(private readonly hub: FakeHub) {}

  async start(): Promise<void> {
    if (this.hub.down) throw new Error('connection refused');
    this.started = true;
  }

  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hub.leave(this);
  }

  async invoke(methodName: string, ...args: unknown[]): Promise<unknown> {
    if (!this.started || this.closed) throw new Error('not connected');
    if (methodName === 'Join') this.hub.join(this, args[0] as string);
    else if (methodName === 'Send') {
      if (!this.joined) {
        this.sentBeforeJoin.push(toBytes(args[1] as Uint8Array));
        this.deliver(deniedFrame('join the document before sending frames for it'));
      } else this.hub.receive(this, toBytes(args[1] as Uint8Array));
    } else throw new Error(`unknown hub method ${methodName}`);
    return undefined;
  }

  on(methodName: string, handler: Handler): void {
    this.handlers.set(methodName, handler);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closeCallback = callback;
  }

  deliver(frame: Uint8Array): void {
    if (this.closed) return;
    this.call('Receive', this.hub.documentId, this.hub.base64 ? Buffer.from(frame).toString('base64') : frame);
  }

  call(methodName: string, ...args: unknown[]): void {
    this.handlers.get(methodName)?.(...args);
  }

  /** The server or the network drops the connection. */
  drop(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.leave(this);
    this.closeCallback?.(new Error('connection lost'));
  }

  /** The frames this connection sent, by y-websocket type. */
  sentOfType(type: number): Uint8Array[] {
    return this.sent.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === type);
  }
}

/** Timers that run only when the test says so. */
export class ManualScheduler implements Scheduler {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { callback, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The waits asked for, in order. */
  waits(): number[] {
    return Array.from(this.pending.values()).map((p) => p.ms);
  }

  runAll(): void {
    const due = Array.from(this.pending.entries());
    this.pending.clear();
    for (const [, { callback }] of due) callback();
  }
}

/** A stand-in for window's online/offline events. */
export class FakeNetwork {
  private readonly listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: 'online' | 'offline'): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

/** Lets the promises of start/invoke settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
