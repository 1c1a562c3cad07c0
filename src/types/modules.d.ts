/** Type declarations for dependencies that ship none. */
declare module 'wink-porter2-stemmer' {
  /** Stems one lower-case English word with Porter2 (Snowball English). */
  export default function stem(word: string): string;
}
declare module 'stopword' {
  /** The stop-word list of one language (ISO 639-3 code), lower case. */
  export const fra: string[];
  export const eng: string[];
}
