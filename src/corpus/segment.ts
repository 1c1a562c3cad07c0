/**
 * Paragraph and sentence segmentation with character offsets into the original text, so every
 * passage and quotation can be sliced back out of the article byte for byte.
 */

/** A half-open character range [start, end) into an article's text. */
export interface Span {
  start: number;
  end: number;
}

/** A short line naming an author or a source: "by Jane Doe", "par France 24 FR", "avec AFP". */
const BYLINE_START = /^(?:by|par|avec|with|via)\s+\p{Lu}\S*(?:\s+\S+){0,4}$/u;

const SENTENCE_END = /[.!?:;"'\u201D\u2019)\]]\s*$/;

/**
 * Splits text into paragraphs. Blank lines always separate paragraphs. A single newline also
 * separates them (some outlets put one paragraph per line), unless the line before ends
 * mid-sentence and the next starts in lower case, which is how hard-wrapped text looks.
 * Leading and trailing white space is excluded from each span.
 */
export function splitParagraphs(text: string): Span[] {
  const lines: Span[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  for (let m = re.exec(text); m !== null && m[0].length > 0; m = re.exec(text)) {
    const raw = m[0].replace(/\n$/, '');
    lines.push({ start: m.index, end: m.index + raw.length });
    if (re.lastIndex >= text.length) break;
  }
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    if (content.trim().length === 0) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    const trimmed = trimSpan(text, line);
    if (current) {
      // Only the paragraph's last character decides whether it ends a sentence: testing the
      // whole paragraph so far, once per hard-wrapped line, was quadratic in its length.
      const previous = text.slice(Math.max(current.start, current.end - 1), current.end);
      const next = text.slice(trimmed.start, trimmed.end);
      // A byline under a headline ("par France 24 FR", "by Jane Doe") starts in lower case too,
      // but is a line of its own, not the rest of a sentence.
      // Menus and byline blocks flattened one item a line ("webmaster", "dpa") are no hard wrap:
      // a wrapped line holds a few words, and only the paragraph's last may be one word alone.
      const lastLine = text.slice(text.lastIndexOf('\n', current.end - 1) + 1, current.end);
      const continues =
        !SENTENCE_END.test(previous) &&
        /^[a-z]/.test(next) &&
        !BYLINE_START.test(next) &&
        words(lastLine) >= 3 &&
        (words(next) >= 2 || /[.!?]$/.test(next));
      if (continues) {
        current = { start: current.start, end: trimmed.end };
        continue;
      }
      paragraphs.push(current);
    }
    current = trimmed;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** How many words a line holds. */
function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Narrows a span so it neither starts nor ends with white space (no-break spaces included). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a span of text into sentences with Intl.Segmenter. A break the segmenter makes after
 * an honorific ("Mr.") or inside an open quotation is undone, so a quotation is never cut in two.
 */
export function splitSentences(text: string, span: Span): Span[] {
  const slice = text.slice(span.start, span.end);
  const raw: Span[] = [];
  for (const seg of segmenter.segment(slice)) {
    const s = trimSpan(text, {
      start: span.start + seg.index,
      end: span.start + seg.index + seg.segment.length,
    });
    if (s.end > s.start) raw.push(s);
  }
  const merged: Span[] = [];
  // Quotation marks of the sentence being built, counted piece by piece: recounting the whole
  // merged sentence for every piece was quadratic in a long open quotation.
  let marks = { opens: 0, closes: 0, straight: 0 };
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    const own = quotationMarks(text.slice(s.start, s.end));
    if (prev) {
      const before = text.slice(Math.max(prev.start, prev.end - 8), prev.end);
      const after = text.slice(s.start, s.end);
      if (
        /\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|St|Prof|Sen|Rep|Gov)\.$/.test(before) ||
        insideQuotation(marks) ||
        /^[a-z,;]/.test(after)
      ) {
        prev.end = s.end;
        marks = {
          opens: marks.opens + own.opens,
          closes: marks.closes + own.closes,
          straight: marks.straight + own.straight,
        };
        continue;
      }
    }
    merged.push({ ...s });
    marks = own;
  }
  return merged;
}

/**
 * The opening (curly “ or French «), closing (” or ») and straight double quotation marks in a
 * piece of text.
 */
function quotationMarks(piece: string): { opens: number; closes: number; straight: number } {
  let opens = 0;
  let closes = 0;
  let straight = 0;
  for (const c of piece) {
    if (c === '\u201C' || c === '\u00AB') opens++;
    else if (c === '\u201D' || c === '\u00BB') closes++;
    else if (c === '"') straight++;
  }
  return { opens, closes, straight };
}

/** True when a sentence leaves a curly double quotation or French guillemets open, so the next piece belongs to it. */
function insideQuotation(marks: { opens: number; closes: number; straight: number }): boolean {
  return marks.opens > marks.closes || marks.straight % 2 === 1;
}
