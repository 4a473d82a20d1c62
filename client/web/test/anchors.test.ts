import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Amendment } from '../src/api/types';
import { anchorOf, resolveAnchor, spanOf } from '../src/amendments/anchors';

function twoPeers(text: string) {
  const a = new Y.Doc();
  a.getText('text').insert(0, text);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

describe('Amendment anchors', () => {
  it('follow the span as others type before and inside the paragraph', () => {
    const { a, b } = twoPeers('Decisions in accordance with the rules.');
    const at = 10;
    const anchor = anchorOf(a.getText('text'), at, at + 18);
    b.getText('text').insert(0, 'All ');
    b.getText('text').insert(b.getText('text').length, ' Agreed.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const text = a.getText('text');
    const from = resolveAnchor(a, text, anchor.start)!;
    const to = resolveAnchor(a, text, anchor.end)!;
    expect(text.toString().slice(from, to)).toBe('in accordance with');
  });

  it('do not swallow words typed right after the span', () => {
    const { a } = twoPeers('in accordance with');
    const text = a.getText('text');
    const anchor = anchorOf(text, 0, text.length);
    text.insert(text.length, ' the rules');
    expect(resolveAnchor(a, text, anchor.end)).toBe('in accordance with'.length);
  });

  it('give the same bytes twice for a point', () => {
    const { a } = twoPeers('text');
    const anchor = anchorOf(a.getText('text'), 2, 2);
    expect(anchor.start).toBe(anchor.end);
  });

  it('fall back on the span the server reported when the local doc cannot resolve them', () => {
    const { a } = twoPeers('text');
    const stranger = new Y.Doc();
    stranger.getText('text').insert(0, 'unknown here');
    const foreign = anchorOf(stranger.getText('text'), 1, 3);
    const amendment = { anchor: foreign, span: { start: 0, end: 2 } } as Amendment;
    expect(resolveAnchor(a, a.getText('text'), 'not base64!')).toBeNull();
    expect(spanOf(a, a.getText('text'), amendment)).toEqual({ from: 0, to: 2 });
  });
});
