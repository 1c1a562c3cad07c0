/** Longest accepted question or quotation query, in characters. */
export const MAX_QUERY_LENGTH = 1000;

/**
 * Says what makes a string unusable as a query, or returns null when it is usable:
 * empty or white space only, longer than MAX_QUERY_LENGTH, or holding control characters.
 */
export function queryProblem(text: string): string | null {
  if (text.trim().length === 0) return 'empty query: type a question or some words to look up';
  if (text.length > MAX_QUERY_LENGTH)
    return `query too long: ${text.length} characters, the limit is ${MAX_QUERY_LENGTH}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.exec(text);
  if (control)
    return `query holds an unprintable control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) at character ${control.index + 1}`;
  return null;
}
