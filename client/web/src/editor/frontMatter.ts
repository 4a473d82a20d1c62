// The draft's front matter (the "---" block with symbol, date and status, docs/notation.md) shown as a header above
// the text instead of raw lines. The shared text is not changed: a block decoration covers the lines, the cursor
// steps over them, and local edits inside them are filtered out. Changes arriving from the shared document (other
// participants, the server) pass untouched, so every copy of the text stays the same.
import { EditorState, StateField, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { ySyncAnnotation } from 'y-codemirror.next';

export interface FrontMatter {
  /** Offset of the opening "---". */
  from: number;
  /** Offset just after the closing "---" (before its line break). */
  to: number;
  /** The "key: value" lines, in order. */
  fields: [string, string][];
}

/** Reads the front matter at the start of a draft's source; null when the text does not open with one. */
export function readFrontMatter(text: string): FrontMatter | null {
  if (!/^---\r?\n/.test(text)) return null;
  const close = /(^|\n)---[ \t]*(?=\r?\n|$)/g;
  close.lastIndex = 3;
  const match = close.exec(text);
  if (!match) return null;
  const to = match.index + match[0].length;
  const fields: [string, string][] = [];
  for (const line of text.slice(4, match.index + match[1].length).split(/\r?\n/)) {
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (pair) fields.push([pair[1], pair[2].replace(/^["']|["']$/g, '')]);
  }
  return { from: 0, to, fields };
}

/** The header's line: "E/CN.16/2010/CRP.1 · 2010-12-17T19:00:00 · draft" (symbol, date, status, then the rest). */
export function describeFrontMatter(matter: FrontMatter): { key: string; value: string }[] {
  const order = ['symbol', 'date', 'status'];
  return [...matter.fields]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([key, value]) => ({ key, value }));
  function rank(key: string): number {
    const i = order.indexOf(key.toLowerCase());
    return i < 0 ? order.length : i;
  }
}

class FrontMatterHeader extends WidgetType {
  constructor(readonly shown: string) { super(); }
  eq(other: FrontMatterHeader) { return other.shown === this.shown; }
  toDOM() {
    const header = document.createElement('div');
    header.className = 'cm-front-matter';
    header.setAttribute('role', 'group');
    header.setAttribute('aria-label', 'Document header (front matter, not editable here)');
    for (const { key, value } of JSON.parse(this.shown) as { key: string; value: string }[]) {
      const item = document.createElement('span');
      item.className = 'cm-front-matter-field';
      item.dataset.field = key;
      const name = document.createElement('span');
      name.className = 'cm-front-matter-key';
      name.textContent = key;
      item.append(name, ' ', value);
      header.append(item);
    }
    return header;
  }
  ignoreEvent() { return false; }
}

/** A front matter longer than this is left as text (it is read on every keystroke). */
const longestFrontMatter = 8192;

function frontMatterOf(doc: Text): FrontMatter | null {
  return readFrontMatter(doc.sliceString(0, longestFrontMatter));
}

function decorate(state: EditorState): DecorationSet {
  const matter = frontMatterOf(state.doc);
  if (!matter) return Decoration.none;
  const widget = new FrontMatterHeader(JSON.stringify(describeFrontMatter(matter)));
  return Decoration.set([Decoration.replace({ widget, block: true }).range(matter.from, matter.to)]);
}

const headerField = StateField.define<DecorationSet>({
  create: decorate,
  update: (value, transaction) => (transaction.docChanged ? decorate(transaction.state) : value),
  provide: (field) => [EditorView.decorations.from(field), EditorView.atomicRanges.of((view) => view.state.field(field))],
});

/** Shows the front matter as a header and keeps local typing out of it; remote changes pass. */
export const frontMatterHeader: Extension = [
  headerField,
  EditorState.changeFilter.of((transaction) => {
    if (transaction.annotation(ySyncAnnotation) !== undefined) return true;
    const matter = frontMatterOf(transaction.startState.doc);
    // The line break after the closing "---" belongs to the header too: joining the title to it would break it.
    return matter ? [matter.from, Math.min(matter.to + 1, transaction.startState.doc.length)] : true;
  }),
];
