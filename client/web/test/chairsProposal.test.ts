import { describe, expect, it } from 'vitest';
import type { Amendment, Me } from '../src/api/types';
import { Permissions, consensusLine, isChairsProposal, proposerName } from '../src/amendments/AmendmentBook';
import { buildProposal } from '../src/amendments/proposal';
import { readParagraphs } from '../src/editor/paragraphs';

const us = { id: 'd-us', name: 'United States', kind: 'memberState' as const };
const india = { id: 'd-india', name: 'India', kind: 'memberState' as const };

const text = '# Title\n\nDecisions will be made in accordance with the rules.\n\nThe report will be adopted by consensus.';
const paragraphs = readParagraphs(text);
const phrase = 'in accordance with';
const selected = { from: text.indexOf(phrase), to: text.indexOf(phrase) + phrase.length };

function chairsProposal(overrides: Partial<Amendment> = {}): Amendment {
  return {
    id: 'a-1', documentId: 'doc', kind: 'replace', paragraph: 'p-1', anchor: { start: '', end: '' }, span: { start: 10, end: 28 },
    originalText: phrase, proposedTexts: ['pursuant to'], proposer: 'chair', proposedBy: null, coSponsors: [], justification: '',
    status: 'proposed', proposedAt: '2010-12-17T17:05:00+00:00', decidedAt: null, acceptedAlternative: null, supersededBy: null,
    ledger: 'Proposed by the Chair', positions: [],
    consensus: { isConsensus: true, supporting: [], objecting: [], reserving: [], canLiveWith: [] }, collidesWith: [],
    ...overrides,
  };
}

const me = (role: Me['role'], delegation: typeof us | null): Me =>
  ({ participantId: 'p', name: 'someone', role, delegation, negotiation: { id: 'n', title: 't' } });
const negotiating = { status: 'negotiating' as const, onScreenDrafting: 'chairAndSecretariat' as const, mayTypeInText: true };
const adopted = { ...negotiating, status: 'adopted' as const };

describe('A chair\'s proposal from the page', () => {
  it('asks the server for proposer "chair" and names no delegation', () => {
    const outcome = buildProposal(text, paragraphs, selected, { kind: 'replace', proposed: 'pursuant to', justification: '', asChair: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.request.proposer).toBe('chair');
    expect(outcome.request.proposedBy).toBeUndefined();
    expect(outcome.request).toMatchObject({ kind: 'replace', originalText: phrase, proposedTexts: ['pursuant to'] });
  });

  it('keeps every kind of the delegations\' form', () => {
    for (const kind of ['insert', 'delete', 'alternatives', 'newParagraph', 'deleteParagraph'] as const) {
      const proposed = kind === 'alternatives' ? 'pursuant to\n(delete)' : 'under';
      const outcome = buildProposal(text, paragraphs, selected, { kind, proposed, justification: '', asChair: true });
      expect(outcome.ok && outcome.request.proposer, kind).toBe('chair');
    }
  });

  it('sends no proposer for a delegation\'s proposal', () => {
    const outcome = buildProposal(text, paragraphs, selected, { kind: 'delete', proposed: '', justification: '' });
    expect(outcome.ok && 'proposer' in outcome.request).toBe(false);
  });

  it('is offered to the chair and the secretariat, never to a delegation, a stakeholder or an observer', () => {
    expect(new Permissions(me('chair', null), negotiating).mayProposeAsChair).toBe(true);
    expect(new Permissions(me('secretariat', null), negotiating).mayProposeAsChair).toBe(true);
    expect(new Permissions(me('memberStateDelegate', us), negotiating).mayProposeAsChair).toBe(false);
    expect(new Permissions(me('stakeholder', us), negotiating).mayProposeAsChair).toBe(false);
    expect(new Permissions(me('observer', null), negotiating).mayProposeAsChair).toBe(false);
    expect(new Permissions(me('chair', null), adopted).mayProposeAsChair).toBe(false);
  });

  it('is withdrawn by the chair or the secretariat while open, not by a delegation', () => {
    const open = chairsProposal();
    expect(new Permissions(me('chair', null), negotiating).mayWithdraw(open)).toBe(true);
    expect(new Permissions(me('secretariat', null), negotiating).mayWithdraw(open)).toBe(true);
    expect(new Permissions(me('memberStateDelegate', us), negotiating).mayWithdraw(open)).toBe(false);
    expect(new Permissions(me('chair', null), negotiating).mayWithdraw(chairsProposal({ status: 'accepted' }))).toBe(false);
  });

  it('gets positions from delegations, who may not withdraw it', () => {
    const delegate = new Permissions(me('memberStateDelegate', india), negotiating);
    expect(delegate.mayTakePosition(chairsProposal())).toBe(true);
  });

  it('reads as the Chair\'s, a delegation\'s as the delegation\'s', () => {
    expect(isChairsProposal(chairsProposal())).toBe(true);
    expect(proposerName(chairsProposal())).toBe('the Chair');
    const delegations = chairsProposal({ proposer: 'delegation', proposedBy: us });
    expect(isChairsProposal(delegations)).toBe(false);
    expect(new Permissions(me('chair', null), negotiating).mayWithdraw(delegations)).toBe(false);
  });
});

describe('The consensus line', () => {
  it('words the server\'s consensus even when a member state reserves or can live with it', () => {
    const line = consensusLine({ isConsensus: true, supporting: ['United States'], objecting: [], reserving: ['Brazil'], canLiveWith: ['India', 'Japan'] });
    expect(line).toBe('Consensus: no member state objects (Brazil reserves; India, Japan can live with it).');
    expect(line).not.toContain('No consensus');
  });

  it('names the member states that object when the server finds no consensus', () => {
    expect(consensusLine({ isConsensus: false, supporting: ['United States'], objecting: ['India'], reserving: [], canLiveWith: [] }))
      .toBe('No consensus: India objects.');
    expect(consensusLine({ isConsensus: false, supporting: [], objecting: ['India', 'UK'], reserving: [], canLiveWith: [] }))
      .toBe('No consensus: India, UK object.');
  });

  it('follows the server\'s flag, never a count of its own', () => {
    // The server decides; a reading with no objection the server still calls no consensus is shown as it says.
    expect(consensusLine({ isConsensus: false, supporting: [], objecting: [], reserving: ['Brazil'], canLiveWith: [] })).toBe('No consensus.');
    expect(consensusLine({ isConsensus: true, supporting: [], objecting: [], reserving: [], canLiveWith: [] })).toBe('Consensus: no member state objects.');
    expect(consensusLine(undefined)).toBeNull();
  });
});
