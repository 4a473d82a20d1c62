import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { ySyncAnnotation } from 'y-codemirror.next';
import { describeFrontMatter, frontMatterHeader, readFrontMatter } from '../src/editor/frontMatter';

const draft = '---\nsymbol: E/CN.16/2010/CRP.1\ndate: 2010-12-17T19:00:00\nstatus: draft\n---\n\n# Composition of the Working Group\n\nThe Chair of the CSTD establishes a Working Group.';

describe('The front matter of a draft', () => {
  it('is read with its fields and its extent up to the closing line', () => {
    const matter = readFrontMatter(draft)!;
    expect(matter.fields).toEqual([['symbol', 'E/CN.16/2010/CRP.1'], ['date', '2010-12-17T19:00:00'], ['status', 'draft']]);
    expect(draft.slice(matter.from, matter.to)).toBe('---\nsymbol: E/CN.16/2010/CRP.1\ndate: 2010-12-17T19:00:00\nstatus: draft\n---');
  });

  it('is absent from a text that does not open with it, or never closes it', () => {
    expect(readFrontMatter('# Title\n\n---\nsymbol: x\n---')).toBeNull();
    expect(readFrontMatter('---\nsymbol: x\n\nno closing line')).toBeNull();
  });

  it('shows symbol, date and status first in the header', () => {
    const matter = readFrontMatter('---\ntitle: T\nstatus: draft\nsymbol: S\n---\n')!;
    expect(describeFrontMatter(matter).map((f) => f.key)).toEqual(['symbol', 'status', 'title']);
  });
});

describe('The front matter in the editor', () => {
  const state = () => EditorState.create({ doc: draft, extensions: [frontMatterHeader] });

  it('keeps a local edit out of the header and lets it through in the text', () => {
    const typedInHeader = state().update({ changes: { from: 8, insert: 'XX' } }).state;
    expect(typedInHeader.doc.toString()).toBe(draft);
    const end = draft.length;
    const typedInText = state().update({ changes: { from: end, insert: ' More.' } }).state;
    expect(typedInText.doc.toString()).toBe(draft + ' More.');
  });

  it('keeps the header when everything is selected and deleted', () => {
    const cleared = state().update({ changes: { from: 0, to: draft.length } }).state.doc.toString();
    expect(cleared).toBe(draft.slice(0, readFrontMatter(draft)!.to + 1));
  });

  it('lets a change from the shared document through, so every copy holds the same text', () => {
    const remote = state().update({ changes: { from: 8, insert: 'XX' }, annotations: [ySyncAnnotation.of({} as never)] }).state;
    expect(remote.doc.toString()).toBe(draft.slice(0, 8) + 'XX' + draft.slice(8));
  });
});
