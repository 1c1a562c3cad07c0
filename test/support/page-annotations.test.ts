import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPageFixtures, PAGE_FIXTURES_DIR, type PageFixture } from './page-annotations.js';
import { PLANNED_PAGES, plannedSplit } from './page-split.js';

const fixtures: PageFixture[] = loadPageFixtures();

describe('the real-page fixtures', () => {
  it('hold every planned page, at least 18 of them, at least 5 French', () => {
    expect(fixtures.map((f) => f.annotation.id)).toEqual(PLANNED_PAGES.map((p) => p.id).sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(18);
    expect(fixtures.filter((f) => f.annotation.language === 'fr').length).toBeGreaterThanOrEqual(5);
  });

  it('print every quotation verbatim on the line it is annotated on', () => {
    const misplaced = fixtures.flatMap((f) =>
      f.annotation.quotations
        .filter((q) => !f.text.split('\n')[q.line - 1]?.includes(q.text))
        .map((q) => `${f.annotation.id}:${q.line}: ${q.text}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('give every quotation a speaker that names someone, not a verb or "statement" alone', () => {
    const bad = fixtures.flatMap((f) =>
      f.annotation.quotations
        .filter((q) => /^(?:(?:a|the) )?(?:statement|assertion|he|she|they|il|elle)$/i.test(q.speaker))
        .map((q) => `${f.annotation.id}:${q.line}: ${q.speaker}`),
    );
    expect(bad).toEqual([]);
  });

  it('number only furniture lines that exist and are not blank', () => {
    const bad = fixtures.flatMap((f) => {
      const lines = f.text.split('\n');
      return f.annotation.furniture
        .filter((n) => n < 1 || n > lines.length || lines[n - 1]!.trim() === '')
        .map((n) => `${f.annotation.id}:${n}`);
    });
    expect(bad).toEqual([]);
  });

  it('classify every non-blank line exactly once, as body or furniture', () => {
    for (const f of fixtures) {
      const classified = [...f.annotation.body, ...f.annotation.furniture].sort((a, b) => a - b);
      const nonBlank = f.lines.flatMap((line, i) => (line.trim() === '' ? [] : [i + 1]));
      expect(classified, f.annotation.id).toEqual(nonBlank);
    }
  });

  it('split into rules and heldout pages, each with English and French', () => {
    for (const split of ['rules', 'heldout'] as const) {
      const languages = new Set(
        fixtures.filter((f) => f.annotation.split === split).map((f) => f.annotation.language),
      );
      expect([...languages].sort(), split).toEqual(['en', 'fr']);
    }
  });

  it('keep the split the fixed-seed shuffle drew over their wave, with the planned stratum', () => {
    const drawn = plannedSplit();
    for (const f of fixtures) {
      const plan = PLANNED_PAGES.find((p) => p.id === f.annotation.id)!;
      expect(
        { split: f.annotation.split, language: f.annotation.language, shape: f.annotation.shape },
        f.annotation.id,
      ).toEqual({ split: drawn.get(plan.id), language: plan.language, shape: plan.shape });
    }
  });
});

describe('loadPageFixtures', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A temporary copy of one page's pair, its annotation changed by `edit`. */
  function copyWith(id: string, edit: (annotation: Record<string, unknown>) => void): string {
    dir = mkdtempSync(join(tmpdir(), 'page-fixtures-'));
    for (const ext of ['txt', 'json'])
      cpSync(join(PAGE_FIXTURES_DIR, `${id}.${ext}`), join(dir, `${id}.${ext}`));
    const path = join(dir, `${id}.json`);
    const annotation = JSON.parse(readFileSync(path, 'utf8'));
    edit(annotation);
    writeFileSync(path, JSON.stringify(annotation));
    return path;
  }

  const ID = 'yahoo-2022-08-15-last-group-soldiers-left-mali';

  it('names the file and the quotation whose words are not on their line', () => {
    const path = copyWith(ID, (a) => {
      (a.quotations as { line: number }[])[2]!.line = 13;
    });
    expect(() => loadPageFixtures(dir)).toThrow(
      `${path}: quotations[2].text: "heart" is not printed on line 13`,
    );
  });

  it('names the file and the furniture line past the end of the page', () => {
    const path = copyWith(ID, (a) => {
      a.furniture = [3, 40];
      a.furnitureWhy = { 3: 'reading time', 40: 'nothing' };
    });
    expect(() => loadPageFixtures(dir)).toThrow(
      `${path}: furniture[1]: line 40 is past the end of the page (17 lines)`,
    );
  });

  it('names the file and the line left unclassified', () => {
    const path = copyWith(ID, (a) => {
      a.body = (a.body as number[]).filter((n) => n !== 9);
    });
    expect(() => loadPageFixtures(dir)).toThrow(`${path}: body: line 9 is neither body nor furniture`);
  });

  it('names the file and the field that breaks the schema', () => {
    const path = copyWith(ID, (a) => {
      a.published = '15/08/2022';
    });
    expect(() => loadPageFixtures(dir)).toThrow(`${path}: published: must be YYYY-MM-DD, YYYY-MM or YYYY`);
  });

  it('names a page text that has no annotation', () => {
    copyWith(ID, () => {});
    unlinkSync(join(dir!, `${ID}.json`));
    expect(() => loadPageFixtures(dir)).toThrow(
      `${join(dir!, `${ID}.txt`)}: (file): has no annotation ${ID}.json`,
    );
  });
});
