import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announce, dismiss, infoMessageMs } from '../src/ui/dom';

function region(): HTMLElement {
  return { textContent: '', dataset: {} } as unknown as HTMLElement;
}

describe('The status line', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('lets information fade after a while', () => {
    const line = region();
    announce(line, 'Rev.2 circulated');
    expect(line.textContent).toBe('Rev.2 circulated');
    vi.advanceTimersByTime(infoMessageMs - 1);
    expect(line.textContent).toBe('Rev.2 circulated');
    vi.advanceTimersByTime(1);
    expect(line.textContent).toBe('');
  });

  it('keeps an error until it is dismissed', () => {
    const line = region();
    announce(line, 'The server refused a change', 'error');
    vi.advanceTimersByTime(infoMessageMs * 3);
    expect(line.textContent).toBe('The server refused a change');
    expect(line.dataset.kind).toBe('error');
    dismiss(line);
    expect(line.textContent).toBe('');
    expect(line.dataset.kind).toBeUndefined();
  });

  it('gives a newer message its own time and never clears it with an older one\'s timer', () => {
    const line = region();
    announce(line, 'first');
    vi.advanceTimersByTime(infoMessageMs - 100);
    announce(line, 'The server refused a change', 'error');
    vi.advanceTimersByTime(infoMessageMs);
    expect(line.textContent).toBe('The server refused a change');
  });
});
