// The page: signs in from the invite link, opens the document, and wires the editor, the provider, the
// amendments, the chair's console and the revisions to the REST API and the hub.
import * as Y from 'yjs';
import { ApiError, NegotiationApi } from './api/NegotiationApi';
import type { Amendment, Delegation, DocumentAtMoment, DocumentSummary, Me, NegotiatedDocument, NegotiationEvent, Role } from './api/types';
import { AmendmentBook, Permissions, proposerName } from './amendments/AmendmentBook';
import { AmendmentPanel } from './amendments/AmendmentPanel';
import { anchorOf, spanOf } from './amendments/anchors';
import { buildProposal } from './amendments/proposal';
import { ChairConsole } from './chair/ChairConsole';
import { colourOf } from './editor/colours';
import { createEditor, type TextEditor } from './editor/editor';
import { readParagraphs } from './editor/paragraphs';
import { PositionsMap } from './positions/PositionsMap';
import { createHubConnection } from './provider/hubConnection';
import { SignalRProvider, type ConnectionStatus } from './provider/SignalRProvider';
import { RevisionsPanel } from './revisions/RevisionsPanel';
import { signIn, signOut, tokenFromLink } from './session/inviteToken';
import { testSwitchOn } from './session/testSwitch';
import { formatMoment, type MomentStep } from './timeline/moments';
import { PastText } from './timeline/PastText';
import { TimelinePanel } from './timeline/TimelinePanel';
import { announce, clear, dismiss, h } from './ui/dom';

const roleNames: Record<Role, string> = {
  chair: 'Chair', secretariat: 'Secretariat', memberStateDelegate: 'Member-state delegate', stakeholder: 'Stakeholder', observer: 'Observer',
};

const statusNames: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…', connected: 'Connected', disconnected: 'Disconnected: reconnecting…', offline: 'Offline: your edits are kept and sent on reconnection',
};

/** The text's root name in the shared document (the server's LiveText.RootName). */
export const textName = 'text';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page lacks #${id}`);
  return element as T;
}

export async function start(): Promise<void> {
  const status = byId('status');
  byId('dismiss-status').onclick = () => dismiss(status);
  const token = signIn(window);
  if (!token) {
    showSignIn();
    return;
  }
  const api = new NegotiationApi(token);
  let me: Me;
  try {
    me = await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut(window);
      showSignIn('This invite link is not (or no longer) valid. Ask the secretariat for a new one.');
      return;
    }
    throw error;
  }
  const documents = await api.documents();
  if (documents.length === 0) {
    byId('status').textContent = 'There is no document in this negotiation yet.';
    return;
  }
  const wanted = new URLSearchParams(location.hash.slice(1)).get('document');
  const summary = documents.find((d) => d.id === wanted) ?? documents[0];
  await openDocument(api, token, me, summary, documents);
}

function showSignIn(message?: string): void {
  const host = byId('sign-in');
  const input = h('input', { id: 'invite-link', type: 'url', required: true, autocomplete: 'off', placeholder: 'http://…/#invite=…' });
  const error = h('p', { className: 'form-error', role: 'alert' }, message ?? '');
  host.append(h('form', {
    'aria-labelledby': 'sign-in-heading',
    onsubmit: (event: Event) => {
      event.preventDefault();
      const token = tokenFromLink(input.value.trim());
      if (!token) {
        error.textContent = 'That is not an invite link: it should end with #invite= and your personal code.';
        return;
      }
      sessionStorage.setItem('negotiation-editor.invite', token);
      location.reload();
    },
  },
  h('h1', { id: 'sign-in-heading' }, 'NegotiationEditor'),
  h('p', {}, 'Open the personal invite link you received, or paste it here.'),
  h('label', { for: 'invite-link' }, 'Invite link'), input,
  h('button', { type: 'submit' }, 'Sign in'), error));
  host.hidden = false;
  byId('app').hidden = true;
}

async function openDocument(api: NegotiationApi, token: string, me: Me, summary: DocumentSummary, documents: DocumentSummary[]): Promise<void> {
  const status = byId('status');
  let current: NegotiatedDocument = await api.document(summary.id);
  const book = new AmendmentBook(await api.amendments(summary.id));
  let delegations: Delegation[] = await api.delegations();
  let permissions = new Permissions(me, current);

  const ydoc = new Y.Doc();
  const ytext = ydoc.getText(textName);
  const provider = new SignalRProvider(current.id, ydoc, () => createHubConnection(token), { network: window });
  const who = me.delegation?.name ?? me.name;
  provider.awareness.setLocalStateField('user', {
    name: who, ...colourOf(who), delegation: me.delegation?.name ?? null, role: me.role, participant: me.name,
  });

  byId('me').textContent = `${me.name}${me.delegation ? ` (${me.delegation.name})` : ''} · ${roleNames[me.role]}`;
  document.body.dataset.role = me.role;
  const picker = byId<HTMLSelectElement>('document-picker');
  if (documents.length > 1) {
    for (const d of documents) picker.append(h('option', { value: d.id, selected: d.id === summary.id }, `${d.symbol} — ${d.title}`));
    picker.onchange = () => { location.hash = `document=${picker.value}`; location.reload(); };
    picker.parentElement!.hidden = false;
  }

  let editor: TextEditor;
  const panel = new AmendmentPanel(byId('proposal'), byId('amendments'), book, permissions, {
    propose: async (form) => {
      const text = ytext.toString();
      const outcome = buildProposal(text, readParagraphs(text), editor.selection(), form);
      if (!outcome.ok) throw new Error(outcome.error);
      const request = outcome.request;
      const range = request.range!;
      delete request.range;
      request.anchor = anchorOf(ytext, range.start, range.end);
      const amendment = await api.propose(current.id, request);
      book.put(amendment);
      refreshAmendments();
      announce(status, `Amendment proposed: ${amendment.ledger}`);
    },
    takePosition: async (amendment, position) => {
      const answer = await api.takePosition(current.id, amendment.id, me.delegation!.id, position);
      book.put(answer.amendment);
      refreshAmendments();
    },
    withdraw: async (amendment) => { book.put(await api.withdraw(current.id, amendment.id)); refreshAmendments(); },
    accept: async (amendment, alternative) => {
      const answer = await api.accept(current.id, amendment.id, alternative);
      book.put(answer.amendment);
      for (const superseded of answer.superseded ?? []) book.put(superseded);
      refreshAmendments();
    },
    reject: async (amendment) => { book.put(await api.reject(current.id, amendment.id)); refreshAmendments(); },
    show: (amendment) => showAmendment(amendment),
  });

  editor = createEditor(byId('editor'), ytext, provider.awareness, () => {
    panel.select(editor.selection(), editor.view.state.doc.toString());
  });

  const chairHost = byId('chair');
  const chair = new ChairConsole(chairHost, {
    switchDrafting: async (mode) => { current = { ...current, ...(await api.switchOnScreenDrafting(current.id, mode)) }; applyDocument(); },
    circulate: async () => {
      const revision = await api.circulate(current.id);
      announce(status, `${revision.label} circulated (${revision.symbol}).`);
      await refreshDocument();
    },
    adopt: async () => {
      await api.adopt(current.id);
      await refreshDocument();
    },
  }, () => ytext.length);
  chairHost.hidden = me.role !== 'chair';

  const revisions = new RevisionsPanel(byId('revisions'), byId('viewer'), api, current.id);

  function applyDocument(): void {
    permissions = new Permissions(me, current);
    panel.setPermissions(permissions);
    editor.setWritable(permissions.mayType);
    if (me.role === 'chair') chair.render(current);
    revisions.setRevisions(current.revisions);
    byId('doc-title').textContent = current.title;
    byId('doc-symbol').textContent = current.symbol;
    const docStatus = byId('doc-status');
    docStatus.textContent = current.status === 'adopted' ? 'Adopted' : 'Under negotiation';
    docStatus.dataset.status = current.status;
    const note = byId('typing-note');
    note.textContent = permissions.adopted
      ? 'The text is adopted and locked: it can be read, printed and compared only.'
      : permissions.mayType
        ? 'You may type in the text.'
        : me.role === 'observer'
          ? 'Observers read the text; they do not edit it.'
          : me.role === 'chair' || me.role === 'secretariat'
            ? 'On-screen drafting is closed: the text is frozen.'
            : 'The chair has not opened on-screen drafting to delegations: select words and propose an amendment.';
    const seal = byId('seal');
    clear(seal);
    if (current.adoption) {
      seal.append(
        h('strong', {}, 'Adopted text — sealed. '),
        `Adopted ${new Date(current.adoption.adoptedAt).toLocaleString()} · SHA-256 `,
        h('code', { id: 'seal-hash' }, current.adoption.textSha256));
      seal.hidden = false;
    } else {
      seal.hidden = true;
    }
  }

  async function refreshDocument(): Promise<void> {
    current = await api.document(current.id);
    applyDocument();
  }

  async function refreshAll(): Promise<void> {
    const [document, amendments, listed] = await Promise.all([api.document(current.id), api.amendments(current.id), api.delegations()]);
    current = document;
    delegations = listed;
    for (const amendment of amendments) book.put(amendment);
    applyDocument();
    refreshAmendments();
  }

  let pinScheduled = false;
  function repin(): void {
    if (pinScheduled) return;
    pinScheduled = true;
    requestAnimationFrame(() => {
      pinScheduled = false;
      editor.pin(book.open().flatMap((amendment) => {
        const span = spanOf(ydoc, ytext, amendment);
        return span ? [{
          id: amendment.id, from: span.from, to: span.to, title: `${proposerName(amendment)}: ${amendment.ledger}`,
          colliding: book.collisionsOf(amendment).length > 0, selected: false,
        }] : [];
      }));
    });
  }

  function refreshAmendments(): void {
    panel.render();
    repin();
    renderMap();
  }

  function showAmendment(amendment: Amendment): void {
    const span = spanOf(ydoc, ytext, amendment);
    if (!span) return;
    editor.view.dispatch({ selection: { anchor: span.from, head: span.to }, scrollIntoView: true });
    editor.view.focus();
  }

  // The timeline and the positions map. A past moment is shown read only beside the live editor, which stays bound
  // to the shared text and is only hidden meanwhile.
  const liveText = byId('live-text');
  const timelineHost = byId('timeline');
  const mapHost = byId('positions-map');
  let pastMoment: DocumentAtMoment | null = null;
  const pastText = new PastText(byId('past-text'), () => timeline.goLive());
  const positionsMap = new PositionsMap(mapHost);
  const timeline = new TimelinePanel(timelineHost, api, current.id, {
    moment: (view: DocumentAtMoment, step: MomentStep) => {
      pastMoment = view;
      pastText.show(view, step.summary);
      liveText.hidden = true;
      renderMap();
    },
    live: () => {
      pastMoment = null;
      pastText.hide();
      liveText.hidden = false;
      editor.view.requestMeasure();
      renderMap();
    },
  });

  function renderMap(): void {
    if (mapHost.hidden) return;
    if (pastMoment) positionsMap.render(delegations, pastMoment.amendments, `As at ${formatMoment(pastMoment.time)}`);
    else positionsMap.render(delegations, book.all(), 'Live');
  }

  function toggleView(button: HTMLElement, host: HTMLElement, opened: () => void): void {
    const open = host.hidden;
    host.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) opened();
  }
  const showTimeline = byId('show-timeline');
  showTimeline.onclick = () => toggleView(showTimeline, timelineHost, () => {
    void timeline.open();
    byId('timeline-slider').focus();
  });
  const showMap = byId('show-positions-map');
  showMap.onclick = () => toggleView(showMap, mapHost, () => {
    renderMap();
    byId('positions-map-heading').focus();
  });

  // New moments while the timeline is open: read it again, at most once a second.
  let timelineRefresh: ReturnType<typeof setTimeout> | null = null;
  function timelineChanged(): void {
    if (timelineHost.hidden || timelineRefresh) return;
    timelineRefresh = setTimeout(() => { timelineRefresh = null; void timeline.refresh(); }, 1000);
  }

  ydoc.on('update', repin);
  ydoc.on('update', timelineChanged);
  provider.on('negotiation', (event) => {
    const change = event as NegotiationEvent;
    const effect = book.apply(change);
    if (change.description) announce(status, change.description);
    if (effect === 'amendment') refreshAmendments();
    else if (effect === 'document' || effect === 'revision' || effect === 'adopted') void refreshDocument();
    else void refreshAll();
    timelineChanged();
  });
  provider.on('status', (connection) => {
    const line = byId('connection');
    line.textContent = statusNames[connection];
    line.dataset.status = connection;
  });
  provider.on('synced', (synced) => {
    byId('connection').dataset.synced = String(synced);
    // After a reconnection, events sent while away were missed: read the state again.
    if (synced && provider.reconnections > 0) void refreshAll();
  });
  provider.on('permission-denied', (reason) => announce(status, `The server refused a change: ${reason}`, 'error'));
  provider.awareness.on('change', () => renderPresence(provider));

  applyDocument();
  refreshAmendments();
  renderPresence(provider);
  if (testSwitchOn(location.search)) (window as unknown as { negotiationEditor: unknown }).negotiationEditor = { ydoc, provider, editor, pastText: () => pastText.text };
}

function renderPresence(provider: SignalRProvider): void {
  const list = byId('presence');
  clear(list);
  for (const [client, state] of provider.awareness.getStates()) {
    const user = (state as { user?: { name?: string; color?: string; participant?: string } }).user;
    if (!user?.name) continue;
    list.append(h('li', { style: `--who: ${user.color ?? '#555'}`, title: user.participant ?? user.name, 'data-client': client },
      user.name + (client === provider.doc.clientID ? ' (you)' : '')));
  }
}
