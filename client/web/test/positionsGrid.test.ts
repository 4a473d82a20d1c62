import { describe, expect, it } from 'vitest';
import type { Amendment, Delegation, PositionKind } from '../src/api/types';
import { buildPositionsGrid, describeTally, stanceOf, tallyOf } from '../src/positions/positionsGrid';

const state = (name: string): Delegation => ({ id: `d-${name}`, name, kind: 'memberState' });
const greece = state('Greece');
const iran = state('Iran');
const uk = state('UK');
const brazil = state('Brazil');
const egypt = state('Egypt');
const icc: Delegation = { id: 'd-icc', name: 'ICC', kind: 'stakeholder' };
const eu: Delegation = { id: 'd-eu', name: 'EU', kind: 'intergovernmentalOrganisation' };
const delegations = [uk, greece, icc, iran, eu, brazil, egypt];

function amendment(id: string, proposedBy: Delegation, positions: [Delegation, PositionKind][], coSponsors: Delegation[] = [], proposedAt = '2010-12-17T17:05:00+00:00'): Amendment {
  return {
    id, documentId: 'doc', kind: 'replace', paragraph: 'p-1', anchor: { start: '', end: '' }, span: null,
    originalText: 'in accordance with', proposedTexts: ['bearing in mind'], proposedBy, coSponsors, justification: '',
    status: 'proposed', proposedAt, decidedAt: null, acceptedAlternative: null, supersededBy: null, ledger: '',
    positions: positions.map(([delegation, position]) => ({ delegation, position, note: '', takenAt: proposedAt, takenBy: 'p' })),
    consensus: { isConsensus: true, supporting: [], objecting: [], reserving: [], canLiveWith: [] }, collidesWith: [],
  };
}

describe('The positions map built from the amendments', () => {
  const first = amendment('a-1', greece, [[iran, 'supports'], [uk, 'objects'], [icc, 'supports'], [egypt, 'canLiveWith']], [brazil]);
  const second = amendment('a-2', uk, [[greece, 'reserves'], [eu, 'objects']], [], '2010-12-17T17:30:00+00:00');

  it('puts member states and the others in two groups, each by name', () => {
    const grid = buildPositionsGrid(delegations, [second, first]);
    expect(grid.groups.map((g) => g.key)).toEqual(['memberStates', 'others']);
    expect(grid.groups[0].rows.map((r) => r.delegation.name)).toEqual(['Brazil', 'Egypt', 'Greece', 'Iran', 'UK']);
    expect(grid.groups[1].rows.map((r) => r.delegation.name)).toEqual(['EU', 'ICC']);
  });

  it('orders the columns as the amendments were tabled and fills each cell with the stance', () => {
    const grid = buildPositionsGrid(delegations, [second, first]);
    expect(grid.columns.map((c) => [c.label, c.amendment.id])).toEqual([['A1', 'a-1'], ['A2', 'a-2']]);
    const row = (name: string) => [...grid.groups[0].rows, ...grid.groups[1].rows].find((r) => r.delegation.name === name)!.stances;
    expect(row('Greece')).toEqual(['proposer', 'reserves']);
    expect(row('Brazil')).toEqual(['coSponsor', 'none']);
    expect(row('Iran')).toEqual(['supports', 'none']);
    expect(row('UK')).toEqual(['objects', 'proposer']);
    expect(row('Egypt')).toEqual(['canLiveWith', 'none']);
    expect(row('ICC')).toEqual(['supports', 'none']);
    expect(row('EU')).toEqual(['none', 'objects']);
  });

  it('adds a delegation an amendment names that the list lacks', () => {
    const late: Delegation = { id: 'd-kenya', name: 'Kenya', kind: 'memberState' };
    const grid = buildPositionsGrid([greece], [amendment('a-3', greece, [[late, 'objects']])]);
    expect(grid.groups[0].rows.map((r) => [r.delegation.name, r.stances[0]])).toEqual([['Greece', 'proposer'], ['Kenya', 'objects']]);
  });

  it('gives an empty map when nothing was proposed', () => {
    const grid = buildPositionsGrid(delegations, []);
    expect(grid.columns).toEqual([]);
    expect(grid.groups[0].rows.every((r) => r.stances.length === 0)).toBe(true);
  });
});

describe('The member states tally of an amendment', () => {
  it('counts sponsors as supporting and leaves stakeholders and organisations out', () => {
    const tally = tallyOf(amendment('a-1', greece, [[iran, 'supports'], [uk, 'objects'], [icc, 'objects'], [eu, 'objects'], [egypt, 'reserves']], [brazil]), delegations);
    expect(tally).toEqual({ supporting: 3, objecting: 1, reserving: 1, canLiveWith: 0, silent: 0, consensus: false });
  });

  it('reads consensus when no member state objects, whatever stakeholders say', () => {
    const tally = tallyOf(amendment('a-1', greece, [[icc, 'objects'], [iran, 'canLiveWith']]), delegations);
    expect(tally).toMatchObject({ supporting: 1, objecting: 0, canLiveWith: 1, silent: 3, consensus: true });
    expect(describeTally(tally)).toBe('1 support, 0 object, 0 reserve, 1 can live with, 3 silent: no member state objects');
  });

  it('counts no proposer for a chair\'s proposal, only the positions taken on it', () => {
    const chairs = { ...amendment('a-9', greece, [[iran, 'supports'], [uk, 'reserves']]), proposedBy: null };
    expect(stanceOf(chairs, greece)).toBe('none');
    expect(tallyOf(chairs, delegations)).toMatchObject({ supporting: 1, reserving: 1, silent: 3, consensus: true });
  });

  it('takes a sponsor for a sponsor even if it took a position before joining', () => {
    const joined = amendment('a-1', greece, [[brazil, 'objects']], [brazil]);
    expect(stanceOf(joined, brazil)).toBe('coSponsor');
    expect(tallyOf(joined, delegations).objecting).toBe(0);
  });
});
