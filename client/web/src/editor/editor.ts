// The text editor: CodeMirror 6 bound to the shared Y.Text with y-codemirror.next.
import * as Y from 'yjs';
import { Compartment, EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration, EditorView, GutterMarker, WidgetType, drawSelection, gutter, highlightActiveLine, keymap, lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { bracketMatching } from '@codemirror/language';
import { defaultKeymap } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import type { Awareness } from 'y-protocols/awareness';
import { frontMatterHeader } from './frontMatter';
import { bracketNotation } from './notation';
import { readParagraphs, type Paragraph } from './paragraphs';

/** An amendment drawn in the text: where its anchor resolves now. */
export interface PinnedAmendment {
  id: string;
  from: number;
  to: number;
  title: string;
  colliding: boolean;
  selected: boolean;
}

export const setPinned = StateEffect.define<PinnedAmendment[]>();

class InsertionMark extends WidgetType {
  constructor(readonly pin: PinnedAmendment) { super(); }
  eq(other: InsertionMark) { return other.pin.id === this.pin.id && other.pin.colliding === this.pin.colliding && other.pin.selected === this.pin.selected; }
  toDOM() {
    const mark = document.createElement('span');
    mark.className = 'cm-amendment-point' + (this.pin.colliding ? ' cm-amendment-collision' : '') + (this.pin.selected ? ' cm-amendment-selected' : '');
    mark.textContent = '⁁';
    mark.title = this.pin.title;
    mark.dataset.amendment = this.pin.id;
    return mark;
  }
}

const pinnedField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setPinned)) {
        const length = transaction.state.doc.length;
        const pins = effect.value
          .map((pin) => ({ ...pin, from: Math.min(pin.from, length), to: Math.min(pin.to, length) }))
          .sort((a, b) => a.from - b.from || a.to - b.to);
        const builder = new RangeSetBuilder<Decoration>();
        for (const pin of pins) {
          const classes = 'cm-amendment' + (pin.colliding ? ' cm-amendment-collision' : '') + (pin.selected ? ' cm-amendment-selected' : '');
          if (pin.from === pin.to) {
            builder.add(pin.from, pin.from, Decoration.widget({ widget: new InsertionMark(pin), side: 1 }));
          } else {
            builder.add(pin.from, pin.to, Decoration.mark({ class: classes, attributes: { title: pin.title, 'data-amendment': pin.id } }));
          }
        }
        return builder.finish();
      }
    }
    return decorations.map(transaction.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

class ParagraphLabel extends GutterMarker {
  constructor(readonly label: string) { super(); }
  eq(other: ParagraphLabel) { return other.label === this.label; }
  toDOM() { return document.createTextNode(this.label); }
}

/** The paragraph numbers in the margin, next to each paragraph's first line. */
const paragraphGutter = (): Extension => {
  const paragraphsField = StateField.define<Paragraph[]>({
    create: (state) => readParagraphs(state.doc.toString()),
    update: (value, transaction) => (transaction.docChanged ? readParagraphs(transaction.state.doc.toString()) : value),
  });
  return [
    paragraphsField,
    gutter({
      class: 'cm-paragraph-gutter',
      markers(view) {
        const builder = new RangeSetBuilder<GutterMarker>();
        for (const paragraph of view.state.field(paragraphsField)) {
          const line = view.state.doc.line(paragraph.firstLine);
          builder.add(line.from, line.from, new ParagraphLabel(paragraph.label));
        }
        return builder.finish();
      },
      initialSpacer: () => new ParagraphLabel('PP10 bis'),
    }),
  ];
};

// Undo and redo change the Y.Text directly, past CodeMirror's read-only facet: keep them to writable editors.
const guardedUndoKeymap = yUndoManagerKeymap.map((binding) => ({
  ...binding,
  run: (view: EditorView) => (view.state.readOnly ? true : binding.run ? binding.run(view) : false),
}));

export interface TextEditor {
  view: EditorView;
  setWritable(writable: boolean): void;
  pin(amendments: PinnedAmendment[]): void;
  selection(): { from: number; to: number };
  destroy(): void;
}

export function createEditor(parent: HTMLElement, ytext: Y.Text, awareness: Awareness, onSelectionChange: () => void): TextEditor {
  const writable = new Compartment();
  const undoManager = new Y.UndoManager(ytext);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: ytext.toString(),
      extensions: [
        lineNumbers(),
        paragraphGutter(),
        highlightActiveLine(),
        drawSelection(),
        bracketMatching({ brackets: '()[]{}' }),
        bracketNotation,
        frontMatterHeader,
        search({ top: true }),
        highlightSelectionMatches(),
        keymap.of([...guardedUndoKeymap, ...searchKeymap, ...defaultKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Text under negotiation', 'aria-multiline': 'true' }),
        writable.of(EditorState.readOnly.of(true)),
        pinnedField,
        yCollab(ytext, awareness, { undoManager }),
        EditorView.updateListener.of((update) => {
          if (update.selectionSet || update.docChanged) onSelectionChange();
        }),
      ],
    }),
  });
  return {
    view,
    setWritable(allowed: boolean) {
      view.dispatch({ effects: writable.reconfigure(EditorState.readOnly.of(!allowed)) });
      view.dom.classList.toggle('cm-read-only', !allowed);
      view.contentDOM.setAttribute('aria-readonly', String(!allowed));
    },
    pin(amendments: PinnedAmendment[]) {
      view.dispatch({ effects: setPinned.of(amendments) });
    },
    selection() {
      const main = view.state.selection.main;
      return { from: main.from, to: main.to };
    },
    destroy() {
      undoManager.destroy();
      view.destroy();
    },
  };
}
