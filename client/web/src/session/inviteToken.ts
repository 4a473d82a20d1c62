// Sign-in from the personal invite link: http://host/#invite=TOKEN (also ?invite=TOKEN or ?token=TOKEN).
// The token is kept in sessionStorage and removed from the address bar, so it is neither bookmarked nor shared
// by copying the address.

export const storageKey = 'negotiation-editor.invite';

/** Reads the invite token from a link's query or fragment; null when the link carries none. */
export function tokenFromLink(href: string): string | null {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const candidates = [fragment.get('invite'), fragment.get('token'), url.searchParams.get('invite'), url.searchParams.get('token')];
  for (const candidate of candidates) {
    if (candidate && /^[A-Za-z0-9_\-.~+/=]{8,}$/.test(candidate)) return candidate;
  }
  return null;
}

/** The address without the token (other query parameters and fragment parts are kept). */
export function linkWithoutToken(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('invite');
  url.searchParams.delete('token');
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  fragment.delete('invite');
  fragment.delete('token');
  const rest = fragment.toString();
  url.hash = rest ? '#' + rest : '';
  return url.toString();
}

export interface SessionPlace {
  location: { href: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
}

/** Takes the token from the link (then stores it and cleans the address bar) or from the session. */
export function signIn(place: SessionPlace): string | null {
  const fromLink = tokenFromLink(place.location.href);
  if (fromLink) {
    place.sessionStorage.setItem(storageKey, fromLink);
    place.history.replaceState(null, '', linkWithoutToken(place.location.href));
    return fromLink;
  }
  return place.sessionStorage.getItem(storageKey);
}

export function signOut(place: SessionPlace): void {
  place.sessionStorage.removeItem(storageKey);
}
