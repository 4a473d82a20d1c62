// Our provider: one document's Y.Doc and awareness kept in sync over the hub /hubs/collab.
// Client calls Join(documentId) and Send(documentId, frame); the server calls Receive(documentId, frame)
// and Negotiation(documentId, eventJson). Frames are y-websocket frames.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ObservableV2 } from 'lib0/observable';
import { awarenessFrame, readFrame, syncStep1Frame, toBytes, updateFrame, type WireFrame } from './frames';

/** The part of @microsoft/signalr's HubConnection the provider uses (a fake stands in for it in tests). */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(methodName: string, ...args: unknown[]): Promise<unknown>;
  on(methodName: string, handler: (...args: any[]) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'offline';

/** Timers, injected so tests decide when a reconnection happens. */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's online/offline signal (window in the page, absent in tests unless given). */
export interface NetworkSignal {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export interface ProviderOptions {
  /** First wait before reconnecting, doubled after each failure up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  scheduler?: Scheduler;
  network?: NetworkSignal;
  /** Connect in the constructor (default true). */
  connect?: boolean;
}

type ProviderEvents = {
  status: (status: ConnectionStatus) => void;
  synced: (synced: boolean) => void;
  'permission-denied': (reason: string) => void;
  negotiation: (event: unknown) => void;
  error: (error: Error) => void;
};

const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Keeps a Y.Doc in sync with the server through a SignalR hub. Edits made while disconnected stay in the doc
 * and travel on the next connection: the server's sync step 1 is answered with everything it lacks.
 */
export class SignalRProvider extends ObservableV2<ProviderEvents> {
  readonly awareness: awarenessProtocol.Awareness;
  status: ConnectionStatus = 'disconnected';
  synced = false;
  /** How many times a connection was lost and made again. */
  reconnections = 0;

  private connection: HubConnectionLike | null = null;
  private wanted = false;
  private destroyed = false;
  private backoffMs: number;
  private retry: unknown = null;
  private everConnected = false;
  /** Replies to frames that arrive while Join is under way (the server's step 1), sent once it returns. */
  private joining: Uint8Array[] | null = null;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly scheduler: Scheduler;
  private readonly network: NetworkSignal | undefined;

  constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    private readonly createConnection: () => HubConnectionLike,
    options: ProviderOptions = {},
  ) {
    super();
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.initialBackoffMs = options.initialBackoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 8000;
    this.backoffMs = this.initialBackoffMs;
    this.scheduler = options.scheduler ?? realScheduler;
    this.network = options.network;
    doc.on('update', this.onDocumentUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.network?.addEventListener('offline', this.onOffline);
    this.network?.addEventListener('online', this.onOnline);
    if (options.connect ?? true) void this.connect();
  }

  /** Opens the connection (and keeps reopening it) until disconnect() or destroy(). */
  async connect(): Promise<void> {
    if (this.destroyed) return;
    this.wanted = true;
    if (this.connection || this.status === 'connecting') return;
    await this.open();
  }

  /** Closes the connection and stops reconnecting; local edits keep accumulating in the doc. */
  async disconnect(status: ConnectionStatus = 'disconnected'): Promise<void> {
    this.wanted = status === 'offline';
    this.cancelRetry();
    const connection = this.connection;
    this.connection = null;
    this.joining = null;
    this.dropRemoteStates();
    this.setStatus(status);
    this.setSynced(false);
    if (connection) await connection.stop().catch(() => undefined);
  }

  /** Leaves for good: tells the others this participant left, closes, and forgets the doc's listeners. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    if (this.connection && this.status === 'connected') {
      awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    }
    await this.disconnect();
    this.destroyed = true;
    this.doc.off('update', this.onDocumentUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.network?.removeEventListener('offline', this.onOffline);
    this.network?.removeEventListener('online', this.onOnline);
    this.awareness.destroy();
    super.destroy();
  }

  private async open(): Promise<void> {
    this.cancelRetry();
    this.setStatus('connecting');
    const connection = this.createConnection();
    this.connection = connection;
    connection.on('Receive', (documentId: string, frame: WireFrame) => {
      if (this.connection === connection && documentId === this.documentId) this.receive(frame);
    });
    connection.on('Negotiation', (documentId: string, eventJson: string) => {
      if (this.connection !== connection || documentId !== this.documentId) return;
      try {
        this.emit('negotiation', [JSON.parse(eventJson)]);
      } catch (error) {
        this.emit('error', [error instanceof Error ? error : new Error(String(error))]);
      }
    });
    connection.onclose(() => {
      if (this.connection === connection) this.lost();
    });
    try {
      await connection.start();
      if (this.connection !== connection) return;
      this.joining = [];
      await connection.invoke('Join', this.documentId);
      if (this.connection !== connection) return;
    } catch (error) {
      this.joining = null;
      if (this.connection === connection) {
        this.emit('error', [error instanceof Error ? error : new Error(String(error))]);
        this.lost();
        void connection.stop().catch(() => undefined);
      }
      return;
    }
    if (this.everConnected) this.reconnections++;
    this.everConnected = true;
    this.backoffMs = this.initialBackoffMs;
    const replies = this.joining ?? [];
    this.joining = null;
    this.setStatus('connected');
    // The answer to the server's step 1 carries what it lacks: the edits made while we were away among them.
    for (const reply of replies) this.send(reply);
    // Our state vector: the server answers with what we lack.
    this.send(syncStep1Frame(this.doc));
    if (this.awareness.getLocalState() !== null) {
      this.send(awarenessFrame(this.awareness, [this.doc.clientID]));
    }
  }

  private lost(): void {
    this.connection = null;
    this.joining = null;
    this.dropRemoteStates();
    this.setSynced(false);
    if (!this.wanted || this.destroyed) {
      this.setStatus(this.status === 'offline' ? 'offline' : 'disconnected');
      return;
    }
    if (this.status === 'offline') return;
    this.setStatus('disconnected');
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    this.retry = this.scheduler.setTimeout(() => {
      this.retry = null;
      if (this.wanted && !this.connection && !this.destroyed) void this.open();
    }, wait);
  }

  private receive(frame: WireFrame): void {
    try {
      const outcome = readFrame(toBytes(frame), this.doc, this.awareness, this);
      if (outcome.reply) this.send(outcome.reply);
      if (outcome.synced) this.setSynced(true);
      if (outcome.permissionDenied !== null) this.emit('permission-denied', [outcome.permissionDenied]);
    } catch (error) {
      this.emit('error', [error instanceof Error ? error : new Error(String(error))]);
    }
  }

  private send(frame: Uint8Array): void {
    const connection = this.connection;
    if (!connection) return;
    if (this.status !== 'connected') {
      this.joining?.push(frame);
      return;
    }
    connection.invoke('Send', this.documentId, frame).catch((error: unknown) => {
      // The edit stays in the doc; the next connection's sync carries it.
      this.emit('error', [error instanceof Error ? error : new Error(String(error))]);
    });
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.send(updateFrame(update));
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    const changed = added.concat(updated, removed);
    if (changed.length > 0) this.send(awarenessFrame(this.awareness, changed));
  };

  private readonly onOffline = (): void => {
    // Browsers keep a WebSocket open when the network goes away; close it ourselves and wait for 'online'.
    void this.disconnect('offline');
  };

  private readonly onOnline = (): void => {
    if (this.status === 'offline' && !this.destroyed) {
      this.wanted = true;
      this.backoffMs = this.initialBackoffMs;
      void this.open();
    }
  };

  private dropRemoteStates(): void {
    const others = Array.from(this.awareness.getStates().keys()).filter((client) => client !== this.doc.clientID);
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  private cancelRetry(): void {
    if (this.retry !== null) {
      this.scheduler.clearTimeout(this.retry);
      this.retry = null;
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status !== status) {
      this.status = status;
      this.emit('status', [status]);
    }
  }

  private setSynced(synced: boolean): void {
    if (this.synced !== synced) {
      this.synced = synced;
      this.emit('synced', [synced]);
    }
  }
}
