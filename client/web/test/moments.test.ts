import { describe, expect, it } from 'vitest';
import { foldMoments, formatMoment, kindName, neighbour, placeOnSlider, stepAt } from '../src/timeline/moments';

const at = (clock: string) => `2010-12-17T${clock}+00:00`;

describe('The moments of the day folded into timeline steps', () => {
  it('folds a run of edits into one step that ends at the last edit', () => {
    const steps = foldMoments([
      { time: at('17:00:00'), kind: 'tabled', summary: 'E/CN.16/2010/CRP.1 tabled' },
      { time: at('17:01:00'), kind: 'edit', summary: 'Chair of the CSTD typed' },
      { time: at('17:01:30'), kind: 'edit', summary: 'Chair of the CSTD typed' },
      { time: at('17:02:10.1234567'), kind: 'edit', summary: 'CSTD secretariat typed' },
      { time: at('17:05:00'), kind: 'amendment-proposed', summary: 'Greece proposed a replacement' },
    ]);
    expect(steps.map((s) => [s.kind, s.count])).toEqual([['tabled', 1], ['edit', 3], ['amendment-proposed', 1]]);
    expect(steps[1].time).toBe(at('17:02:10.1234567'));
    expect(steps[1].from).toBe(Date.parse(at('17:01:00')));
    expect(steps[1].summary).toBe('3 edits: Chair of the CSTD typed; CSTD secretariat typed');
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('keeps edits apart when another moment or a long pause falls between them', () => {
    const steps = foldMoments([
      { time: at('17:01:00'), kind: 'edit', summary: 'a' },
      { time: at('17:02:00'), kind: 'position', summary: 'UK objects' },
      { time: at('17:03:00'), kind: 'edit', summary: 'b' },
      { time: at('17:30:00'), kind: 'edit', summary: 'c' },
    ], 5 * 60_000);
    expect(steps.map((s) => s.kind)).toEqual(['edit', 'position', 'edit', 'edit']);
  });

  it('orders moments by time and marks revisions and the adoption as standing out', () => {
    const steps = foldMoments([
      { time: at('21:00:00'), kind: 'adopted', summary: 'adopted' },
      { time: at('18:02:00'), kind: 'revision-circulated', summary: 'Rev.1 circulated' },
      { time: at('17:05:00'), kind: 'position', summary: 'Iran supports' },
    ]);
    expect(steps.map((s) => [s.kind, s.major])).toEqual([['position', false], ['revision-circulated', true], ['adopted', true]]);
  });

  it('names kinds it does not know from their own words', () => {
    expect(kindName('revision-circulated')).toBe('Revision circulated');
    expect(kindName('participant-joined')).toBe('Participant joined');
    expect(foldMoments([{ time: at('17:00:00'), kind: 'participant-joined', summary: '' }])[0].summary).toBe('Participant joined');
  });
});

describe('The slider over the steps', () => {
  const steps = foldMoments([
    { time: at('17:00:00'), kind: 'tabled', summary: 't' },
    { time: at('17:10:00'), kind: 'position', summary: 'p' },
    { time: at('18:00:00'), kind: 'revision-circulated', summary: 'r' },
  ]);

  it('shows the latest step not after the chosen time, and the first one before the day starts', () => {
    expect(stepAt(steps, Date.parse(at('17:30:00')))?.kind).toBe('position');
    expect(stepAt(steps, Date.parse(at('18:00:00')))?.kind).toBe('revision-circulated');
    expect(stepAt(steps, Date.parse(at('16:00:00')))?.kind).toBe('tabled');
    expect(stepAt([], 0)).toBeNull();
  });

  it('steps to the neighbours and stays at either end', () => {
    expect(neighbour(steps, steps[1], 1)?.kind).toBe('revision-circulated');
    expect(neighbour(steps, steps[1], -1)?.kind).toBe('tabled');
    expect(neighbour(steps, steps[0], -1)?.kind).toBe('tabled');
    expect(neighbour(steps, steps[2], 1)?.kind).toBe('revision-circulated');
    expect(neighbour(steps, null, -1)?.kind).toBe('revision-circulated');
  });

  it('places a time between the start and the end of the day', () => {
    const start = Date.parse(at('17:00:00'));
    const end = Date.parse(at('19:00:00'));
    expect(placeOnSlider(Date.parse(at('18:00:00')), start, end)).toBe(0.5);
    expect(placeOnSlider(start - 1000, start, end)).toBe(0);
    expect(placeOnSlider(end + 1000, start, end)).toBe(1);
    expect(placeOnSlider(start, start, start)).toBe(1);
  });

  it('prints a moment with its date and a 24-hour clock', () => {
    expect(formatMoment(at('18:04:05'), 'UTC')).toBe('17 December 2010, 18:04:05');
  });
});
