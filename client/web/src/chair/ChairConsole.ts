// The chair's console: who may type in the text, circulate Rev.N, adopt (after a confirmation naming what locks).
import type { NegotiatedDocument, OnScreenDrafting } from '../api/types';
import { clear, h, keepingFocus } from '../ui/dom';

export interface ChairActions {
  switchDrafting(mode: OnScreenDrafting): Promise<void>;
  circulate(): Promise<void>;
  adopt(): Promise<void>;
}

export const draftingNames: Record<OnScreenDrafting, string> = {
  chairAndSecretariat: 'Chair and secretariat type',
  memberStates: 'Member-state delegates type too',
  closed: 'Nobody types (text frozen)',
};

/** The sentence the adoption confirmation shows: what will be locked, and for whom. */
export function adoptionWarning(document: Pick<NegotiatedDocument, 'symbol' | 'title' | 'openAmendments' | 'revisions'>, textLength: number): string {
  const last = document.revisions.length > 0 ? document.revisions[document.revisions.length - 1].label : 'no revision circulated yet';
  const open = document.openAmendments === 1 ? '1 amendment is still open' : `${document.openAmendments} amendments are still open`;
  return `Adopting locks ${document.symbol} “${document.title}”: its live text (${textLength} characters; latest circulated: ${last}) ` +
    `is sealed with its SHA-256, and from then on nobody can type, propose, take a position or decide on it. ` +
    (document.openAmendments > 0 ? `${open}: the server refuses adoption until each is decided or withdrawn.` : 'No amendment is open.');
}

export class ChairConsole {
  private readonly error: HTMLElement;
  private readonly dialog: HTMLDialogElement;
  private readonly dialogText: HTMLElement;
  private document: NegotiatedDocument | null = null;

  constructor(private readonly host: HTMLElement, private readonly actions: ChairActions, private readonly textLength: () => number) {
    this.error = h('p', { className: 'form-error', role: 'alert', id: 'chair-error' });
    this.dialogText = h('p', { id: 'adopt-dialog-text' });
    this.dialog = h('dialog', { id: 'adopt-dialog', 'aria-labelledby': 'adopt-dialog-heading', 'aria-describedby': 'adopt-dialog-text' },
      h('h2', { id: 'adopt-dialog-heading' }, 'Adopt the text?'),
      this.dialogText,
      h('div', { className: 'dialog-buttons' },
        h('button', { type: 'button', id: 'adopt-cancel', onclick: () => this.dialog.close() }, 'Cancel'),
        h('button', { type: 'button', id: 'adopt-confirm', className: 'danger', onclick: () => this.confirmAdoption() }, 'Adopt and lock')));
    document.body.append(this.dialog);
  }

  render(document: NegotiatedDocument): void {
    keepingFocus(this.host, () => this.build(document));
  }

  private build(document: NegotiatedDocument): void {
    this.document = document;
    clear(this.host);
    const adopted = document.status === 'adopted';
    const radios = (Object.keys(draftingNames) as OnScreenDrafting[]).map((mode) => h('label', { className: 'radio' },
      h('input', {
        type: 'radio', name: 'on-screen-drafting', value: mode, checked: document.onScreenDrafting === mode, disabled: adopted,
        'data-focus-key': `drafting:${mode}`,
        onchange: () => this.run(() => this.actions.switchDrafting(mode)),
      }), ' ', draftingNames[mode]));
    this.host.append(
      h('h2', { id: 'chair-heading' }, 'Chair'),
      h('fieldset', { id: 'on-screen-drafting' }, h('legend', {}, 'On-screen drafting'), ...radios),
      h('div', { className: 'chair-buttons' },
        h('button', { type: 'button', id: 'circulate-button', 'data-focus-key': 'circulate', disabled: adopted, onclick: () => this.run(() => this.actions.circulate()) },
          `Circulate Rev.${document.revisions.length + 1}`),
        h('button', { type: 'button', id: 'adopt-button', 'data-focus-key': 'adopt', className: 'danger', disabled: adopted, onclick: () => this.askAdoption() }, 'Adopt…')),
      this.error);
  }

  private askAdoption(): void {
    if (!this.document) return;
    this.dialogText.textContent = adoptionWarning(this.document, this.textLength());
    this.dialog.showModal();
  }

  private async confirmAdoption(): Promise<void> {
    this.dialog.close();
    await this.run(() => this.actions.adopt());
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.error.textContent = '';
    try {
      await action();
    } catch (error) {
      this.error.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}
