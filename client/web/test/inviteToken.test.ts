import { describe, expect, it } from 'vitest';
import { linkWithoutToken, signIn, storageKey, tokenFromLink, type SessionPlace } from '../src/session/inviteToken';
import { testSwitchOn } from '../src/session/testSwitch';

const token = 'FiM6mGRyM0OxxAu_t2vOxZeLx5zKQEWGzKSR4ODDF7w';

function place(href: string): SessionPlace & { stored: Map<string, string>; replaced: string[] } {
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  return {
    stored, replaced,
    location: { href },
    history: { replaceState: (_d, _u, url) => { replaced.push(String(url)); } },
    sessionStorage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => { stored.set(k, v); }, removeItem: (k) => { stored.delete(k); } },
  };
}

describe('Signing in from the invite link', () => {
  it('reads the token from the fragment the server writes in invites.csv', () => {
    expect(tokenFromLink(`http://localhost:5080/#invite=${token}`)).toBe(token);
  });

  it('also reads it from the query', () => {
    expect(tokenFromLink(`http://localhost:5080/?invite=${token}`)).toBe(token);
  });

  it('finds no token in a plain address or a garbled one', () => {
    expect(tokenFromLink('http://localhost:5080/')).toBeNull();
    expect(tokenFromLink('http://localhost:5080/#invite=<script>')).toBeNull();
  });

  it('keeps the token in the session and removes it from the address bar', () => {
    const here = place(`http://localhost:5080/#invite=${token}`);
    expect(signIn(here)).toBe(token);
    expect(here.stored.get(storageKey)).toBe(token);
    expect(here.replaced).toEqual(['http://localhost:5080/']);
  });

  it('keeps other parts of the address', () => {
    expect(linkWithoutToken(`http://localhost:5080/?x=1#invite=${token}&document=abc`)).toBe('http://localhost:5080/?x=1#document=abc');
  });

  it('signs in again from the session after a reload', () => {
    const here = place('http://localhost:5080/');
    here.stored.set(storageKey, token);
    expect(signIn(here)).toBe(token);
    expect(here.replaced).toEqual([]);
  });
});

describe('The end-to-end tests switch', () => {
  it('is on only with test=1 in the query', () => {
    expect(testSwitchOn('?test=1')).toBe(true);
    expect(testSwitchOn('?document=x&test=1')).toBe(true);
    expect(testSwitchOn('')).toBe(false);
    expect(testSwitchOn('?test=0')).toBe(false);
    expect(testSwitchOn('?testing=1')).toBe(false);
  });

  it('survives the sign-in, which takes only the token out of the address', () => {
    const link = linkWithoutToken('http://localhost:5080/?test=1#invite=abcdefgh12345');
    expect(testSwitchOn(new URL(link).search)).toBe(true);
  });
});
