// The JSON shapes of the REST API (docs/protocol.md, "REST API").

export type Role = 'chair' | 'secretariat' | 'memberStateDelegate' | 'stakeholder' | 'observer';
export type DelegationKind = 'memberState' | 'observerState' | 'intergovernmentalOrganisation' | 'stakeholder';
export type OnScreenDrafting = 'chairAndSecretariat' | 'memberStates' | 'closed';
export type AmendmentKind = 'insert' | 'delete' | 'replace' | 'alternatives' | 'newParagraph' | 'deleteParagraph';
export type AmendmentStatus = 'proposed' | 'withdrawn' | 'accepted' | 'rejected' | 'superseded';
export type PositionKind = 'supports' | 'objects' | 'reserves' | 'canLiveWith';

export interface Delegation { id: string; name: string; kind: DelegationKind }

export interface Me {
  participantId: string;
  name: string;
  role: Role;
  delegation: Delegation | null;
  negotiation: { id: string; title: string };
}

export interface DocumentSummary {
  id: string;
  title: string;
  symbol: string;
  status: 'negotiating' | 'adopted';
  onScreenDrafting: OnScreenDrafting;
  openAmendments: number;
  revisions: number;
}

export interface Adoption { textSha256: string; adoptedAt: string; adoptedBy: string; text: string }

export interface RevisionSummary {
  id: string;
  number: number;
  label: string;
  symbol: string;
  circulatedAt: string;
  circulatedBy?: string;
}

export interface NegotiatedDocument {
  id: string;
  title: string;
  symbol: string;
  status: 'negotiating' | 'adopted';
  text?: string;
  textLength?: number;
  onScreenDrafting: OnScreenDrafting;
  mayTypeInText: boolean;
  openAmendments: number;
  revisions: RevisionSummary[];
  adoption: Adoption | null;
}

export interface Position {
  delegation: Delegation;
  position: PositionKind;
  note: string;
  takenAt: string;
  takenBy: string;
}

export interface Amendment {
  id: string;
  documentId: string;
  kind: AmendmentKind;
  paragraph: string;
  anchor: { start: string; end: string };
  span: { start: number; end: number } | null;
  originalText: string;
  proposedTexts: string[];
  /** Who proposes it: a delegation, or the chair (the office). */
  proposer?: 'delegation' | 'chair';
  /** The proposing delegation; null for a chair's proposal. */
  proposedBy: Delegation | null;
  coSponsors: Delegation[];
  justification: string;
  status: AmendmentStatus;
  proposedAt: string;
  decidedAt: string | null;
  acceptedAlternative: number | null;
  supersededBy: string | null;
  ledger: string;
  positions: Position[];
  consensus: { isConsensus: boolean; supporting: string[]; objecting: string[]; reserving: string[]; canLiveWith: string[] };
  collidesWith: string[];
}

export interface ProposeAmendment {
  kind: AmendmentKind;
  paragraph: string;
  range?: { start: number; end: number };
  anchor?: { start: string; end: string };
  originalText: string;
  proposedTexts: string[];
  proposedBy?: string;
  /** "chair" tables a chair's proposal (chair, secretariat); then no proposedBy. */
  proposer?: 'delegation' | 'chair';
  coSponsors: string[];
  justification: string;
}

export interface Revision extends RevisionSummary {
  text: string;
  compilationText: string;
  amendmentStates: { amendment: string; status: AmendmentStatus }[];
  crdtSnapshot: string;
}

export interface NegotiationEvent {
  event: string;
  documentId: string;
  sequence: number;
  at: string;
  actor: { id: string; name: string; role: Role };
  description: string;
  amendment: Amendment | null;
  revision: RevisionSummary | null;
  document: NegotiatedDocument | null;
}

export interface Problem { type?: string; title?: string; status?: number; detail?: string }

/** One moment of a document's history on the timeline (`GET /api/documents/{id}/timeline`). */
export interface Moment {
  time: string;
  /** "edit", "tabled", "amendment-proposed", "position", "revision-circulated", "adopted" ... (others may come). */
  kind: string;
  summary: string;
}

export interface DocumentTimeline {
  documentId: string;
  start: string;
  end: string;
  moments: Moment[];
}

/** The document as it was at a moment (`GET /api/documents/{id}/at?time=...`). */
export interface DocumentAtMoment {
  documentId: string;
  time: string;
  text: string;
  status: 'negotiating' | 'adopted' | string;
  amendments: Amendment[];
  /** The labels of the revisions circulated by then ("Rev.1"). */
  revisions: string[];
}
