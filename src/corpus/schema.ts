import { z } from 'zod';

/** True for a real calendar date YYYY-MM-DD, a real month YYYY-MM, or a year YYYY. */
export function isPublicationDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return true;
  if (/^\d{4}-(?:0[1-9]|1[0-2])$/.test(s)) return true;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A publication date: a day, or only a month or a year where that is all that is known. */
const isoDate = z
  .string()
  .regex(
    /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/,
    'must be an ISO date (YYYY-MM-DD), or YYYY-MM / YYYY where only the month or year is known',
  )
  .refine(isPublicationDate, 'is not a real calendar date');

/** How a field the article's own text does not state was worked out, in one or two sentences. */
const inference = z.string().trim().min(10, 'must say how the value was inferred (at least 10 characters)');

/**
 * A per-article furniture hint, for the rare block no general rule can recognise. The block
 * whose text starts with `startsWith` is dropped from the index and reported with `reason`.
 */
export const FurnitureHint = z
  .object({
    startsWith: z.string().min(3),
    reason: z.string().min(3),
  })
  .strict();

/**
 * Metadata of one article, stored beside its text as `corpus/articles/<id>.json`.
 * Unknown keys are an error so a misspelt field never passes silently.
 */
export const ArticleMetadata = z
  .object({
    /** Stable id: lower-case words joined by hyphens; also the base name of both files. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
    /** Outlet name, or null where the article does not say and nothing else tells. */
    outlet: z.string().trim().min(1).nullable(),
    /** Headline as published, or null where the collected text has none. */
    title: z.string().trim().min(1).nullable(),
    /**
     * Publication date, or null where unknown. YYYY-MM or YYYY where only the month or the year
     * is known; such a date is always approximate.
     */
    published: isoDate.nullable(),
    /**
     * Whether `published` is an estimate. Defaults to true when `inferred.published` explains the
     * date and false otherwise; a date read from the page's own publication metadata, or supplied
     * by an editor, is exact even though the text does not print it.
     */
    publishedApprox: z.boolean().optional(),
    /** Canonical URL where known. */
    url: z.url().nullable().default(null),
    /** BCP 47 language tag of the text. */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en"'),
    /** SHA-256 of the text file's bytes: quotations are checked against exactly these bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
    /** Name of the file the text was collected as, for provenance. */
    collectedAs: z.string().optional(),
    /**
     * For every field the text does not state, how its value (or its absence) was worked out.
     * A date listed here is shown as approximate.
     */
    inferred: z
      .object({
        outlet: inference,
        title: inference,
        published: inference,
        url: inference,
        language: inference,
      })
      .partial()
      .strict()
      .default({}),
    /** Blocks of page furniture that no general rule recognises. */
    furnitureHints: z.array(FurnitureHint).default([]),
    /**
     * Articles carrying the same story (the same wire copy from another outlet), added on
     * purpose with `corpus:add --same-story`: answers show them together (alsoIn) instead of
     * the add refusing a duplicate.
     */
    sameStoryAs: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be article ids')).optional(),
  })
  .strict()
  .refine((m) => m.published === null || m.published.length === 10 || m.publishedApprox !== false, {
    path: ['publishedApprox'],
    message: 'must not be false when published gives only a month or a year',
  });

export type ArticleMetadata = z.infer<typeof ArticleMetadata>;
