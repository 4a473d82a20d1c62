// The positions map: a table of delegations (rows, member states first) by amendments (columns), each cell coloured
// by the delegation's stance and carrying its symbol and word, with the member states' tally under each amendment.
import type { Amendment, Delegation } from '../api/types';
import { describeAmendment, proposerName } from '../amendments/AmendmentBook';
import { clear, h } from '../ui/dom';
import { buildPositionsGrid, describeTally, stanceOrder, stanceSigns, type PositionsGrid, type Stance } from './positionsGrid';

const statusNames: Record<string, string> = {
  proposed: 'open', withdrawn: 'withdrawn', accepted: 'accepted', rejected: 'rejected', superseded: 'superseded',
};

export class PositionsMap {
  private readonly caption: HTMLElement;
  private readonly body: HTMLElement;

  constructor(host: HTMLElement) {
    this.caption = h('p', { className: 'map-moment', id: 'map-moment' }, 'Live');
    this.body = h('div', { className: 'map-scroll', id: 'map-table-host' });
    const legend = h('ul', { className: 'map-legend', id: 'map-legend', 'aria-label': 'Legend' },
      stanceOrder.map((stance) => h('li', { className: `stance stance-${stance}` },
        h('span', { className: 'stance-symbol', 'aria-hidden': 'true' }, stanceSigns[stance].symbol), ` ${stanceSigns[stance].word}`)));
    host.append(
      h('h2', { id: 'positions-map-heading', tabindex: -1 }, 'Positions map'),
      this.caption,
      legend,
      h('p', { className: 'map-note' }, 'Only member states count toward consensus: the tally under each amendment counts them alone (sponsors count as supporting).'),
      this.body);
  }

  /** Draws the map of the given amendments; <paramref name="moment"/> says which time it shows ("Live", "As at ..."). */
  render(delegations: readonly Delegation[], amendments: readonly Amendment[], moment: string): void {
    this.caption.textContent = moment;
    this.body.dataset.moment = moment;
    clear(this.body);
    const grid = buildPositionsGrid(delegations, amendments);
    if (grid.columns.length === 0) {
      this.body.append(h('p', { className: 'empty' }, 'No amendment has been proposed by then.'));
      return;
    }
    this.body.append(this.table(grid, moment));
  }

  private table(grid: PositionsGrid, moment: string): HTMLTableElement {
    const headers = grid.columns.map((column) => {
      const amendment = column.amendment;
      const description = `${describeAmendment(amendment)} (${amendment.paragraph}, proposed by ${proposerName(amendment)}, ${statusNames[amendment.status] ?? amendment.status})`;
      return h('th', { scope: 'col', 'data-amendment': amendment.id, className: `map-amendment status-${amendment.status}`, title: description },
        h('span', { className: 'map-amendment-label' }, column.label),
        h('span', { className: 'map-amendment-who' }, amendment.proposedBy?.name ?? 'Chair'),
        h('span', { className: 'map-amendment-status' }, statusNames[amendment.status] ?? amendment.status),
        h('span', { className: 'visually-hidden' }, description));
    });
    const groups = grid.groups.filter((group) => group.rows.length > 0).map((group) => h('tbody', { 'data-group': group.key },
      h('tr', { className: 'map-group-row' }, h('th', { scope: 'rowgroup', colspan: grid.columns.length + 1 }, group.name)),
      group.rows.map((row) => h('tr', { 'data-delegation': row.delegation.name },
        h('th', { scope: 'row' }, row.delegation.name),
        row.stances.map((stance, i) => this.cell(stance, row.delegation, grid.columns[i].label))))));
    const tallies = h('tfoot', {},
      h('tr', { className: 'map-tally-row' },
        h('th', { scope: 'row' }, 'Member states'),
        grid.columns.map((column) => h('td', {
          className: 'map-tally' + (column.tally.consensus ? ' map-consensus' : ' map-no-consensus'),
          'data-amendment': column.amendment.id, title: describeTally(column.tally),
        },
        h('span', { className: 'tally-line' }, `✓${column.tally.supporting} ✗${column.tally.objecting} ?${column.tally.reserving} ≈${column.tally.canLiveWith}`),
        h('span', { className: 'tally-silent' }, `·${column.tally.silent}`),
        h('span', { className: 'tally-verdict' }, column.tally.consensus ? 'consensus' : 'no consensus'),
        h('span', { className: 'visually-hidden' }, describeTally(column.tally))))));
    return h('table', { className: 'positions-map', id: 'positions-table' },
      h('caption', {}, `Where each delegation stands on each amendment — ${moment}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Delegation'), headers)),
      groups,
      tallies);
  }

  private cell(stance: Stance, delegation: Delegation, column: string): HTMLTableCellElement {
    const sign = stanceSigns[stance];
    return h('td', { className: `stance stance-${stance}`, 'data-stance': stance, 'data-column': column, title: `${delegation.name} ${sign.description}` },
      h('span', { className: 'stance-symbol', 'aria-hidden': 'true' }, sign.symbol),
      h('span', { className: 'stance-word' }, stance === 'none' ? '' : sign.word),
      stance === 'none' ? h('span', { className: 'visually-hidden' }, 'no position') : null);
  }
}
