// A small element builder: h('button', { type: 'button', onclick }, 'Accept').
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | number | EventListener | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value as EventListener);
    } else if (name === 'className') {
      element.className = String(value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

const fading = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** How long an information message stays in the status line; errors stay until dismissed or replaced. */
export const infoMessageMs = 8000;

/** Announces a message to screen readers and shows it in the status line (information fades after a while). */
export function announce(region: HTMLElement, message: string, kind: 'info' | 'error' = 'info'): void {
  clearTimeout(fading.get(region));
  region.textContent = message;
  region.dataset.kind = kind;
  if (kind === 'info') fading.set(region, setTimeout(() => dismiss(region), infoMessageMs));
}

/** Clears the status line. */
export function dismiss(region: HTMLElement): void {
  clearTimeout(fading.get(region));
  region.textContent = '';
  delete region.dataset.kind;
}

/**
 * Rebuilds part of the page without losing the keyboard focus: the control that had it is found again after the
 * rebuild by its data-focus-key and focused.
 */
export function keepingFocus(host: Element, rebuild: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && host.contains(active) ? active.dataset.focusKey : undefined;
  rebuild();
  if (key) (host.querySelector(`[data-focus-key="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
}
