/**
 * Memoises a function of one string (a passage text, a word): passage texts are searched again
 * and again across questions and question words repeat, so each is worked out once; the cache is
 * cleared when it grows past `max` entries so memory stays bounded whatever input is ever seen.
 */
export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= max) cache.clear();
    cache.set(text, value);
    return value;
  };
}
