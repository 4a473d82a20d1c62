// A colour per delegation for cursors, selections and the presence list: dark enough for white text (WCAG AA).
const palette = ['#1f5fbf', '#b3261e', '#1e7a3c', '#7a3fb0', '#a35200', '#00707a', '#9c2a6b', '#4d5a12', '#5b4bc4', '#8a3b12'];

export function colourOf(name: string): { color: string; colorLight: string } {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  const color = palette[hash % palette.length];
  return { color, colorLight: color + '33' };
}
