import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphAt, readParagraphs } from '../src/editor/paragraphs';

const sample = readFileSync(join(__dirname, '../../../samples/cstd-2010-igf-working-group/printed-version-1.md'), 'utf8');

describe('Paragraphs of a draft', () => {
  it('numbers the first printed draft of the seed day p-1 to p-4, skipping front matter and title', () => {
    const paragraphs = readParagraphs(sample);
    expect(paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(sample.slice(paragraphs[0].start, paragraphs[0].start + 31)).toBe('The Chair of the CSTD establish');
  });

  it('keeps bullet items with the paragraph they follow', () => {
    const paragraphs = readParagraphs(sample);
    const invitation = paragraphs[1];
    expect(sample.slice(invitation.start, invitation.end).split('\n').at(-1)).toBe('- 5 Intergovernmental organizations');
  });

  it('derives ids from numbering and honours explicit ids', () => {
    const text = [
      '# Title', '', 'PP1. _Recalling_ its resolution', '', '1. The Chair establishes', '',
      '2. The Chair invites: {#invitation}', '- 5 Business', '', '2 bis. Inserted', '', '2 (new). Another', '',
      'Unnumbered one', '', '3. Three', '', '3. Three again', '', 'Unnumbered two',
    ].join('\n');
    const paragraphs = readParagraphs(text);
    expect(paragraphs.map((p) => p.id)).toEqual(['pp-1', 'op-1', 'invitation', 'op-2-bis', 'op-2-new', 'p-1', 'op-3', 'op-3-2', 'p-2']);
    expect(paragraphs.map((p) => p.label)).toEqual(['PP1', '1', '2', '2 bis', '2 (new)', '¶1', '3', '3', '¶2']);
  });

  it('gives each paragraph its first and last line for the margin', () => {
    const paragraphs = readParagraphs('first\nstill first\n\n\nsecond');
    expect(paragraphs.map((p) => [p.firstLine, p.lastLine])).toEqual([[1, 2], [5, 5]]);
  });

  it('finds the paragraph of an offset, its end included, and none between paragraphs', () => {
    const text = 'one two\n\nthree';
    const paragraphs = readParagraphs(text);
    expect(paragraphAt(paragraphs, 7)?.id).toBe('p-1');
    expect(paragraphAt(paragraphs, 8)).toBeNull();
    expect(paragraphAt(paragraphs, 9)?.id).toBe('p-2');
  });

  it('reads Windows line endings without counting the carriage return in the text', () => {
    const paragraphs = readParagraphs('one\r\n\r\ntwo\r\n');
    expect(paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    expect(paragraphs[0].end).toBe(3);
  });
});
