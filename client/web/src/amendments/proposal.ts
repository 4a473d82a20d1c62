// From a selection in the editor to the body of POST /api/documents/{id}/amendments, with the same shape rules
// as the server (docs/protocol.md), so the form says what is wrong before anything is sent.
import type { AmendmentKind, ProposeAmendment } from '../api/types';
import { paragraphAt, type Paragraph } from '../editor/paragraphs';

export interface Selection { from: number; to: number }

export interface ProposalForm {
  kind: AmendmentKind;
  /** Replace and insert: one text; alternatives: one text per line (an empty line proposes deleting). */
  proposed: string;
  justification: string;
  coSponsors?: string[];
  /** A chair's proposal, for no delegation (the chair, or the secretariat on the chair's behalf). */
  asChair?: boolean;
}

export type ProposalOutcome = { ok: true; request: ProposeAmendment } | { ok: false; error: string };

export const kindNames: Record<AmendmentKind, string> = {
  replace: 'Replace',
  delete: 'Delete',
  insert: 'Insert',
  alternatives: 'Alternatives',
  newParagraph: 'New paragraph',
  deleteParagraph: 'Delete paragraph',
};

/** Which kinds make sense for a selection: a span offers replace, delete and alternatives; a caret insert. */
export function kindsFor(selection: Selection): AmendmentKind[] {
  return selection.from === selection.to
    ? ['insert', 'newParagraph', 'deleteParagraph']
    : ['replace', 'delete', 'alternatives', 'insert', 'newParagraph', 'deleteParagraph'];
}

/** Splits the alternatives box: one alternative per line; "(delete)" or an empty line proposes deleting. */
export function alternativesOf(proposed: string): string[] {
  const lines = proposed.split('\n').map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line === '(delete)' ? '' : line));
}

/** Builds the request, or says in words why it cannot be proposed. */
export function buildProposal(text: string, paragraphs: readonly Paragraph[], selection: Selection, form: ProposalForm): ProposalOutcome {
  const from = Math.min(selection.from, selection.to);
  const to = Math.max(selection.from, selection.to);
  const paragraph = paragraphAt(paragraphs, from);
  if (!paragraph) return { ok: false, error: 'Place the cursor or the selection inside a paragraph of the text.' };
  if (to > paragraph.end) return { ok: false, error: `The selection runs past the end of paragraph ${paragraph.label}: an amendment touches one paragraph.` };
  const justification = form.justification.trim();
  const base = { paragraph: paragraph.id, coSponsors: form.coSponsors ?? [], justification, ...(form.asChair ? { proposer: 'chair' as const } : {}) };
  const proposed = form.proposed.trim();
  switch (form.kind) {
    case 'replace': {
      if (from === to) return { ok: false, error: 'Select the words to replace.' };
      const original = text.slice(from, to);
      if (!proposed) return { ok: false, error: 'Write the words proposed instead.' };
      if (proposed === original) return { ok: false, error: 'The proposed words are the same as the original.' };
      return { ok: true, request: { ...base, kind: 'replace', range: { start: from, end: to }, originalText: original, proposedTexts: [proposed] } };
    }
    case 'delete': {
      if (from === to) return { ok: false, error: 'Select the words to delete.' };
      return { ok: true, request: { ...base, kind: 'delete', range: { start: from, end: to }, originalText: text.slice(from, to), proposedTexts: [] } };
    }
    case 'alternatives': {
      if (from === to) return { ok: false, error: 'Select the words the alternatives stand for.' };
      const original = text.slice(from, to);
      const alternatives = alternativesOf(form.proposed);
      if (alternatives.length < 2 || alternatives.length > 10) return { ok: false, error: 'Give between 2 and 10 alternatives, one per line.' };
      if (new Set(alternatives).size !== alternatives.length) return { ok: false, error: 'The alternatives must all be different.' };
      return { ok: true, request: { ...base, kind: 'alternatives', range: { start: from, end: to }, originalText: original, proposedTexts: alternatives } };
    }
    case 'insert': {
      if (!proposed) return { ok: false, error: 'Write the words to insert.' };
      // A selection inserts after it; a caret inserts where it stands.
      return { ok: true, request: { ...base, kind: 'insert', range: { start: to, end: to }, originalText: '', proposedTexts: [form.proposed] } };
    }
    case 'newParagraph': {
      if (!proposed) return { ok: false, error: 'Write the text of the new paragraph.' };
      return { ok: true, request: { ...base, kind: 'newParagraph', range: { start: paragraph.end, end: paragraph.end }, originalText: '', proposedTexts: [proposed] } };
    }
    case 'deleteParagraph': {
      return {
        ok: true,
        request: { ...base, kind: 'deleteParagraph', range: { start: paragraph.start, end: paragraph.end }, originalText: text.slice(paragraph.start, paragraph.end), proposedTexts: [] },
      };
    }
  }
}
