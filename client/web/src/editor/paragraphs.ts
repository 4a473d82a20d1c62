// Paragraphs of a draft as docs/notation.md defines them, with the ids amendments refer to:
// front matter and the "# Title" line are not paragraphs; blocks are separated by blank lines; bullet-only blocks
// belong to the paragraph before them; ids are explicit ({#id} ending the first line) or derived
// (pp-1, op-2, op-2-bis, op-2-new, p-1, p-2 ...), made unique with -2, -3 ...

export interface Paragraph {
  id: string;
  /** What the margin shows: "PP1", "2 bis", "¶3", "#invitation". */
  label: string;
  /** UTF-16 offsets of the paragraph's text (end exclusive, without the trailing line break). */
  start: number;
  end: number;
  /** 1-based line numbers of its first and last line. */
  firstLine: number;
  lastLine: number;
}

interface Line { text: string; start: number; number: number }

const blank = /^[ \t]*$/;
const bullet = /^(- |· |\* )/;
const preambular = /^PP(\d+)(?: (bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\. /;
const operative = /^(\d+)(?: (bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|\(new\)))?\. /;
const explicitId = /\{#([A-Za-z0-9\-_.:]+)\}\s*$/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const next = text.indexOf('\n', start);
    const stop = next < 0 ? text.length : next;
    lines.push({ text: text.slice(start, stop).replace(/\r$/, ''), start, number });
    if (next < 0) break;
    start = next + 1;
    number++;
  }
  return lines;
}

/** Reads the paragraphs of a draft's source. */
export function readParagraphs(text: string): Paragraph[] {
  const lines = splitLines(text);
  let index = 0;
  if (lines.length > 0 && lines[0].text === '---') {
    const close = lines.findIndex((line, i) => i > 0 && line.text === '---');
    if (close > 0) index = close + 1;
  }
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (blank.test(line.text)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);

  if (blocks.length > 0 && /^# /.test(blocks[0][0].text) && blocks[0].length === 1) blocks.shift();

  const paragraphs: Paragraph[] = [];
  const taken = new Set<string>();
  let unnumbered = 0;
  for (const block of blocks) {
    const first = block[0];
    const last = block[block.length - 1];
    const end = last.start + last.text.length;
    if (bullet.test(first.text) && block.every((line) => bullet.test(line.text)) && paragraphs.length > 0) {
      const owner = paragraphs[paragraphs.length - 1];
      owner.end = end;
      owner.lastLine = last.number;
      continue;
    }
    let id: string;
    let label: string;
    const explicit = explicitId.exec(first.text);
    const pp = preambular.exec(first.text);
    const op = operative.exec(first.text);
    if (pp) {
      id = `pp-${pp[1]}${pp[2] ? '-' + pp[2] : ''}`;
      label = `PP${pp[1]}${pp[2] ? ' ' + pp[2] : ''}`;
    } else if (op) {
      const suffix = op[2] === '(new)' ? 'new' : op[2];
      id = `op-${op[1]}${suffix ? '-' + suffix : ''}`;
      label = `${op[1]}${op[2] ? ' ' + op[2] : ''}`;
    } else {
      unnumbered++;
      id = `p-${unnumbered}`;
      label = `¶${unnumbered}`;
    }
    if (explicit) {
      id = explicit[1];
    }
    if (taken.has(id)) {
      let n = 2;
      while (taken.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    taken.add(id);
    paragraphs.push({ id, label, start: first.start, end, firstLine: first.number, lastLine: last.number });
  }
  return paragraphs;
}

/** The paragraph holding the offset (a paragraph's end counts as inside it), or null between paragraphs. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | null {
  return paragraphs.find((p) => offset >= p.start && offset <= p.end) ?? null;
}
