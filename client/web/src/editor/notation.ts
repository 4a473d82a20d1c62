// Highlights the bracket notation in the text: [ and ], the " / " between alternatives and {attributions}.
import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

const bracket = Decoration.mark({ class: 'cm-notation-bracket' });
const separator = Decoration.mark({ class: 'cm-notation-separator' });
const attribution = Decoration.mark({ class: 'cm-notation-attribution' });

const matcher = new MatchDecorator({
  regexp: /\{[^{}\n]*\}|\[|\]| \/ /g,
  decoration: (match) => (match[0] === '[' || match[0] === ']' ? bracket : match[0] === ' / ' ? separator : attribution),
});

export const bracketNotation = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) { this.decorations = matcher.createDeco(view); }
    update(update: ViewUpdate) { this.decorations = matcher.updateDeco(update, this.decorations); }
  },
  { decorations: (plugin) => plugin.decorations },
);
