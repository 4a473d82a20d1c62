// y-websocket frames: varuint type, then the payload (docs/protocol.md, "Frames").
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';

export const FrameType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** A frame as the hub hands it over: MessagePack gives bytes, the JSON protocol base64 text. */
export type WireFrame = Uint8Array | ArrayBuffer | string | number[];

export function toBytes(frame: WireFrame): Uint8Array {
  if (frame instanceof Uint8Array) return frame;
  if (frame instanceof ArrayBuffer) return new Uint8Array(frame);
  if (typeof frame === 'string') {
    const binary = atob(frame);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  if (Array.isArray(frame)) return Uint8Array.from(frame);
  throw new TypeError('a frame must be bytes or base64 text');
}

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FrameType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FrameType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FrameType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

export function queryAwarenessFrame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FrameType.queryAwareness);
  return encoding.toUint8Array(encoder);
}

/** What reading one incoming frame produced. */
export interface FrameOutcome {
  /** A frame to send back (a sync step 2 answering a step 1, or the awareness states asked for). */
  reply: Uint8Array | null;
  /** The frame was a sync step 2: the document now holds everything the server had. */
  synced: boolean;
  /** The server refused something: the reason it gave. */
  permissionDenied: string | null;
}

/** Reads one frame from the server and applies it to the document and awareness with the given origin. */
export function readFrame(
  bytes: Uint8Array,
  doc: Y.Doc,
  awareness: awarenessProtocol.Awareness,
  origin: unknown,
): FrameOutcome {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  const outcome: FrameOutcome = { reply: null, synced: false, permissionDenied: null };
  switch (type) {
    case FrameType.sync: {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, FrameType.sync);
      const messageType = syncProtocol.readSyncMessage(decoder, encoder, doc, origin);
      if (encoding.length(encoder) > 1) outcome.reply = encoding.toUint8Array(encoder);
      outcome.synced = messageType === syncProtocol.messageYjsSyncStep2;
      break;
    }
    case FrameType.awareness:
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), origin);
      break;
    case FrameType.auth: {
      const denied = decoding.readVarUint(decoder) === 0;
      const reason = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : '';
      if (denied) outcome.permissionDenied = reason || 'permission denied';
      break;
    }
    case FrameType.queryAwareness:
      outcome.reply = awarenessFrame(awareness, Array.from(awareness.getStates().keys()));
      break;
    default:
      throw new Error(`unknown frame type ${type}`);
  }
  return outcome;
}
