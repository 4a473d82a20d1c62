// Amendment anchors: base64 of Y.encodeRelativePosition (docs/protocol.md). They follow the text as it moves.
import * as Y from 'yjs';
import type { Amendment } from '../api/types';

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Where a relative position resolves in the text now, or null when it cannot (the doc lacks its item yet). */
export function resolveAnchor(doc: Y.Doc, ytext: Y.Text, anchor: string): number | null {
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(anchor)), doc);
    return absolute && absolute.type === ytext ? absolute.index : null;
  } catch {
    return null;
  }
}

/** Where an amendment lies in the local text now: its anchors, else the server's span as last reported. */
export function spanOf(doc: Y.Doc, ytext: Y.Text, amendment: Amendment): { from: number; to: number } | null {
  const start = amendment.anchor ? resolveAnchor(doc, ytext, amendment.anchor.start) : null;
  const end = amendment.anchor ? resolveAnchor(doc, ytext, amendment.anchor.end) : null;
  if (start !== null && end !== null && end >= start) return { from: start, to: end };
  return amendment.span ? { from: amendment.span.start, to: amendment.span.end } : null;
}

/** The anchor of a span as the client makes it (start with assoc 0, end with assoc -1; a point twice). */
export function anchorOf(ytext: Y.Text, start: number, end: number): { start: string; end: string } {
  const startBytes = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, start, 0));
  if (start === end) {
    const point = toBase64(startBytes);
    return { start: point, end: point };
  }
  const endBytes = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, end, -1));
  return { start: toBase64(startBytes), end: toBase64(endBytes) };
}
