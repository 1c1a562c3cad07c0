import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addArticle } from '../../src/corpus/ingest.js';
import { loadCorpus, parseMetadata } from '../../src/corpus/load.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const CORPUS = FIXTURE_CORPUS_DIR;
const HTML = fileURLToPath(new URL('../fixtures/html/', import.meta.url));
const NEWS_PAGE = join(HTML, 'sahel-dispatch-convoy.html');
const JSONLD_PAGE = join(HTML, 'niamey-observer-takuba.html');
const BARE_PAGE = join(HTML, 'bare-page.html');
const NEWS_TEXT = readFileSync(join(HTML, 'sahel-dispatch-convoy.expected.txt'), 'utf8');
const NEWS_ID = 'sahel-dispatch-2022-08-16-french-convoy-reaches-niger-last-troops';
const DW_ID = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of the bundled corpus. */
function tempCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-corpus-'));
  cpSync(CORPUS, dir, { recursive: true });
  temps.push(dir);
  return dir;
}

/** A scratch directory holding one input file with the given bytes. */
function inputFile(name: string, data: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-input-'));
  temps.push(dir);
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Every file in the corpus's articles directory, hidden ones included, with its bytes' hash. */
function listing(corpusDir: string): string[] {
  const dir = join(corpusDir, 'articles');
  return readdirSync(dir)
    .sort()
    .map(
      (n) =>
        `${n} ${createHash('sha256')
          .update(readFileSync(join(dir, n)))
          .digest('hex')}`,
    );
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error, got none');
}

const rel = (p: string) => relative(process.cwd(), p);

describe('addArticle', () => {
  it('adds a saved page so that the corpus loads with it and a question about it is answered citing it', async () => {
    const dir = tempCorpus();
    const report = addArticle(dir, NEWS_PAGE);
    expect(report.id).toBe(NEWS_ID);
    expect(report.passages).toBe(5);
    expect(report.headings).toBe(1);
    expect(report.furniture).toEqual([]);
    expect(report.quotations).toBe(2);
    expect(report.outlet).toEqual({
      value: 'Sahel Dispatch',
      inferred: "From the page's og:site_name meta tag.",
    });
    expect(readFileSync(join(dir, 'articles', `${NEWS_ID}.txt`), 'utf8')).toBe(NEWS_TEXT);
    const meta = parseMetadata(readFileSync(join(dir, 'articles', `${NEWS_ID}.json`), 'utf8'), 'added.json');
    expect(meta).toEqual(report.meta);
    expect(meta.collectedAs).toBe('sahel-dispatch-convoy.html');

    expect(loadCorpus(dir).articles.map((a) => a.meta.id)).toContain(NEWS_ID);
    const { loadEngine } = await import('../../src/engine/index.js');
    const answer = loadEngine(dir).ask('How many armoured vehicles were in the last convoy?');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.articleId).toBe(NEWS_ID);
    expect(answer.citations[0]!.quote).toContain('47 armoured vehicles');
    // The date came from the page's own publication metadata: shown as exact, not "c. …".
    expect(answer.citations[0]!.published).toBe('2022-08-16');
    expect(answer.citations[0]!.publishedApprox).toBe(false);
  });

  it('stores a plain-text file byte for byte, curly quotes, no-break spaces and CRLF line ends included', () => {
    const dir = tempCorpus();
    const bytes = Buffer.from(
      'Mali\u00A0: the last word\r\n\r\n\u201CWe will not leave in a hurry,\u201D the general said on Friday in Gao.\r\n\r\nThe junta\u2019s spokesman said the French departure was \u2018long overdue\u2019 and welcomed it.\r\n',
      'utf8',
    );
    const file = inputFile('wire.txt', bytes);
    const report = addArticle(dir, file, {
      outlet: 'Wire Desk',
      published: '2022-08-12',
      id: 'wire-desk-2022-08-12-last-word',
    });
    const stored = readFileSync(join(dir, 'articles', 'wire-desk-2022-08-12-last-word.txt'));
    expect(stored.equals(bytes)).toBe(true);
    expect(report.meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(report.title).toEqual({
      value: null,
      inferred: 'Not stated in the text and not supplied when added; unknown.',
    });
    expect(
      loadCorpus(dir)
        .byId.get('wire-desk-2022-08-12-last-word')!
        .passages.map((p) => p.text),
    ).toEqual([
      '\u201CWe will not leave in a hurry,\u201D the general said on Friday in Gao.',
      'The junta\u2019s spokesman said the French departure was \u2018long overdue\u2019 and welcomed it.',
    ]);
  });

  it('refuses a page already in the corpus under the same URL, naming the existing article', () => {
    const dir = tempCorpus();
    addArticle(dir, NEWS_PAGE);
    const before = listing(dir);
    const other = inputFile(
      'other.txt',
      'A different report on the convoy, written by another desk, said the vehicles reached Niamey late on Tuesday.\n',
    );
    const message = errorOf(() =>
      addArticle(dir, other, {
        url: 'https://www.sahel-dispatch.example/africa/2022/08/16/french-convoy-reaches-niger?utm_campaign=x#top',
      }),
    );
    expect(message).toBe(
      `duplicates article "${NEWS_ID}" (${rel(join(dir, 'articles', `${NEWS_ID}.txt`))}), which has the same URL (https://www.sahel-dispatch.example/africa/2022/08/16/french-convoy-reaches-niger/)`,
    );
    expect(listing(dir)).toEqual(before);
  });

  it('refuses an exact copy of an article already in the corpus, naming it', () => {
    const dir = tempCorpus();
    const copy = inputFile('copy.txt', readFileSync(join(CORPUS, 'articles', `${DW_ID}.txt`)));
    expect(errorOf(() => addArticle(dir, copy, { outlet: 'DW' }))).toBe(
      `duplicates article "${DW_ID}" (${rel(join(dir, 'articles', `${DW_ID}.txt`))}), which has exactly the same text; if it is the same story from another outlet, add it with --same-story`,
    );
  });

  it('refuses a re-typed copy whose sentences are already in one article', () => {
    const dir = tempCorpus();
    const original = readFileSync(join(CORPUS, 'articles', `${DW_ID}.txt`), 'utf8');
    // Same report with straight quotes, a new first line and its last paragraph cut.
    const retyped = `Reposted from our partners at DW on Friday morning.\n\n${original
      .replace(/[\u201C\u201D]/g, '"')
      .split(/\n\n/)
      .slice(0, -1)
      .join('\n\n')}\n`;
    const message = errorOf(() =>
      addArticle(dir, inputFile('retyped.txt', retyped), { outlet: 'Partner Desk' }),
    );
    expect(message).toMatch(
      new RegExp(
        `^duplicates article "${DW_ID}" \\(.*${DW_ID}\\.txt\\), which already has (\\d+) of its (\\d+) sentences; if it is the same story from another outlet, add it with --same-story$`,
      ),
    );
    const [, shared, total] = /has (\d+) of its (\d+)/.exec(message)!;
    expect(Number(shared) / Number(total)).toBeGreaterThanOrEqual(0.9);
    expect(Number(shared)).toBeLessThan(Number(total));
  });

  it('refuses an id that is already taken', () => {
    const dir = tempCorpus();
    expect(errorOf(() => addArticle(dir, BARE_PAGE, { id: DW_ID }))).toBe(
      `id "${DW_ID}" is taken: ${rel(join(dir, 'articles', `${DW_ID}.json`))} exists; choose another with --id`,
    );
  });

  it('leaves the corpus directory unchanged when --published is not a real date', () => {
    const dir = tempCorpus();
    const before = listing(dir);
    expect(errorOf(() => addArticle(dir, BARE_PAGE, { published: '2022-02-30' }))).toBe(
      '--published "2022-02-30" is not a real date',
    );
    expect(listing(dir)).toEqual(before);
  });

  it('leaves the corpus directory unchanged when the text is empty or the page has no article', () => {
    const dir = tempCorpus();
    const before = listing(dir);
    expect(errorOf(() => addArticle(dir, inputFile('blank.txt', ' \r\n\r\n\u00A0\n')))).toBe('is empty');
    const menuOnly = inputFile(
      'menu.html',
      '<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li></ul></nav><footer>© 2022</footer></body></html>',
    );
    expect(errorOf(() => addArticle(dir, menuOnly))).toBe('no article text found in the page');
    const furnitureOnly = inputFile('credits.txt', 'Skip to content\n\nAdvertisement\n');
    expect(errorOf(() => addArticle(dir, furnitureOnly))).toBe(
      'has no body text left once headings and page furniture are set aside',
    );
    expect(listing(dir)).toEqual(before);
  });

  it('refuses to add to a corpus that does not load, and leaves it as it was', () => {
    const dir = tempCorpus();
    writeFileSync(join(dir, 'articles', 'broken.json'), '{ "id": "broken", ');
    const before = listing(dir);
    expect(errorOf(() => addArticle(dir, BARE_PAGE))).toMatch(
      /^the corpus in .* does not load, so nothing can be added until it is fixed: .*broken\.json: is not valid JSON/,
    );
    expect(listing(dir)).toEqual(before);
  });

  it('writes nothing on a dry run but reports what it would add', () => {
    const dir = tempCorpus();
    const before = listing(dir);
    const report = addArticle(dir, JSONLD_PAGE, {}, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.id).toBe('the-niamey-observer-2022-07-01-takuba-task-force-ends-mission-mali');
    expect(report.published).toEqual({
      value: '2022-07-01',
      inferred: `From the page's JSON-LD datePublished ("2022-07-01T07:05:00Z").`,
    });
    expect(report.language).toEqual({ value: 'en-GB', from: "from the page's <html lang> attribute" });
    expect(listing(dir)).toEqual(before);
  });

  it('reads a saved UTF-8 page that declares no charset as UTF-8', () => {
    const dir = tempCorpus();
    const page = inputFile(
      'no-charset.html',
      '<html><body><article><p>\u201CWe are leaving,\u201D the colonel said in Gao on Monday as the last\u00A0lorries rolled out of the base.</p></article></body></html>',
    );
    const report = addArticle(dir, page, { id: 'colonel-leaving' });
    expect(readFileSync(join(dir, 'articles', 'colonel-leaving.txt'), 'utf8')).toBe(
      '\u201CWe are leaving,\u201D the colonel said in Gao on Monday as the last\u00A0lorries rolled out of the base.\n',
    );
    expect(report.quotations).toBe(1);
  });

  it('records flags as supplied by hand and lets them win over the page', () => {
    const dir = tempCorpus();
    const report = addArticle(
      dir,
      BARE_PAGE,
      {
        outlet: 'Bamako Street Radio',
        title: 'Crowds cheer French exit',
        published: '2022-08-16',
        url: 'https://radio.example/crowds',
        language: 'en-ML',
      },
      { dryRun: true },
    );
    expect(report.meta).toMatchObject({
      id: 'bamako-street-radio-2022-08-16-crowds-cheer-french-exit',
      outlet: 'Bamako Street Radio',
      url: 'https://radio.example/crowds',
      language: 'en-ML',
      inferred: {
        outlet: 'Supplied with --outlet when added.',
        title: 'Supplied with --title when added.',
        published: 'Supplied with --published when added.',
        url: 'Supplied with --url when added.',
      },
    });
  });
});

describe('addArticle: dates, language and the same story from another outlet', () => {
  const FRENCH = `${[
    'Le président Emmanuel Macron a annoncé jeudi le retrait des troupes françaises du Mali, après neuf ans de présence militaire au Sahel.',
    '« Nous ne pouvons pas rester engagés militairement aux côtés d’autorités de fait dont nous ne partageons ni la stratégie ni les objectifs cachés », a-t-il justifié lors d’une conférence de presse à l’Élysée.',
    'Le retrait prendra quatre à six mois, selon l’état-major des armées.',
  ].join('\n\n')}\n`;

  it('takes a month-only or year-only --published as approximate and shows it with "c."', async () => {
    const dir = tempCorpus();
    const month = addArticle(dir, inputFile('month.txt', FRENCH), {
      outlet: 'Le Courrier',
      published: '2022-08',
    });
    expect(month.meta).toMatchObject({ published: '2022-08', publishedApprox: true });
    expect(month.meta.inferred.published).toBe(
      'Supplied with --published when added; only the month is known.',
    );
    const year = addArticle(dir, inputFile('year.txt', FRENCH.replace('jeudi', 'mardi')), {
      outlet: 'La Gazette',
      published: '2022',
    });
    expect(year.meta).toMatchObject({ published: '2022', publishedApprox: true });
    const { formatDate, sourceOf } = await import('../../src/engine/sources.js');
    const corpus = loadCorpus(dir);
    expect(formatDate(sourceOf(corpus.byId.get(month.id)!))).toBe('c. Aug 2022');
    expect(formatDate(sourceOf(corpus.byId.get(year.id)!))).toBe('c. 2022');
  });

  it('marks a full date approximate with --approximate, and refuses a month that does not exist', () => {
    const dir = tempCorpus();
    const r = addArticle(
      dir,
      inputFile('a.txt', FRENCH),
      { outlet: 'Le Courrier', published: '2022-08-15' },
      { approximate: true },
    );
    expect(r.meta).toMatchObject({ published: '2022-08-15', publishedApprox: true });
    expect(r.meta.inferred.published).toBe(
      'Supplied with --published when added; an estimate (--approximate).',
    );
    expect(errorOf(() => addArticle(dir, inputFile('b.txt', FRENCH), { published: '2022-13' }))).toBe(
      '--published "2022-13" is not a real date',
    );
  });

  it('detects French when --language is not given and says so in an inferred note', () => {
    const dir = tempCorpus();
    const r = addArticle(dir, inputFile('fr.txt', FRENCH), { outlet: 'Le Courrier' }, { dryRun: true });
    expect(r.meta.language).toBe('fr');
    expect(r.meta.inferred.language).toBe('Not declared; the text reads as French, detected with franc.');
  });

  it('prefers the text over a page that declares lang="en" on a French article', () => {
    const dir = tempCorpus();
    const html = `<html lang="en"><head><meta property="og:site_name" content="Le Courrier"></head><body><article>${FRENCH.split(
      '\n\n',
    )
      .map((p) => `<p>${p.trim()}</p>`)
      .join('')}</article></body></html>`;
    const r = addArticle(dir, inputFile('fr.html', html), {}, { dryRun: true });
    expect(r.meta.language).toBe('fr');
    expect(r.meta.inferred.language).toBe(
      `The page declares "en" (the page's <html lang> attribute) but its text reads as French, detected with franc.`,
    );
  });

  it('adds the same wire story from another outlet with --same-story, and answers show the two together', async () => {
    const dir = tempCorpus();
    const wire = readFileSync(join(CORPUS, 'articles', `${DW_ID}.txt`), 'utf8');
    const copy = inputFile('wire.txt', `${wire}\nThis story was carried from a wire service.\n`);
    expect(errorOf(() => addArticle(dir, copy, { outlet: 'Sahel Wire' }))).toContain(
      'add it with --same-story',
    );
    expect(errorOf(() => addArticle(dir, copy, { outlet: 'DW' }, { sameStory: true }))).toContain(
      'from the same outlet (DW); --same-story is for the same story from another outlet',
    );
    const r = addArticle(dir, copy, { outlet: 'Sahel Wire', published: '2022-02-17' }, { sameStory: true });
    expect(r.meta.sameStoryAs).toEqual([DW_ID]);
    const { loadEngine } = await import('../../src/engine/index.js');
    const engine = loadEngine(dir);
    const answer = engine.ask('What did Macron say about de facto authorities?');
    const cited = answer.citations.find((c) => c.articleId === DW_ID || c.articleId === r.id)!;
    expect([cited.articleId, ...cited.alsoIn.map((a) => a.articleId)]).toEqual(
      expect.arrayContaining([DW_ID, r.id]),
    );
    // No sentence of the story is cited twice: every citation from either carries the other.
    for (const c of answer.citations.filter((c) => c.articleId === DW_ID || c.articleId === r.id))
      expect([c.articleId, ...c.alsoIn.map((a) => a.articleId)]).toEqual(
        expect.arrayContaining([DW_ID, r.id]),
      );
    const quote = engine.quote('hidden aims').quotes[0]!;
    expect([quote.outlet, ...quote.alsoIn.map((a) => a.outlet)]).toContain('Sahel Wire');
  });
});

describe('addArticle: the same wire story edited by another outlet', () => {
  const STORY = [
    'The ruling junta announced on Monday it was ending its defence accords with France.',
    'The spokesman cited several violations of the national airspace by French aircraft.',
    'He also mentioned the decision taken in February to pull the French troops out.',
    'The authorities said they had informed Paris of the decision on Monday afternoon.',
    'France has not yet issued an official reaction to the announcement made in Bamako.',
  ];
  // The same story as another outlet edits it: two sentences word for word, three reworded.
  const EDITED = [
    STORY[0]!,
    'The spokesman cited multiple instances of French aircraft violating the airspace.',
    'He referred as well to the decision of February to withdraw the French troops.',
    STORY[3]!,
    'Paris has so far not reacted officially to what the junta announced in Bamako.',
  ];
  const file = (name: string, lines: string[]) => inputFile(name, `${lines.join('\n\n')}\n`);

  it('notes the article that prints 30% of its sentences or more, and records it as the twin with --same-story', () => {
    const dir = tempCorpus();
    const first = addArticle(dir, file('a.txt', STORY), {
      outlet: 'Sahel Wire',
      published: '2022-05-02',
      title: 'Junta ends defence accords',
    });
    const edited = file('b.txt', EDITED);
    const plain = addArticle(
      dir,
      edited,
      { outlet: 'Bamako Daily', published: '2022-05-03' },
      { dryRun: true },
    );
    expect(plain.sharesSentencesWith).toEqual({
      id: first.id,
      file: relative(process.cwd(), join(dir, 'articles', `${first.id}.txt`)),
      shared: 2,
      total: 5,
    });
    expect(plain.meta.sameStoryAs).toBeUndefined();
    const twin = addArticle(
      dir,
      edited,
      { outlet: 'Bamako Daily', published: '2022-05-03' },
      { sameStory: true },
    );
    expect(twin.meta.sameStoryAs).toEqual([first.id]);
    expect(twin.sharesSentencesWith).toBeNull();
    expect(loadCorpus(dir).byId.get(twin.id)!.meta.sameStoryAs).toEqual([first.id]);
  });

  it("prints the note in corpus:add's report, naming the article and the count", () => {
    const dir = tempCorpus();
    const first = addArticle(dir, file('a.txt', STORY), {
      outlet: 'Sahel Wire',
      published: '2022-05-02',
      title: 'Junta ends defence accords',
    });
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('../../src/cli/corpus-add.ts', import.meta.url)),
        file('b.txt', EDITED),
        '--corpus',
        dir,
        '--outlet',
        'Bamako Daily',
        '--dry-run',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('  note:'))).toEqual([
      `  note: 2 of its 5 sentences are also in "${first.id}" (${relative(process.cwd(), join(dir, 'articles', `${first.id}.txt`))}); if it is the same story from another outlet, add it with --same-story to record the twin`,
    ]);
  });

  it('refuses --same-story when no article prints its sentences, instead of ignoring the flag', () => {
    const dir = tempCorpus();
    addArticle(dir, file('a.txt', STORY), {
      outlet: 'Sahel Wire',
      published: '2022-05-02',
      title: 'Junta ends defence accords',
    });
    const other = file('c.txt', [
      'Estonia will bring its infantry platoon home from Gao by the end of June.',
      'The defence ministry said a new mission to the region was being discussed.',
    ]);
    expect(errorOf(() => addArticle(dir, other, { outlet: 'Baltic Times' }, { sameStory: true }))).toBe(
      '--same-story: no article in the corpus prints its sentences (none prints any); add it without --same-story',
    );
    expect(
      errorOf(() =>
        addArticle(
          dir,
          file('d.txt', [
            STORY[0]!,
            ...EDITED.slice(1, 3),
            'A fourth sentence that no other article prints at all.',
            'And a fifth one that nobody else prints either.',
          ]),
          { outlet: 'Bamako Daily' },
          { sameStory: true },
        ),
      ),
    ).toBe(
      `--same-story: no article in the corpus prints its sentences (the most any prints is 1 of its 5, in "sahel-wire-2022-05-02-junta-ends-defence-accords"); add it without --same-story`,
    );
  });
});

describe('npm run corpus:add', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../../src/cli/corpus-add.ts', import.meta.url)), ...args],
      { encoding: 'utf8' },
    );

  it('prints one line naming the file and the flag, and exits 1, on a bad flag value or an unknown flag', () => {
    const dir = tempCorpus();
    const bad = cli(BARE_PAGE, '--corpus', dir, '--published', '2022-13-01');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`corpus:add: ${BARE_PAGE}: --published "2022-13-01" is not a real date\n`);
    const unknown = cli(BARE_PAGE, '--corpus', dir, '--publised', '2022-08-16');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      `corpus:add: ${BARE_PAGE}: unknown flag --publised; known flags: --id --outlet --title --published --url --language --corpus --approximate --same-story --dry-run --help\n`,
    );
    expect(unknown.stdout).toBe('');
  });

  it('prints the report and writes nothing with --dry-run', () => {
    const dir = tempCorpus();
    const before = listing(dir);
    const run = cli(NEWS_PAGE, '--corpus', dir, '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 1)).toEqual([`Dry run: would add ${NEWS_ID} (nothing written)`]);
    const listed = run.stdout.slice(run.stdout.indexOf('  5 passage(s)'));
    expect(listed).toBe(
      [
        '  5 passage(s) indexed, the only text answers cite:',
        '    [1] The last convoy of the French army to leave Mali crossed into Niger on Tuesday, two days after the…',
        '    [2] The column of 47 armoured vehicles and 120 lorries drove the 400 kilometres from Gao to the border…',
        '    [3] “We left nothing behind that could be used against the Malian population,” said Colonel Pierre Vass…',
        '    [4] The Gao base, opened in 2013 during Operation Serval, was the largest French military installation…',
        '    [5] The Malian army said in a statement that it had taken “full control” of the site on Monday morning…',
        '  1 heading(s) kept, searched for quotations but never cited:',
        '    subheading: A base built for ten years',
        '  0 block(s) dropped as page furniture, never indexed:',
        '  2 quotation(s):',
        '    Pierre Vasseur: “We left nothing behind that could be used against the Malian population”',
        '    Malian army: “full control”',
        '',
      ].join('\n'),
    );
    expect(listing(dir)).toEqual(before);
  });
});
