import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/corpus/segment.js';

const paragraphs = (text: string) => splitParagraphs(text).map((s) => text.slice(s.start, s.end));
const sentences = (text: string) =>
  splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('splitParagraphs', () => {
  it('splits on blank lines and trims white space around each paragraph', () => {
    expect(paragraphs('  First paragraph here.\n\n\n   Second paragraph here.  \n')).toEqual([
      'First paragraph here.',
      'Second paragraph here.',
    ]);
  });

  it('splits one-paragraph-per-line text on single newlines', () => {
    expect(
      paragraphs(
        'Macron announced the withdrawal.\n“We cannot remain,” he said.\nNiger will host the forces.',
      ),
    ).toEqual([
      'Macron announced the withdrawal.',
      '“We cannot remain,” he said.',
      'Niger will host the forces.',
    ]);
  });

  it('keeps a hard-wrapped paragraph together when a line ends mid-sentence and the next starts in lower case', () => {
    const text =
      'France will withdraw its troops\nfrom Mali, the president said, after nine\nyears of fighting.\nNiger will host them.';
    expect(paragraphs(text)).toEqual([
      'France will withdraw its troops\nfrom Mali, the president said, after nine\nyears of fighting.',
      'Niger will host them.',
    ]);
  });
});

describe('splitParagraphs on flattened page furniture', () => {
  it('keeps a lower-case byline under a headline as a line of its own', () => {
    expect(
      paragraphs(
        'Le retrait des troupes françaises au Niger\npar France 24 FR\nCe n’était qu’une question de temps.',
      ),
    ).toEqual([
      'Le retrait des troupes françaises au Niger',
      'par France 24 FR',
      'Ce n’était qu’une question de temps.',
    ]);
  });

  it('keeps one-word menu and byline items apart instead of joining them as a hard wrap', () => {
    expect(paragraphs('A -\nwebmaster\ndpa\nBamako')).toEqual(['A -', 'webmaster', 'dpa', 'Bamako']);
  });
});

describe('splitSentences', () => {
  it('gives offsets that slice back to exactly each sentence', () => {
    const text = 'Prefix. Macron spoke on Thursday. Mr. Le Drian agreed! Did Norway stay? No.';
    const block = { start: 8, end: text.length };
    const spans = splitSentences(text, block);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Macron spoke on Thursday.',
      'Mr. Le Drian agreed!',
      'Did Norway stay?',
      'No.',
    ]);
    expect(spans[0]).toEqual({ start: 8, end: 33 });
  });

  it('does not cut a quotation at a full stop inside it', () => {
    expect(sentences('“We will continue. We will not give up.” he said. Norway left.')).toEqual([
      '“We will continue. We will not give up.” he said.',
      'Norway left.',
    ]);
  });

  it('does not cut a straight-quoted quotation at a full stop inside it', () => {
    expect(sentences('"We will continue. We will not give up." he said. Norway left.')).toEqual([
      '"We will continue. We will not give up." he said.',
      'Norway left.',
    ]);
  });
});
