// The text as it was at a moment of the timeline: a CodeMirror view of its own, read only, with no tie to the shared
// document (the live editor and its Y.Text are never touched), under a banner naming the moment.
import { EditorState } from '@codemirror/state';
import { Decoration, EditorView, lineNumbers } from '@codemirror/view';
import type { DocumentAtMoment } from '../api/types';
import { frontMatterHeader } from '../editor/frontMatter';
import { bracketNotation } from '../editor/notation';
import { clear, h } from '../ui/dom';
import { proposerName } from '../amendments/AmendmentBook';
import { formatMoment } from './moments';

export class PastText {
  private readonly banner: HTMLElement;
  private readonly view: EditorView;

  constructor(private readonly host: HTMLElement, backToLive: () => void) {
    this.banner = h('div', { className: 'past-banner', id: 'past-banner', role: 'note' });
    const back = h('button', { type: 'button', id: 'past-back-to-live', className: 'primary', onclick: backToLive }, 'Back to live');
    const editorHost = h('div', { id: 'past-editor' });
    host.append(h('div', { className: 'past-head' }, this.banner, back), editorHost);
    this.view = new EditorView({
      parent: editorHost,
      state: this.state(''),
    });
    host.hidden = true;
  }

  /** Shows the text of the moment. */
  show(moment: DocumentAtMoment, summary: string): void {
    this.view.setState(this.state(moment.text, moment));
    clear(this.banner);
    const revisions = moment.revisions.length > 0 ? `revisions circulated by then: ${moment.revisions.join(', ')}` : 'no revision circulated by then';
    this.banner.append(
      h('strong', { id: 'past-as-at' }, `As at ${formatMoment(moment.time)}`),
      h('span', { className: 'past-readonly' }, ' — read only, the live text goes on. '),
      h('span', { id: 'past-summary' }, summary),
      h('span', { className: 'past-state' }, ` (${moment.status === 'adopted' ? 'adopted' : 'under negotiation'}; ${revisions})`));
    this.view.dom.setAttribute('data-time', moment.time);
    this.host.hidden = false;
    // Built while hidden, the view has not measured itself: it would draw only part of the text.
    this.view.requestMeasure();
  }

  hide(): void {
    this.host.hidden = true;
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  private state(text: string, moment?: DocumentAtMoment): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        EditorView.decorations.of(openAmendmentsThen(text.length, moment)),
        lineNumbers(),
        bracketNotation,
        frontMatterHeader,
        EditorView.lineWrapping,
        EditorState.readOnly.of(true),
        EditorView.contentAttributes.of({ 'aria-label': 'The text as it was at the chosen moment (read only)', 'aria-readonly': 'true', 'aria-multiline': 'true' }),
      ],
    });
  }
}

/** The amendments open at the moment, marked on their spans in the text of then (the server resolved them on it). */
function openAmendmentsThen(length: number, moment?: DocumentAtMoment) {
  const marks = (moment?.amendments ?? [])
    .filter((a) => a.status === 'proposed' && a.span && a.span.start < a.span.end && a.span.end <= length)
    .sort((a, b) => a.span!.start - b.span!.start)
    .map((a) => Decoration.mark({ class: 'cm-amendment', attributes: { title: `${proposerName(a)}: ${a.ledger}`, 'data-amendment': a.id } })
      .range(a.span!.start, a.span!.end));
  return Decoration.set(marks, true);
}
