// The REST API, with the invite token as bearer token. Errors become ApiError with the server's ProblemDetails.
import type {
  Amendment, Delegation, DocumentAtMoment, DocumentSummary, DocumentTimeline, Me, NegotiatedDocument, OnScreenDrafting, PositionKind, Problem,
  ProposeAmendment, Revision, RevisionSummary, Adoption,
} from './types';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `the server answered ${status}`);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class NegotiationApi {
  constructor(private readonly token: string, private readonly baseUrl = '', private readonly fetcher: Fetch = (i, o) => fetch(i, o)) {}

  me(): Promise<Me> { return this.json('GET', '/api/me'); }
  delegations(): Promise<Delegation[]> { return this.json('GET', '/api/delegations'); }
  documents(): Promise<DocumentSummary[]> { return this.json('GET', '/api/documents'); }
  document(id: string): Promise<NegotiatedDocument> { return this.json('GET', `/api/documents/${id}`); }
  amendments(documentId: string): Promise<Amendment[]> { return this.json('GET', `/api/documents/${documentId}/amendments`); }
  propose(documentId: string, proposal: ProposeAmendment): Promise<Amendment> {
    return this.json('POST', `/api/documents/${documentId}/amendments`, proposal);
  }
  withdraw(documentId: string, amendmentId: string): Promise<Amendment> {
    return this.json('POST', `/api/documents/${documentId}/amendments/${amendmentId}/withdraw`);
  }
  takePosition(documentId: string, amendmentId: string, delegationId: string, position: PositionKind, note = ''): Promise<{ amendment: Amendment }> {
    return this.json('PUT', `/api/documents/${documentId}/amendments/${amendmentId}/positions/${delegationId}`, { position, note });
  }
  accept(documentId: string, amendmentId: string, alternative?: number): Promise<{ amendment: Amendment; superseded: Amendment[] }> {
    return this.json('POST', `/api/documents/${documentId}/amendments/${amendmentId}/accept`, alternative === undefined ? undefined : { alternative });
  }
  reject(documentId: string, amendmentId: string): Promise<Amendment> {
    return this.json('POST', `/api/documents/${documentId}/amendments/${amendmentId}/reject`);
  }
  switchOnScreenDrafting(documentId: string, mode: OnScreenDrafting): Promise<NegotiatedDocument> {
    return this.json('PUT', `/api/documents/${documentId}/on-screen-drafting`, { mode });
  }
  circulate(documentId: string): Promise<RevisionSummary> { return this.json('POST', `/api/documents/${documentId}/revisions`); }
  revisions(documentId: string): Promise<RevisionSummary[]> { return this.json('GET', `/api/documents/${documentId}/revisions`); }
  revision(documentId: string, revision: string): Promise<Revision> {
    return this.json('GET', `/api/documents/${documentId}/revisions/${encodeURIComponent(revision)}`);
  }
  adopt(documentId: string): Promise<Adoption> { return this.json('POST', `/api/documents/${documentId}/adopt`); }
  /** Every moment of the document's history, for the timeline. */
  timeline(documentId: string): Promise<DocumentTimeline> { return this.json('GET', `/api/documents/${documentId}/timeline`); }
  /** The document as it was at a time (ISO 8601, passed as given). */
  at(documentId: string, time: string): Promise<DocumentAtMoment> {
    return this.json('GET', `/api/documents/${documentId}/at?${new URLSearchParams({ time })}`);
  }

  /** The printed revision as HTML text. */
  printHtml(documentId: string, revision: string): Promise<string> {
    return this.text(`/api/documents/${documentId}/revisions/${encodeURIComponent(revision)}/print?format=html`);
  }

  /** The redline between two versions (a revision label or "live") as an HTML fragment or page. */
  compareHtml(documentId: string, from: string, to: string, view: 'side-by-side' | 'inline'): Promise<string> {
    const query = new URLSearchParams({ from, to, format: 'html', view });
    return this.text(`/api/documents/${documentId}/compare?${query}`);
  }

  /** Downloads a file (DOCX, PDF, HTML) with the token, as a Blob and the file name the server gave. */
  async download(path: string): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await this.send('GET', path);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), fileName: match ? decodeURIComponent(match[1]) : null };
  }

  private async text(path: string): Promise<string> {
    return (await this.send('GET', path)).text();
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.send(method, path, body)).json() as Promise<T>;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json, text/html, */*' };
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await this.fetcher(this.baseUrl + path, init);
    if (!response.ok) {
      let problem: Problem = { status: response.status, title: response.statusText };
      try {
        problem = { ...problem, ...(await response.json()) as Problem };
      } catch {
        // not a ProblemDetails answer: keep the status line
      }
      throw new ApiError(response.status, problem);
    }
    return response;
  }
}
