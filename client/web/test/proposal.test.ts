import { describe, expect, it } from 'vitest';
import { alternativesOf, buildProposal, kindsFor } from '../src/amendments/proposal';
import { readParagraphs } from '../src/editor/paragraphs';

const text = '# Title\n\nDecisions will be made in accordance with the rules.\n\nThe report will be adopted by consensus.';
const paragraphs = readParagraphs(text);
const phrase = 'in accordance with';
const at = text.indexOf(phrase);
const selected = { from: at, to: at + phrase.length };

describe('Building an amendment from the selection', () => {
  it('proposes replacing the selected words, anchored to them, in their paragraph', () => {
    const outcome = buildProposal(text, paragraphs, selected, { kind: 'replace', proposed: ' bearing in mind ', justification: 'ECOSOC practice' });
    expect(outcome).toEqual({
      ok: true,
      request: {
        kind: 'replace', paragraph: 'p-1', range: { start: at, end: at + phrase.length }, originalText: phrase,
        proposedTexts: ['bearing in mind'], coSponsors: [], justification: 'ECOSOC practice',
      },
    });
  });

  it('accepts a selection made backwards', () => {
    const outcome = buildProposal(text, paragraphs, { from: selected.to, to: selected.from }, { kind: 'delete', proposed: '', justification: '' });
    expect(outcome.ok && outcome.request.originalText).toBe(phrase);
    expect(outcome.ok && outcome.request.proposedTexts).toEqual([]);
  });

  it('refuses a replacement by the same words or by nothing', () => {
    expect(buildProposal(text, paragraphs, selected, { kind: 'replace', proposed: phrase, justification: '' }))
      .toEqual({ ok: false, error: 'The proposed words are the same as the original.' });
    expect(buildProposal(text, paragraphs, selected, { kind: 'replace', proposed: '   ', justification: '' }))
      .toEqual({ ok: false, error: 'Write the words proposed instead.' });
  });

  it('refuses a selection running over two paragraphs', () => {
    const outcome = buildProposal(text, paragraphs, { from: at, to: text.indexOf('report') }, { kind: 'delete', proposed: '', justification: '' });
    expect(outcome.ok).toBe(false);
  });

  it('refuses a caret outside every paragraph', () => {
    expect(buildProposal(text, paragraphs, { from: 8, to: 8 }, { kind: 'insert', proposed: 'x', justification: '' }).ok).toBe(false);
  });

  it('inserts at the caret, or after the selection, keeping the spaces typed', () => {
    const outcome = buildProposal(text, paragraphs, selected, { kind: 'insert', proposed: ' and taking note of', justification: '' });
    expect(outcome.ok && outcome.request.range).toEqual({ start: selected.to, end: selected.to });
    expect(outcome.ok && outcome.request.proposedTexts).toEqual([' and taking note of']);
    expect(outcome.ok && outcome.request.originalText).toBe('');
  });

  it('anchors a new paragraph at the end of the paragraph holding the caret', () => {
    const outcome = buildProposal(text, paragraphs, { from: at, to: at }, { kind: 'newParagraph', proposed: 'A new paragraph.', justification: '' });
    const end = paragraphs[0].end;
    expect(outcome.ok && outcome.request.range).toEqual({ start: end, end });
  });

  it('offers alternatives one per line, "(delete)" standing for deleting the words', () => {
    expect(alternativesOf('bearing in mind\n(delete)\nconsistent with\n\n')).toEqual(['bearing in mind', '', 'consistent with']);
    const outcome = buildProposal(text, paragraphs, selected, { kind: 'alternatives', proposed: 'bearing in mind\n(delete)', justification: '' });
    expect(outcome.ok && outcome.request.proposedTexts).toEqual(['bearing in mind', '']);
  });

  it('refuses one alternative alone or the same alternative twice', () => {
    expect(buildProposal(text, paragraphs, selected, { kind: 'alternatives', proposed: 'only one', justification: '' }).ok).toBe(false);
    expect(buildProposal(text, paragraphs, selected, { kind: 'alternatives', proposed: 'same\nsame', justification: '' }))
      .toEqual({ ok: false, error: 'The alternatives must all be different.' });
  });

  it('deletes the whole paragraph holding the caret', () => {
    const outcome = buildProposal(text, paragraphs, { from: at, to: at }, { kind: 'deleteParagraph', proposed: '', justification: '' });
    expect(outcome.ok && outcome.request.originalText).toBe('Decisions will be made in accordance with the rules.');
  });

  it('offers the span kinds for a selection and the point kinds for a caret', () => {
    expect(kindsFor(selected)).toContain('replace');
    expect(kindsFor({ from: at, to: at })).not.toContain('replace');
    expect(kindsFor({ from: at, to: at })).toContain('insert');
  });
});
