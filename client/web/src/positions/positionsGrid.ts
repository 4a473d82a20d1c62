// The positions map as data: delegations x amendments, each cell the delegation's stance on the amendment, member
// states apart from stakeholders and organisations, and per amendment the member states' tally (only member
// states count toward consensus, as the server's consensus reading says; sponsors count as supporting).
import type { Amendment, Delegation, PositionKind } from '../api/types';

export type Stance = 'proposer' | 'coSponsor' | PositionKind | 'none';

/** How a stance is shown: a symbol and a word in every cell, so colour is never the only sign. */
export const stanceSigns: Record<Stance, { symbol: string; word: string; description: string }> = {
  proposer: { symbol: '★', word: 'proposer', description: 'proposed the amendment' },
  coSponsor: { symbol: '☆', word: 'co-sponsor', description: 'co-sponsors the amendment' },
  supports: { symbol: '✓', word: 'supports', description: 'supports' },
  objects: { symbol: '✗', word: 'objects', description: 'objects' },
  reserves: { symbol: '?', word: 'reserves', description: 'reserves its position' },
  canLiveWith: { symbol: '≈', word: 'can live with', description: 'can live with it' },
  none: { symbol: '·', word: 'none', description: 'has taken no position' },
};

/** The order of the legend. */
export const stanceOrder: Stance[] = ['proposer', 'coSponsor', 'supports', 'objects', 'reserves', 'canLiveWith', 'none'];

export interface PositionsRow {
  delegation: Delegation;
  /** One stance per column, in the columns' order. */
  stances: Stance[];
}

export interface PositionsGroup {
  key: 'memberStates' | 'others';
  name: string;
  rows: PositionsRow[];
}

/** Where the member states stand on one amendment. */
export interface MemberStateTally {
  supporting: number;
  objecting: number;
  reserving: number;
  canLiveWith: number;
  silent: number;
  /** No member state objects. */
  consensus: boolean;
}

export interface PositionsColumn {
  amendment: Amendment;
  /** "A1", "A2" ... in the order tabled. */
  label: string;
  tally: MemberStateTally;
}

export interface PositionsGrid {
  columns: PositionsColumn[];
  groups: PositionsGroup[];
}

const countsTowardConsensus = (delegation: Delegation) => delegation.kind === 'memberState';

/** The stance of a delegation on an amendment (sponsorship first, then its current position). */
export function stanceOf(amendment: Amendment, delegation: Delegation): Stance {
  if (amendment.proposedBy?.id === delegation.id) return 'proposer';
  if (amendment.coSponsors.some((s) => s.id === delegation.id)) return 'coSponsor';
  return amendment.positions.find((p) => p.delegation.id === delegation.id)?.position ?? 'none';
}

/** The member states' tally on an amendment; delegations not in the list are read from the amendment itself. */
export function tallyOf(amendment: Amendment, delegations: readonly Delegation[]): MemberStateTally {
  const tally: MemberStateTally = { supporting: 0, objecting: 0, reserving: 0, canLiveWith: 0, silent: 0, consensus: true };
  for (const delegation of everyDelegation(delegations, [amendment])) {
    if (!countsTowardConsensus(delegation)) continue;
    switch (stanceOf(amendment, delegation)) {
      case 'proposer':
      case 'coSponsor':
      case 'supports': tally.supporting++; break;
      case 'objects': tally.objecting++; break;
      case 'reserves': tally.reserving++; break;
      case 'canLiveWith': tally.canLiveWith++; break;
      case 'none': tally.silent++; break;
    }
  }
  tally.consensus = tally.objecting === 0;
  return tally;
}

/** The tally in words: "3 support, 1 objects, 0 reserve, 1 can live with, 35 silent: no consensus". */
export function describeTally(tally: MemberStateTally): string {
  return `${tally.supporting} support, ${tally.objecting} object, ${tally.reserving} reserve, ${tally.canLiveWith} can live with, ` +
    `${tally.silent} silent: ${tally.consensus ? 'no member state objects' : 'no consensus'}`;
}

/**
 * Builds the map: one column per amendment (in the order tabled), one row per delegation (by name), member states
 * in the first group, observer states, organisations and stakeholders in the second.
 */
export function buildPositionsGrid(delegations: readonly Delegation[], amendments: readonly Amendment[]): PositionsGrid {
  const ordered = [...amendments].sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
  const all = everyDelegation(delegations, ordered);
  const columns = ordered.map((amendment, i) => ({ amendment, label: `A${i + 1}`, tally: tallyOf(amendment, all) }));
  const rowOf = (delegation: Delegation): PositionsRow => ({ delegation, stances: ordered.map((a) => stanceOf(a, delegation)) });
  const byName = (a: Delegation, b: Delegation) => a.name.localeCompare(b.name, 'en');
  return {
    columns,
    groups: [
      { key: 'memberStates', name: 'Member states', rows: all.filter(countsTowardConsensus).sort(byName).map(rowOf) },
      { key: 'others', name: 'Stakeholders, organisations and observer states (do not count toward consensus)', rows: all.filter((d) => !countsTowardConsensus(d)).sort(byName).map(rowOf) },
    ],
  };
}

/** The listed delegations, plus any an amendment names that the list lacks (a delegation added since it was read). */
function everyDelegation(delegations: readonly Delegation[], amendments: readonly Amendment[]): Delegation[] {
  const byId = new Map(delegations.map((d) => [d.id, d]));
  for (const amendment of amendments) {
    for (const named of [amendment.proposedBy, ...amendment.coSponsors, ...amendment.positions.map((p) => p.delegation)]) {
      if (named && !byId.has(named.id)) byId.set(named.id, named);
    }
  }
  return Array.from(byId.values());
}
