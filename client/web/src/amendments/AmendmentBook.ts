// The amendments of one document as this page knows them, kept current by the hub's Negotiation events.
import type { Amendment, Me, NegotiatedDocument, NegotiationEvent, PositionKind } from '../api/types';

export const positionNames: Record<PositionKind, string> = {
  supports: 'Support',
  objects: 'Object',
  reserves: 'Reserve',
  canLiveWith: 'Can live with',
};

/** What an event asks of the page besides updating an amendment. */
export type EventEffect = 'amendment' | 'document' | 'revision' | 'adopted' | 'refresh';

export class AmendmentBook {
  private readonly byId = new Map<string, Amendment>();
  private lastSequence = 0;

  constructor(amendments: readonly Amendment[] = []) {
    for (const amendment of amendments) this.byId.set(amendment.id, amendment);
  }

  /** Every amendment in the order tabled. */
  all(): Amendment[] {
    return Array.from(this.byId.values()).sort((a, b) => a.proposedAt.localeCompare(b.proposedAt));
  }

  /** The open (proposed) amendments, in the order of their place in the text. */
  open(): Amendment[] {
    return this.all()
      .filter((a) => a.status === 'proposed')
      .sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity));
  }

  get(id: string): Amendment | undefined {
    return this.byId.get(id);
  }

  /** Puts the server's latest copy of an amendment in the book. */
  put(amendment: Amendment): void {
    this.byId.set(amendment.id, amendment);
  }

  /** Applies one hub event; an event not newer than the last one applied changes nothing. */
  apply(event: NegotiationEvent): EventEffect {
    // The hub delivers each event once per connection; a replayed or late one must not undo a newer state.
    if (event.sequence > 0 && event.sequence <= this.lastSequence) return 'amendment';
    this.lastSequence = Math.max(this.lastSequence, event.sequence ?? 0);
    switch (event.event) {
      case 'amendmentProposed':
      case 'amendmentWithdrawn':
      case 'amendmentRejected':
      case 'amendmentAccepted':
      case 'amendmentSuperseded':
      case 'positionTaken':
        if (event.amendment) {
          this.put(event.amendment);
          return 'amendment';
        }
        return 'refresh';
      case 'onScreenDraftingSwitched':
      case 'documentTabled':
        return 'document';
      case 'revisionCirculated':
        return 'revision';
      case 'textAdopted':
        return 'adopted';
      default:
        return 'refresh';
    }
  }

  /**
   * The open amendments an amendment collides with (overlapping spans). The server reports collisions on each
   * amendment as it was last sent; an amendment proposed later names the earlier one, so both sides are read.
   */
  collisionsOf(amendment: Amendment): Amendment[] {
    const ids = new Set(amendment.collidesWith);
    for (const other of this.byId.values()) {
      if (other.id !== amendment.id && other.collidesWith.includes(amendment.id)) ids.add(other.id);
    }
    return Array.from(ids)
      .map((id) => this.byId.get(id))
      .filter((a): a is Amendment => !!a && a.status === 'proposed');
  }
}

/** What this participant may do, as the server's access table says (the server still decides). */
export class Permissions {
  constructor(private readonly me: Me, private readonly document: Pick<NegotiatedDocument, 'status' | 'onScreenDrafting' | 'mayTypeInText'>) {}

  get adopted(): boolean { return this.document.status === 'adopted'; }
  get isChair(): boolean { return this.me.role === 'chair'; }

  /** Typing in the text: the server's own answer (mayTypeInText), never after adoption. */
  get mayType(): boolean {
    if (this.adopted || this.me.role === 'observer' || this.me.role === 'stakeholder') return false;
    return this.document.mayTypeInText;
  }

  get mayPropose(): boolean {
    return !this.adopted && (this.me.role === 'memberStateDelegate' || this.me.role === 'stakeholder') && this.me.delegation !== null;
  }

  /** A chair's proposal: the chair, or the secretariat on the chair's behalf; never a delegation. */
  get mayProposeAsChair(): boolean {
    return !this.adopted && (this.me.role === 'chair' || this.me.role === 'secretariat');
  }

  get mayDecide(): boolean { return !this.adopted && this.me.role === 'chair'; }

  get mayCirculate(): boolean { return !this.adopted && (this.me.role === 'chair' || this.me.role === 'secretariat'); }

  /** A delegation takes a position on others' open amendments only. */
  mayTakePosition(amendment: Amendment): boolean {
    const own = this.me.delegation;
    if (!this.mayPropose || !own || amendment.status !== 'proposed') return false;
    if (amendment.proposedBy?.id === own.id) return false;
    return !amendment.coSponsors.some((sponsor) => sponsor.id === own.id);
  }

  mayWithdraw(amendment: Amendment): boolean {
    if (isChairsProposal(amendment)) return this.mayProposeAsChair && amendment.status === 'proposed';
    return this.mayPropose && amendment.status === 'proposed' && amendment.proposedBy !== null && amendment.proposedBy.id === this.me.delegation?.id;
  }

  /** This delegation's current position on the amendment, if it took one. */
  positionOn(amendment: Amendment): PositionKind | null {
    const own = this.me.delegation;
    return amendment.positions.find((p) => p.delegation.id === own?.id)?.position ?? null;
  }
}

/** A chair's proposal: the server says proposer "chair" (older answers: no proposing delegation). */
export function isChairsProposal(amendment: Pick<Amendment, 'proposer' | 'proposedBy'>): boolean {
  return amendment.proposer === 'chair' || (amendment.proposer === undefined && amendment.proposedBy === null);
}

/**
 * The consensus line under an amendment, as the server reads it (docs/negotiation.md): member states only,
 * sponsors supporting; consensus when no member state objects — a reservation or "can live with" does not block.
 * The page never computes it: it words the server's reading.
 */
export function consensusLine(consensus: Amendment['consensus'] | undefined): string | null {
  if (!consensus) return null;
  const list = (names: string[]) => names.join(', ');
  if (!consensus.isConsensus) {
    return consensus.objecting.length > 0 ? `No consensus: ${list(consensus.objecting)} ${consensus.objecting.length === 1 ? 'objects' : 'object'}.` : 'No consensus.';
  }
  const notes: string[] = [];
  if (consensus.reserving.length > 0) notes.push(`${list(consensus.reserving)} ${consensus.reserving.length === 1 ? 'reserves' : 'reserve'}`);
  if (consensus.canLiveWith.length > 0) notes.push(`${list(consensus.canLiveWith)} can live with it`);
  return 'Consensus: no member state objects' + (notes.length > 0 ? ` (${notes.join('; ')}).` : '.');
}

/** Who proposed an amendment: its delegation, or the Chair for a chair's proposal. */
export function proposerName(amendment: Pick<Amendment, 'proposedBy'>): string {
  return amendment.proposedBy?.name ?? 'the Chair';
}

/** How an amendment reads in the side panel: "Replace 'in accordance with' by 'bearing in mind'". */
export function describeAmendment(amendment: Amendment): string {
  const quote = (text: string) => `“${text.length > 80 ? text.slice(0, 77) + '…' : text}”`;
  switch (amendment.kind) {
    case 'replace': return `Replace ${quote(amendment.originalText)} by ${quote(amendment.proposedTexts[0] ?? '')}`;
    case 'delete': return `Delete ${quote(amendment.originalText)}`;
    case 'insert': return `Insert ${quote(amendment.proposedTexts[0] ?? '')}`;
    case 'alternatives': return `Alternatives to ${quote(amendment.originalText)}: ${amendment.proposedTexts.map((t) => (t ? quote(t) : '(delete)')).join(' / ')}`;
    case 'newParagraph': return `New paragraph after ${amendment.paragraph}: ${quote(amendment.proposedTexts[0] ?? '')}`;
    case 'deleteParagraph': return `Delete paragraph ${amendment.paragraph}`;
  }
}
