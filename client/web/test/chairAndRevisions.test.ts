import { describe, expect, it } from 'vitest';
import { adoptionWarning } from '../src/chair/ChairConsole';
import { comparisonChoices } from '../src/revisions/RevisionsPanel';

const rev = (n: number) => ({ id: `r${n}`, number: n, label: `Rev.${n}`, symbol: `E/CN.16/2010/CRP.1/Rev.${n}`, circulatedAt: '2010-12-17T19:00:00+00:00' });

describe('The adoption confirmation', () => {
  it('names the document, its latest revision and what locks', () => {
    const warning = adoptionWarning({ symbol: 'E/CN.16/2010/CRP.1', title: 'Composition of the Working Group', openAmendments: 0, revisions: [rev(1)] }, 1234);
    expect(warning).toContain('E/CN.16/2010/CRP.1 “Composition of the Working Group”');
    expect(warning).toContain('1234 characters; latest circulated: Rev.1');
    expect(warning).toContain('nobody can type, propose, take a position or decide');
    expect(warning).toContain('No amendment is open.');
  });

  it('warns that open amendments block the adoption', () => {
    const warning = adoptionWarning({ symbol: 'S', title: 'T', openAmendments: 2, revisions: [] }, 10);
    expect(warning).toContain('2 amendments are still open');
    expect(warning).toContain('no revision circulated yet');
  });
});

describe('The versions offered for comparison', () => {
  it('compares the last two revisions by default', () => {
    const choices = comparisonChoices([rev(1), rev(2), rev(3)]);
    expect([choices.from, choices.to]).toEqual(['Rev.2', 'Rev.3']);
    expect(choices.options.map((o) => o.value)).toEqual(['Rev.1', 'Rev.2', 'Rev.3', 'live']);
  });

  it('compares the only revision with the live text', () => {
    const choices = comparisonChoices([rev(1)]);
    expect([choices.from, choices.to]).toEqual(['Rev.1', 'live']);
  });
});
