import type { MatchedWord } from './types.js';

/**
 * Why a passage was chosen, in one short line: the question words it holds as they are, then
 * each word it met another way ("expelled → expulsion (derived)"). An exact match is the same
 * word or another form of it ("withdrawal" for "withdrawing"). Null when nothing matched.
 */
export function matchedLine(matched: MatchedWord[] | undefined): string | null {
  if (!matched || matched.length === 0) return null;
  const parts = matched.map((m) =>
    m.how === 'exact' ? m.passage : `${m.question} → ${m.passage} (${m.how})`,
  );
  return `matched: ${parts.join(', ')}`;
}
