// Circulated revisions: the list, a printed view of any one, a side-by-side (or inline) redline of any two
// versions, and downloads in HTML, DOCX and PDF.
import type { NegotiationApi } from '../api/NegotiationApi';
import type { RevisionSummary } from '../api/types';
import { clear, h } from '../ui/dom';

export const liveVersion = 'live';

/** The versions offered for comparison: every revision, then the live text. Default: the last two. */
export function comparisonChoices(revisions: readonly RevisionSummary[]): { options: { value: string; label: string }[]; from: string; to: string } {
  const options = revisions.map((r) => ({ value: r.label, label: `${r.label} (${r.symbol})` }));
  options.push({ value: liveVersion, label: 'The live text' });
  const from = revisions.length >= 2 ? revisions[revisions.length - 2].label : revisions.length === 1 ? revisions[0].label : liveVersion;
  const to = revisions.length >= 2 ? revisions[revisions.length - 1].label : liveVersion;
  return { options, from, to };
}

export class RevisionsPanel {
  private readonly list: HTMLElement;
  private readonly from: HTMLSelectElement;
  private readonly to: HTMLSelectElement;
  private readonly error: HTMLElement;
  private view: 'side-by-side' | 'inline' = 'side-by-side';

  constructor(host: HTMLElement, private readonly viewer: HTMLElement, private readonly api: NegotiationApi, private readonly documentId: string) {
    this.list = h('ul', { className: 'revision-list', id: 'revision-list' });
    this.from = h('select', { id: 'compare-from' });
    this.to = h('select', { id: 'compare-to' });
    this.error = h('p', { className: 'form-error', role: 'alert' });
    host.append(
      h('h2', { id: 'revisions-heading' }, 'Revisions'),
      this.list,
      h('form', { id: 'compare-form', 'aria-label': 'Compare two versions', onsubmit: (event: Event) => { event.preventDefault(); void this.compare(); } },
        h('div', { className: 'compare-row' },
          h('label', { for: 'compare-from' }, 'From'), this.from,
          h('label', { for: 'compare-to' }, 'to'), this.to),
        h('div', { className: 'compare-row' },
          h('button', { type: 'submit', id: 'compare-button' }, 'Compare side by side'),
          h('button', { type: 'button', id: 'compare-inline-button', onclick: () => { this.view = 'inline'; void this.compare('inline'); } }, 'Inline'))),
      this.error);
  }

  setRevisions(revisions: RevisionSummary[]): void {
    clear(this.list);
    if (revisions.length === 0) this.list.append(h('li', { className: 'empty' }, 'No revision circulated yet.'));
    for (const revision of revisions) {
      const base = `/api/documents/${this.documentId}/revisions/${encodeURIComponent(revision.label)}/print`;
      this.list.append(h('li', { 'data-revision': revision.label },
        h('span', { className: 'revision-label' }, revision.label),
        h('span', { className: 'revision-symbol' }, ` ${revision.symbol} · ${new Date(revision.circulatedAt).toLocaleString()}`),
        h('div', { className: 'revision-buttons', role: 'group', 'aria-label': `${revision.label} actions` },
          h('button', { type: 'button', className: 'open-revision', onclick: () => void this.open(revision) }, 'Open'),
          h('button', { type: 'button', onclick: () => void this.download(`${base}?format=html`, `${revision.label}.html`) }, 'HTML'),
          h('button', { type: 'button', onclick: () => void this.download(`${base}?format=docx`, `${revision.label}.docx`) }, 'DOCX'),
          h('button', { type: 'button', onclick: () => void this.download(`${base}?format=pdf`, `${revision.label}.pdf`) }, 'PDF'))));
    }
    const choices = comparisonChoices(revisions);
    for (const select of [this.from, this.to]) {
      clear(select);
      for (const option of choices.options) select.append(h('option', { value: option.value }, option.label));
    }
    this.from.value = choices.from;
    this.to.value = choices.to;
  }

  async open(revision: RevisionSummary): Promise<void> {
    await this.show(`${revision.label} — printed view`, () => this.api.printHtml(this.documentId, revision.label));
  }

  async compare(view: 'side-by-side' | 'inline' = 'side-by-side'): Promise<void> {
    this.view = view;
    const from = this.from.value;
    const to = this.to.value;
    const name = (v: string) => (v === liveVersion ? 'the live text' : v);
    await this.show(`${name(from)} compared with ${name(to)} (${view === 'inline' ? 'inline' : 'side by side'})`,
      () => this.api.compareHtml(this.documentId, from, to, view),
      h('button', { type: 'button', id: 'toggle-view', onclick: () => void this.compare(this.view === 'inline' ? 'side-by-side' : 'inline') },
        view === 'inline' ? 'Show side by side' : 'Show inline'));
  }

  private async show(title: string, load: () => Promise<string>, extra?: HTMLElement): Promise<void> {
    this.error.textContent = '';
    try {
      const html = await load();
      clear(this.viewer);
      // No scripts run in the frame; same origin only so that the page can size it to its content.
      const frame = h('iframe', { title, className: 'viewer-frame', sandbox: 'allow-same-origin' });
      frame.addEventListener('load', () => {
        const height = frame.contentDocument?.documentElement.scrollHeight;
        if (height) frame.style.height = `${Math.min(height + 24, 6000)}px`;
      });
      frame.srcdoc = html;
      this.viewer.append(
        h('div', { className: 'viewer-head' },
          h('h2', { id: 'viewer-heading', tabindex: -1 }, title),
          extra ?? null,
          h('button', { type: 'button', id: 'close-viewer', onclick: () => { this.viewer.hidden = true; clear(this.viewer); } }, 'Close')),
        frame);
      this.viewer.hidden = false;
      (this.viewer.querySelector('#viewer-heading') as HTMLElement).focus();
    } catch (error) {
      this.error.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  private async download(path: string, fallbackName: string): Promise<void> {
    this.error.textContent = '';
    try {
      const { blob, fileName } = await this.api.download(path);
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: fileName ?? fallbackName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.error.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}
