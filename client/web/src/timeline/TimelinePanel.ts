// The timeline: a slider over the document's day with a tick per moment (revisions and the adoption stand out), the
// list of moments, "play" to watch the day unfold and "back to live". Choosing a moment asks the server for the
// document as it was then; the page shows it read only (PastText) and the positions map follows.
import type { NegotiationApi } from '../api/NegotiationApi';
import type { DocumentAtMoment } from '../api/types';
import { clear, h } from '../ui/dom';
import { foldMoments, formatClock, formatMoment, kindName, neighbour, placeOnSlider, stepAt, type MomentStep } from './moments';

export interface TimelineListener {
  /** The document as it was at a moment (the step says which). */
  moment(view: DocumentAtMoment, step: MomentStep): void;
  /** Back to the live document. */
  live(): void;
}

/** How long "play" stays on each moment. */
export const playStepMs = 1200;

export class TimelinePanel {
  private readonly slider: HTMLInputElement;
  private readonly ticks: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly readout: HTMLOutputElement;
  private readonly play: HTMLButtonElement;
  private readonly back: HTMLButtonElement;
  private readonly error: HTMLElement;
  private steps: MomentStep[] = [];
  private start = 0;
  private end = 0;
  private current: MomentStep | null = null;
  private playing: ReturnType<typeof setInterval> | null = null;
  private request = 0;
  /** The time of the moment on show (null: live). */
  private shown: string | null = null;
  private loaded = false;

  constructor(host: HTMLElement, private readonly api: NegotiationApi, private readonly documentId: string, private readonly listener: TimelineListener) {
    this.slider = h('input', {
      type: 'range', id: 'timeline-slider', min: 0, max: 0, step: 1, value: 0, 'aria-label': 'Moment of the day',
      'aria-describedby': 'timeline-help',
      oninput: () => this.goTo(stepAt(this.steps, this.start + Number(this.slider.value))),
      onkeydown: (event: Event) => this.key(event as KeyboardEvent),
    });
    this.ticks = h('div', { className: 'timeline-ticks', 'aria-hidden': 'true' });
    this.readout = h('output', { id: 'timeline-readout', for: 'timeline-slider', className: 'timeline-readout' }, 'Live');
    this.play = h('button', { type: 'button', id: 'timeline-play', 'aria-pressed': 'false', onclick: () => this.togglePlay() }, '▶ Play');
    this.back = h('button', { type: 'button', id: 'timeline-live', className: 'primary', disabled: true, onclick: () => this.goLive() }, 'Back to live');
    this.list = h('ol', { className: 'moment-list', id: 'moment-list', 'aria-label': 'Moments of the day' });
    this.error = h('p', { className: 'form-error', role: 'alert', id: 'timeline-error' });
    host.append(
      h('h2', { id: 'timeline-heading' }, 'Timeline'),
      h('p', { id: 'timeline-help', className: 'timeline-help' },
        'Arrow keys step from moment to moment, Home and End go to the first and last. The text of a past moment opens read only.'),
      h('div', { className: 'timeline-controls' }, this.play, this.back, this.readout),
      h('div', { className: 'timeline-track' }, this.ticks, this.slider),
      this.error,
      this.list);
  }

  /** Whether the page shows a past moment. */
  get atPastMoment(): boolean { return this.current !== null; }

  /** Reads the timeline (again) from the server and redraws it, keeping the chosen moment. */
  async refresh(): Promise<void> {
    try {
      const timeline = await this.api.timeline(this.documentId);
      this.steps = foldMoments(timeline.moments);
      const times = this.steps.map((s) => s.at);
      this.start = Math.min(Date.parse(timeline.start), ...times);
      this.end = Math.max(Date.parse(timeline.end), ...times, this.start);
      this.loaded = true;
      const kept = this.current ? this.steps.find((s) => s.time === this.current!.time) ?? stepAt(this.steps, this.current.at) : null;
      this.current = kept;
      this.draw();
    } catch (error) {
      this.error.textContent = `The timeline could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Opens the panel: reads the timeline the first time. */
  async open(): Promise<void> {
    if (!this.loaded) await this.refresh();
  }

  /** Stops playing and shows the live document again. */
  goLive(): void {
    this.stopPlaying();
    this.request++;
    this.current = null;
    this.shown = null;
    this.sync();
    this.listener.live();
  }

  /** Shows the moment of a step (null: nothing to show). */
  async goTo(step: MomentStep | null): Promise<void> {
    if (!step) return;
    this.current = step;
    this.sync();
    // Dragging fires for every pixel: the moment on show need not be read again.
    if (step.time === this.shown) return;
    const request = ++this.request;
    this.error.textContent = '';
    try {
      const view = await this.api.at(this.documentId, step.time);
      if (request !== this.request) return;
      this.shown = step.time;
      this.listener.moment(view, step);
    } catch (error) {
      if (request !== this.request) return;
      this.error.textContent = `The text at ${formatMoment(step.time)} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private key(event: KeyboardEvent): void {
    let target: MomentStep | null;
    switch (event.key) {
      case 'ArrowLeft': case 'ArrowDown': target = neighbour(this.steps, this.current, -1); break;
      case 'ArrowRight': case 'ArrowUp':
        if (this.current && this.current.index === this.steps.length - 1) { event.preventDefault(); this.goLive(); return; }
        target = this.current ? neighbour(this.steps, this.current, 1) : null;
        break;
      case 'Home': case 'PageUp': target = this.steps[0] ?? null; break;
      case 'End': case 'PageDown': target = this.steps[this.steps.length - 1] ?? null; break;
      default: return;
    }
    event.preventDefault();
    this.stopPlaying();
    void this.goTo(target);
  }

  private togglePlay(): void {
    if (this.playing) {
      this.stopPlaying();
      return;
    }
    if (this.steps.length === 0) return;
    const atEnd = !this.current || this.current.index === this.steps.length - 1;
    void this.goTo(atEnd ? this.steps[0] : neighbour(this.steps, this.current, 1));
    this.playing = setInterval(() => {
      if (!this.current || this.current.index >= this.steps.length - 1) {
        this.stopPlaying();
        return;
      }
      void this.goTo(neighbour(this.steps, this.current, 1));
    }, playStepMs);
    this.play.setAttribute('aria-pressed', 'true');
    this.play.textContent = '❚❚ Pause';
  }

  private stopPlaying(): void {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    this.play.setAttribute('aria-pressed', 'false');
    this.play.textContent = '▶ Play';
  }

  private draw(): void {
    this.slider.max = String(Math.max(0, this.end - this.start));
    clear(this.ticks);
    clear(this.list);
    if (this.steps.length === 0) this.list.append(h('li', { className: 'empty' }, 'Nothing has happened yet.'));
    for (const step of this.steps) {
      const where = `${(placeOnSlider(step.at, this.start, this.end) * 100).toFixed(3)}%`;
      this.ticks.append(h('span', {
        className: `tick tick-${step.kind}` + (step.major ? ' tick-major' : ''), style: `left: ${where}`, title: `${formatClock(step.time)} ${step.summary}`,
        onclick: () => { this.stopPlaying(); void this.goTo(step); },
      }));
      this.list.append(h('li', { className: `moment moment-${step.kind}` + (step.major ? ' moment-major' : ''), 'data-index': step.index, 'data-kind': step.kind },
        h('button', {
          type: 'button', className: 'moment-button', 'data-time': step.time,
          onclick: () => { this.stopPlaying(); void this.goTo(step); },
        },
        h('time', { dateTime: step.time, className: 'moment-time' }, formatClock(step.time)),
        h('span', { className: 'moment-kind' }, kindName(step.kind) + (step.count > 1 ? ` (${step.count})` : '')),
        h('span', { className: 'moment-summary' }, step.summary))));
    }
    this.sync();
  }

  /** Puts the slider, the readout and the list on the current moment. */
  private sync(): void {
    const step = this.current;
    this.slider.value = String(step ? step.at - this.start : Number(this.slider.max));
    this.slider.setAttribute('aria-valuetext', step ? `As at ${formatMoment(step.time)}: ${step.summary}` : 'Live: the text now');
    this.readout.textContent = step ? `As at ${formatMoment(step.time)}` : 'Live';
    this.readout.dataset.live = String(!step);
    this.back.disabled = !step;
    for (const item of Array.from(this.list.querySelectorAll<HTMLElement>('li.moment'))) {
      const chosen = step !== null && Number(item.dataset.index) === step.index;
      const button = item.querySelector('button')!;
      if (chosen) {
        button.setAttribute('aria-current', 'step');
        // Scrolls the list only, never the page.
        if (item.offsetTop < this.list.scrollTop) this.list.scrollTop = item.offsetTop;
        else if (item.offsetTop + item.offsetHeight > this.list.scrollTop + this.list.clientHeight) this.list.scrollTop = item.offsetTop + item.offsetHeight - this.list.clientHeight;
      } else {
        button.removeAttribute('aria-current');
      }
    }
  }
}
