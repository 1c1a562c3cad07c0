/**
 * Discord's message limits and the text primitives that keep to them: cutting at a word boundary,
 * and making quoted or user-typed text show exactly as written (no markdown, no mentions).
 * Lengths are counted in UTF-16 code units, which is never less than what Discord counts.
 */
import { escapeMarkdown } from 'discord.js';

/** Documented Discord limits for one message. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  embeds: 10,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  /** Autocomplete and select choice names and values. */
  choice: 100,
  /** Components per action row / action rows per message (without Components V2). */
  rowComponents: 5,
  rows: 5,
  threadName: 100,
} as const;

/** Shown where text was cut. */
export const ELLIPSIS = '…';

const ZWSP = '\u200b';

/** Folds runs of white space (including newlines) to single spaces and trims. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function dropLoneHighSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * Cuts `text` to at most `max` characters, ending with "…" when cut. The cut falls at the last
 * word boundary that fits; only a single word longer than the whole budget is cut inside.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  const head = text.slice(0, room);
  // The cut is already at a boundary when the next character is white space.
  const atBoundary = /\s/.test(text.charAt(room));
  const lastSpace = head.search(/\s\S*$/);
  let kept: string;
  if (atBoundary) kept = head;
  else if (lastSpace > 0) kept = head.slice(0, lastSpace);
  else kept = dropLoneHighSurrogate(head);
  // "word, …" reads worse than "word…".
  kept = kept.replace(/[\s,;:]+$/u, '');
  return `${kept}${ELLIPSIS}`;
}

/**
 * Makes text show literally: markdown escaped, and `@everyone`, `@here`, user/role/channel and
 * command mentions broken with an invisible space so they show as typed but neither render nor ping.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/^>/gm, '\\>')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(?=[@#/])/g, `<${ZWSP}`);
}

/**
 * Cuts `text` at a word boundary and escapes it so that the escaped result fits in `max`
 * characters. Escaping only adds characters, so the cut shrinks until the result fits.
 */
export function fitEscaped(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const out = escapeText(truncateAtWord(text, budget));
    if (out.length <= max || budget <= 1) return out.length <= max ? out : out.slice(0, max);
    budget -= Math.max(1, out.length - max);
  }
}

/** Text in inline code, shown and copied verbatim (markdown needs no escaping inside), cut to `max`. */
export function inlineCode(text: string, max: number): string {
  const folded = oneLine(text);
  if (!folded.includes('`')) return `\`${truncateAtWord(folded, Math.max(1, max - 2))}\``;
  // Double backticks allow single ones inside; runs of two or more are broken up.
  const safe = folded.replace(/``+/g, (run) => run.split('').join(ZWSP));
  return `\`\` ${truncateAtWord(safe, Math.max(1, max - 6))} \`\``;
}
