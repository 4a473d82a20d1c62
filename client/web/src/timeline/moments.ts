// The moments of a document's day as the timeline shows them: runs of edits folded into one step, revisions and
// the adoption standing out, and the arithmetic of the slider (which moment is in effect at a time, the next one).
import type { Moment } from '../api/types';

/** How each kind of moment is named in the list; an unknown kind is named from its own words. */
export const momentKindNames: Record<string, string> = {
  edit: 'Edits',
  tabled: 'Text tabled',
  'amendment-proposed': 'Amendment proposed',
  'co-sponsor-joined': 'Co-sponsor joined',
  'amendment-withdrawn': 'Amendment withdrawn',
  'amendment-accepted': 'Amendment accepted',
  'amendment-rejected': 'Amendment rejected',
  'amendment-superseded': 'Amendment superseded',
  position: 'Position taken',
  'revision-circulated': 'Revision circulated',
  adopted: 'Text adopted',
  'drafting-switched': 'On-screen drafting switched',
};

/** The moments that stand out on the slider: a printed version going round the room, and the adoption. */
const majorKinds = new Set(['revision-circulated', 'adopted']);

/** One step of the timeline: one moment, or a run of edits with nothing else between them. */
export interface MomentStep {
  /** Where the step is in the list (0 = the earliest). */
  index: number;
  kind: string;
  /** The time the step shows, as the server wrote it (the last moment of a run): passed back to `/at` unchanged. */
  time: string;
  /** The same time in milliseconds since 1970. */
  at: number;
  /** The first moment's time (equals `at` for a single moment). */
  from: number;
  /** How many moments the step folds. */
  count: number;
  summary: string;
  /** A revision or the adoption: drawn larger on the slider. */
  major: boolean;
}

export function kindName(kind: string): string {
  return momentKindNames[kind] ?? kind.split(/[-_ ]+/).filter(Boolean).map((word, i) => (i === 0 ? word[0].toUpperCase() + word.slice(1) : word)).join(' ');
}

/**
 * Folds the moments into steps, oldest first. Consecutive edits become one step unless more than
 * <paramref name="editGapMs"/> passes between two of them; every other moment is a step of its own.
 */
export function foldMoments(moments: readonly Moment[], editGapMs = 5 * 60_000): MomentStep[] {
  const sorted = moments
    .map((moment, order) => ({ moment, order, at: Date.parse(moment.time) }))
    .filter((m) => !Number.isNaN(m.at))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const steps: MomentStep[] = [];
  let summaries: string[] = [];
  for (const { moment, at } of sorted) {
    const last = steps[steps.length - 1];
    if (moment.kind === 'edit' && last && last.kind === 'edit' && at - last.at <= editGapMs) {
      last.count++;
      last.at = at;
      last.time = moment.time;
      if (moment.summary && !summaries.includes(moment.summary)) summaries.push(moment.summary);
      last.summary = editSummary(last.count, summaries);
      continue;
    }
    summaries = moment.kind === 'edit' && moment.summary ? [moment.summary] : [];
    steps.push({
      index: steps.length, kind: moment.kind, time: moment.time, at, from: at, count: 1,
      summary: moment.summary || kindName(moment.kind), major: majorKinds.has(moment.kind),
    });
  }
  return steps;
}

function editSummary(count: number, summaries: string[]): string {
  const shown = summaries.slice(0, 2).join('; ');
  const more = summaries.length > 2 ? ` and ${summaries.length - 2} more` : '';
  return `${count} edits${shown ? `: ${shown}${more}` : ''}`;
}

/** The step in effect at a time: the latest one not after it (the first step before the first moment). */
export function stepAt(steps: readonly MomentStep[], at: number): MomentStep | null {
  if (steps.length === 0) return null;
  let found = steps[0];
  for (const step of steps) {
    if (step.at <= at) found = step;
    else break;
  }
  return found;
}

/** The step before or after the given one, or the same one at either end. */
export function neighbour(steps: readonly MomentStep[], current: MomentStep | null, direction: -1 | 1): MomentStep | null {
  if (steps.length === 0) return null;
  if (!current) return direction > 0 ? steps[0] : steps[steps.length - 1];
  const index = Math.min(steps.length - 1, Math.max(0, current.index + direction));
  return steps[index];
}

/** Where a time sits on the slider, from 0 (the start of the day) to 1 (its end). */
export function placeOnSlider(at: number, start: number, end: number): number {
  if (!(end > start)) return 1;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

/** A moment's time as the page prints it: "17 December 2010, 18:04:05" (24-hour clock, the reader's time zone). */
export function formatMoment(time: string | number, timeZone?: string): string {
  const date = new Date(time);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return `${day}, ${clock}`;
}

/** Only the clock: "18:04:05". */
export function formatClock(time: string | number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(time));
}
