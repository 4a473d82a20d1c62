// The end-to-end tests' switch: with `?test=1` in the address the page exposes its Y.Doc, provider and editor as
// `window.negotiationEditor` (the tests read the text through it and force an update the server must refuse).
// Without the switch nothing is exposed.

export function testSwitchOn(search: string): boolean {
  return new URLSearchParams(search).get('test') === '1';
}
