// The side panel of amendments: the proposal form for the selection, then every amendment with its ledger,
// position buttons for delegations and accept / reject for the chair.
import type { Amendment, AmendmentKind, PositionKind } from '../api/types';
import { clear, h, keepingFocus } from '../ui/dom';
import { AmendmentBook, Permissions, consensusLine, describeAmendment, positionNames, proposerName } from './AmendmentBook';
import { kindNames, kindsFor, type ProposalForm, type Selection } from './proposal';

export interface AmendmentActions {
  propose(form: ProposalForm): Promise<void>;
  takePosition(amendment: Amendment, position: PositionKind): Promise<void>;
  withdraw(amendment: Amendment): Promise<void>;
  accept(amendment: Amendment, alternative?: number): Promise<void>;
  reject(amendment: Amendment): Promise<void>;
  show(amendment: Amendment): void;
}

const statusNames: Record<string, string> = {
  proposed: 'open', withdrawn: 'withdrawn', accepted: 'accepted', rejected: 'rejected', superseded: 'superseded',
};

export class AmendmentPanel {
  private selection: Selection = { from: 0, to: 0 };
  private selectedText = '';
  private readonly form: HTMLFormElement;
  private readonly kind: HTMLSelectElement;
  private readonly proposed: HTMLTextAreaElement;
  private readonly proposedLabel: HTMLLabelElement;
  private readonly justification: HTMLTextAreaElement;
  private readonly selectionLine: HTMLElement;
  private readonly formError: HTMLElement;
  private readonly formHeading: HTMLElement;
  private readonly formNote: HTMLElement;
  private readonly submitButton: HTMLButtonElement;
  private readonly list: HTMLElement;
  private showClosed = false;

  constructor(
    private readonly formHost: HTMLElement,
    listHost: HTMLElement,
    private readonly book: AmendmentBook,
    private permissions: Permissions,
    private readonly actions: AmendmentActions,
  ) {
    this.selectionLine = h('p', { className: 'selection-line', id: 'selection-line' });
    this.kind = h('select', { id: 'amendment-kind', name: 'kind', onchange: () => this.updateForm() });
    this.proposed = h('textarea', { id: 'amendment-proposed', name: 'proposed', rows: 2 });
    this.proposedLabel = h('label', { for: 'amendment-proposed' }, 'Proposed text');
    this.justification = h('textarea', { id: 'amendment-justification', name: 'justification', rows: 2 });
    this.formError = h('p', { className: 'form-error', role: 'alert', id: 'amendment-error' });
    this.formHeading = h('h2', { id: 'proposal-heading' }, 'Propose an amendment');
    this.formNote = h('p', { className: 'proposal-note', id: 'proposal-note' });
    this.submitButton = h('button', { type: 'submit', id: 'propose-button' }, 'Propose');
    this.form = h('form', { id: 'proposal-form', 'aria-labelledby': 'proposal-heading', onsubmit: (event: Event) => this.submit(event) },
      this.formHeading,
      this.formNote,
      this.selectionLine,
      h('label', { for: 'amendment-kind' }, 'Kind'), this.kind,
      h('div', { className: 'proposed-field' }, this.proposedLabel, this.proposed),
      h('label', { for: 'amendment-justification' }, 'Justification'), this.justification,
      this.formError,
      this.submitButton,
    );
    this.list = h('ol', { className: 'amendment-list', id: 'amendment-list', 'aria-live': 'polite' });
    const toggle = h('label', { className: 'inline-check' },
      h('input', { type: 'checkbox', id: 'show-closed', onchange: (event: Event) => { this.showClosed = (event.target as HTMLInputElement).checked; this.render(); } }),
      ' Show decided and withdrawn');
    formHost.append(this.form);
    listHost.append(h('h2', { id: 'amendments-heading' }, 'Amendments'), toggle, this.list);
    this.updateForm();
    this.render();
  }

  setPermissions(permissions: Permissions): void {
    this.permissions = permissions;
    this.updateForm();
    this.render();
  }

  /** The editor's selection changed. */
  select(selection: Selection, text: string): void {
    this.selection = selection;
    this.selectedText = text.slice(Math.min(selection.from, selection.to), Math.max(selection.from, selection.to));
    this.updateForm();
  }

  private updateForm(): void {
    this.formHost.hidden = !this.permissions.mayPropose && !this.permissions.mayProposeAsChair;
    const asChair = this.asChair;
    this.formHeading.textContent = asChair ? 'Propose as the Chair' : 'Propose an amendment';
    this.formNote.textContent = asChair ? 'A chair’s proposal, for no delegation: delegations take positions on it; the chair decides it like any other.' : '';
    this.formNote.hidden = !asChair;
    this.submitButton.textContent = asChair ? 'Propose as the Chair' : 'Propose';
    const kinds = kindsFor(this.selection);
    const previous = this.kind.value as AmendmentKind;
    clear(this.kind);
    for (const kind of kinds) this.kind.append(h('option', { value: kind }, kindNames[kind]));
    this.kind.value = kinds.includes(previous) ? previous : kinds[0];
    const kind = this.kind.value as AmendmentKind;
    const shown = this.selectedText.length > 60 ? this.selectedText.slice(0, 57) + '…' : this.selectedText;
    this.selectionLine.textContent = this.selection.from === this.selection.to
      ? 'No words selected: the cursor marks the place.'
      : `Selected: “${shown}”`;
    const needsText = kind === 'replace' || kind === 'insert' || kind === 'alternatives' || kind === 'newParagraph';
    (this.proposed.parentElement as HTMLElement).hidden = !needsText;
    this.proposedLabel.textContent = kind === 'alternatives'
      ? 'Alternatives, one per line ((delete) for none)'
      : kind === 'newParagraph' ? 'Text of the new paragraph' : kind === 'insert' ? 'Words to insert' : 'Proposed text';
    this.proposed.rows = kind === 'alternatives' || kind === 'newParagraph' ? 4 : 2;
  }

  /** The chair and the secretariat table chair's proposals; a delegation proposes for itself. */
  private get asChair(): boolean {
    return this.permissions.mayProposeAsChair && !this.permissions.mayPropose;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.formError.textContent = '';
    const button = this.submitButton;
    button.disabled = true;
    try {
      await this.actions.propose({ kind: this.kind.value as AmendmentKind, proposed: this.proposed.value, justification: this.justification.value, asChair: this.asChair });
      this.proposed.value = '';
      this.justification.value = '';
    } catch (error) {
      this.formError.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      button.disabled = false;
    }
  }

  /** Draws the list again from the book. */
  render(): void {
    keepingFocus(this.list, () => {
      clear(this.list);
      const amendments = this.showClosed ? this.book.all() : this.book.open();
      if (amendments.length === 0) {
        this.list.append(h('li', { className: 'empty' }, this.showClosed ? 'No amendment has been proposed.' : 'No open amendment.'));
        return;
      }
      for (const amendment of amendments) this.list.append(this.item(amendment));
    });
  }

  private item(amendment: Amendment): HTMLElement {
    const collisions = amendment.status === 'proposed' ? this.book.collisionsOf(amendment) : [];
    const buttons: HTMLElement[] = [];
    if (this.permissions.mayTakePosition(amendment)) {
      const mine = this.permissions.positionOn(amendment);
      for (const position of Object.keys(positionNames) as PositionKind[]) {
        buttons.push(h('button', {
          type: 'button',
          className: 'position-button',
          'data-position': position,
          'data-focus-key': `${amendment.id}:${position}`,
          'aria-pressed': String(mine === position),
          onclick: () => this.run(amendment, () => this.actions.takePosition(amendment, position)),
        }, positionNames[position]));
      }
    }
    if (this.permissions.mayWithdraw(amendment)) {
      buttons.push(h('button', { type: 'button', className: 'withdraw-button', 'data-focus-key': `${amendment.id}:withdraw`, onclick: () => this.run(amendment, () => this.actions.withdraw(amendment)) }, 'Withdraw'));
    }
    if (this.permissions.mayDecide && amendment.status === 'proposed') {
      if (amendment.kind === 'alternatives') {
        amendment.proposedTexts.forEach((text, index) => buttons.push(h('button', {
          type: 'button', className: 'accept-button', 'data-alternative': index, 'data-focus-key': `${amendment.id}:accept:${index}`,
          onclick: () => this.run(amendment, () => this.actions.accept(amendment, index)),
        }, `Accept “${text || '(delete)'}”`)));
      } else {
        buttons.push(h('button', { type: 'button', className: 'accept-button', 'data-focus-key': `${amendment.id}:accept`, onclick: () => this.run(amendment, () => this.actions.accept(amendment)) }, 'Accept'));
      }
      buttons.push(h('button', { type: 'button', className: 'reject-button', 'data-focus-key': `${amendment.id}:reject`, onclick: () => this.run(amendment, () => this.actions.reject(amendment)) }, 'Reject'));
    }
    const heading = describeAmendment(amendment);
    return h('li', {
      className: `amendment amendment-${amendment.status}` + (collisions.length > 0 ? ' amendment-colliding' : ''),
      'data-amendment': amendment.id,
      'aria-label': heading,
    },
      h('div', { className: 'amendment-head' },
        h('button', { type: 'button', className: 'link-button show-button', 'data-focus-key': `${amendment.id}:show`, title: 'Show in the text', onclick: () => this.actions.show(amendment) }, heading),
        h('span', { className: `status-badge status-${amendment.status}` }, statusNames[amendment.status] ?? amendment.status)),
      h('p', { className: 'amendment-meta' }, `${amendment.paragraph} · proposed by ${proposerName(amendment)}`),
      amendment.justification ? h('p', { className: 'justification' }, amendment.justification) : null,
      h('p', { className: 'ledger', 'data-testid': 'ledger' }, amendment.ledger),
      amendment.status === 'proposed' ? this.consensus(amendment) : null,
      collisions.length > 0
        ? h('p', { className: 'collision', role: 'note' }, `Collides with: ${collisions.map((c) => `${describeAmendment(c)} (${proposerName(c)})`).join('; ')}`)
        : null,
      buttons.length > 0 ? h('div', { className: 'amendment-actions', role: 'group', 'aria-label': 'Actions on this amendment' }, buttons) : null,
      h('p', { className: 'item-error', role: 'alert' }),
    );
  }

  /** The server's consensus reading, worded (the page computes none of it). */
  private consensus(amendment: Amendment): HTMLElement | null {
    const line = consensusLine(amendment.consensus);
    if (!line) return null;
    return h('p', { className: amendment.consensus.isConsensus ? 'consensus' : 'consensus consensus-blocked', 'data-testid': 'consensus' }, line);
  }

  private async run(amendment: Amendment, action: () => Promise<void>): Promise<void> {
    const errorLine = this.list.querySelector(`li[data-amendment="${amendment.id}"] .item-error`);
    try {
      await action();
    } catch (error) {
      const line = this.list.querySelector(`li[data-amendment="${amendment.id}"] .item-error`) ?? errorLine;
      if (line) line.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}
