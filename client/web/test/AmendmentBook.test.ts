import { describe, expect, it } from 'vitest';
import type { Amendment, Me, NegotiationEvent } from '../src/api/types';
import { AmendmentBook, Permissions, describeAmendment } from '../src/amendments/AmendmentBook';

const greece = { id: 'd-greece', name: 'Greece', kind: 'memberState' as const };
const uk = { id: 'd-uk', name: 'UK', kind: 'memberState' as const };
const iran = { id: 'd-iran', name: 'Iran', kind: 'memberState' as const };

function amendment(overrides: Partial<Amendment> = {}): Amendment {
  return {
    id: 'a-1', documentId: 'doc', kind: 'replace', paragraph: 'p-1', anchor: { start: '', end: '' }, span: { start: 10, end: 28 },
    originalText: 'in accordance with', proposedTexts: ['bearing in mind'], proposedBy: greece, coSponsors: [], justification: '',
    status: 'proposed', proposedAt: '2010-12-17T17:05:00+00:00', decidedAt: null, acceptedAlternative: null, supersededBy: null,
    ledger: 'Proposed by Greece', positions: [],
    consensus: { isConsensus: true, supporting: ['Greece'], objecting: [], reserving: [], canLiveWith: [] }, collidesWith: [],
    ...overrides,
  };
}

function event(name: string, sequence: number, changed: Amendment | null): NegotiationEvent {
  return {
    event: name, documentId: 'doc', sequence, at: '2010-12-17T17:08:00+00:00', actor: { id: 'p', name: 'x', role: 'memberStateDelegate' },
    description: '', amendment: changed, revision: null, document: null,
  };
}

const me = (role: Me['role'], delegation: typeof greece | null): Me =>
  ({ participantId: 'p', name: 'someone', role, delegation, negotiation: { id: 'n', title: 't' } });
const negotiating = { status: 'negotiating' as const, onScreenDrafting: 'chairAndSecretariat' as const, mayTypeInText: false };

describe('The amendment book kept by hub events', () => {
  it('updates the ledger of an amendment when a position is taken', () => {
    const book = new AmendmentBook([amendment()]);
    const objected = amendment({ ledger: 'Proposed by Greece; opposed by UK', positions: [{ delegation: uk, position: 'objects', note: '', takenAt: '', takenBy: '' }] });
    expect(book.apply(event('positionTaken', 14, objected))).toBe('amendment');
    expect(book.get('a-1')?.ledger).toBe('Proposed by Greece; opposed by UK');
  });

  it('adds an amendment proposed by someone else', () => {
    const book = new AmendmentBook();
    book.apply(event('amendmentProposed', 1, amendment()));
    expect(book.open().map((a) => a.id)).toEqual(['a-1']);
  });

  it('ignores an event older than one already applied', () => {
    const book = new AmendmentBook([amendment()]);
    book.apply(event('positionTaken', 5, amendment({ ledger: 'Proposed by Greece; opposed by UK' })));
    book.apply(event('positionTaken', 4, amendment({ ledger: 'Proposed by Greece' })));
    expect(book.get('a-1')?.ledger).toBe('Proposed by Greece; opposed by UK');
  });

  it('takes decided amendments out of the open list, in text order', () => {
    const book = new AmendmentBook([
      amendment({ id: 'late', span: { start: 50, end: 60 } }),
      amendment({ id: 'early', span: { start: 1, end: 5 }, proposedAt: '2010-12-17T18:00:00+00:00' }),
      amendment({ id: 'gone', status: 'accepted' }),
    ]);
    expect(book.open().map((a) => a.id)).toEqual(['early', 'late']);
    expect(book.all().map((a) => a.id)).toEqual(['late', 'gone', 'early']);
  });

  it('names the open amendments an amendment collides with, not the decided ones', () => {
    const book = new AmendmentBook([
      amendment({ id: 'a-1', collidesWith: ['a-2', 'a-3'] }),
      amendment({ id: 'a-2', proposedBy: uk }),
      amendment({ id: 'a-3', status: 'withdrawn' }),
    ]);
    expect(book.collisionsOf(book.get('a-1')!).map((a) => a.id)).toEqual(['a-2']);
  });

  it('flags an earlier amendment as colliding when a later one names it', () => {
    const book = new AmendmentBook([amendment({ id: 'a-1' })]);
    book.apply(event('amendmentProposed', 7, amendment({ id: 'a-2', proposedBy: uk, collidesWith: ['a-1'] })));
    expect(book.collisionsOf(book.get('a-1')!).map((a) => a.id)).toEqual(['a-2']);
    book.apply(event('amendmentSuperseded', 8, amendment({ id: 'a-2', proposedBy: uk, status: 'superseded', collidesWith: ['a-1'] })));
    expect(book.collisionsOf(book.get('a-1')!)).toEqual([]);
  });

  it('asks for the document again on a drafting switch, a revision or the adoption', () => {
    const book = new AmendmentBook();
    expect(book.apply(event('onScreenDraftingSwitched', 1, null))).toBe('document');
    expect(book.apply(event('revisionCirculated', 2, null))).toBe('revision');
    expect(book.apply(event('textAdopted', 3, null))).toBe('adopted');
    expect(book.apply(event('somethingNew', 4, null))).toBe('refresh');
  });
});

describe('What a participant may do', () => {
  it('lets a delegation take positions on the amendments of others only', () => {
    const ukDelegate = new Permissions(me('memberStateDelegate', uk), negotiating);
    const greekDelegate = new Permissions(me('memberStateDelegate', greece), negotiating);
    const iranCoSponsor = new Permissions(me('memberStateDelegate', iran), negotiating);
    expect(ukDelegate.mayTakePosition(amendment())).toBe(true);
    expect(greekDelegate.mayTakePosition(amendment())).toBe(false);
    expect(greekDelegate.mayWithdraw(amendment())).toBe(true);
    expect(iranCoSponsor.mayTakePosition(amendment({ coSponsors: [iran] }))).toBe(false);
    expect(ukDelegate.mayTakePosition(amendment({ status: 'rejected' }))).toBe(false);
  });

  it('gives the chair decisions and nobody proposals, positions or typing after adoption', () => {
    const chair = new Permissions(me('chair', null), { ...negotiating, mayTypeInText: true });
    expect(chair.mayDecide && chair.mayType && chair.mayCirculate && !chair.mayPropose).toBe(true);
    const adopted = { status: 'adopted' as const, onScreenDrafting: 'memberStates' as const, mayTypeInText: true };
    for (const role of ['chair', 'secretariat', 'memberStateDelegate', 'stakeholder', 'observer'] as const) {
      const p = new Permissions(me(role, role === 'memberStateDelegate' || role === 'stakeholder' ? uk : null), adopted);
      expect([p.mayType, p.mayPropose, p.mayDecide, p.mayCirculate, p.mayTakePosition(amendment())]).toEqual([false, false, false, false, false]);
    }
  });

  it('never lets an observer type, whatever the server says of the drafting switch', () => {
    const observer = new Permissions(me('observer', null), { ...negotiating, onScreenDrafting: 'memberStates', mayTypeInText: true });
    expect(observer.mayType).toBe(false);
    expect(observer.mayPropose).toBe(false);
  });

  it('lets a delegate type only when the server says the switch allows it', () => {
    expect(new Permissions(me('memberStateDelegate', greece), negotiating).mayType).toBe(false);
    expect(new Permissions(me('memberStateDelegate', greece), { ...negotiating, onScreenDrafting: 'memberStates', mayTypeInText: true }).mayType).toBe(true);
  });

  it('reads the position this delegation took', () => {
    const ukDelegate = new Permissions(me('memberStateDelegate', uk), negotiating);
    const objected = amendment({ positions: [{ delegation: uk, position: 'objects', note: '', takenAt: '', takenBy: '' }] });
    expect(ukDelegate.positionOn(objected)).toBe('objects');
    expect(ukDelegate.positionOn(amendment())).toBeNull();
  });
});

describe('Amendments in words', () => {
  it('describes each kind as the side panel shows it', () => {
    expect(describeAmendment(amendment())).toBe('Replace “in accordance with” by “bearing in mind”');
    expect(describeAmendment(amendment({ kind: 'alternatives', proposedTexts: ['bearing in mind', ''] })))
      .toBe('Alternatives to “in accordance with”: “bearing in mind” / (delete)');
    expect(describeAmendment(amendment({ kind: 'deleteParagraph', paragraph: 'op-2' }))).toBe('Delete paragraph op-2');
  });
});
