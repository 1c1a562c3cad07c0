import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  articleOfPage,
  EMPTY_SCORE,
  readAnnotatedPages,
  ruleReach,
  sameSpeaker,
} from '../../src/corpus/measure.js';
import { PAGE_FIXTURES_DIR } from '../support/page-annotations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'measure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A page of six lines: a body line with a date stamp run in, a caption, a label the rules keep as
 * a subheading (searched for quotations, never cited), a quotation, a prompt, and the first line
 * printed again.
 */
const TEXT = [
  ' date 2022-08-15 The last French soldiers left Mali on Monday, the army said.',
  'Soldiers board a plane in Gao (Jane Doe/AP)',
  'Our partners in the region',
  '“The withdrawal is complete,” the French army said in a statement.',
  'Sign up for our newsletter',
  'The last French soldiers left Mali on Monday, the army said.',
].join('\n');

function annotation(split: 'rules' | 'heldout', speaker: string) {
  return {
    id: `page-${split}`,
    outlet: 'Test Outlet',
    title: 'Last French soldiers leave Mali',
    published: '2022-08-15',
    language: 'en',
    split,
    body: [1, 4, 6],
    furniture: [2, 3, 5],
    furnitureWhy: {
      2: 'photo caption with credit',
      3: "label of the site's partners box",
      5: 'newsletter prompt',
    },
    inlineFurniture: [{ line: 1, text: ' date 2022-08-15 ', why: 'date stamp' }],
    quotations: [{ text: 'The withdrawal is complete', speaker, line: 4, partial: false }],
    repeatsBody: [{ line: 6, of: 1 }],
  };
}

for (const [split, speaker] of [
  ['rules', 'the French army'],
  ['heldout', 'Emmanuel Macron'],
] as const) {
  writeFileSync(join(dir, `page-${split}.txt`), TEXT);
  writeFileSync(join(dir, `page-${split}.json`), JSON.stringify(annotation(split, speaker)));
}

function check(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/corpus-check.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (r.error) throw r.error;
  return r;
}

describe('npm run corpus:check -- --against', () => {
  it('prints furniture precision, recall and how much is kept out of the index, speaker accuracy and repeats per page and per split', () => {
    const r = check('--against', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      'rules (1 page(s)): furniture precision 100.0% (3/3) · recall 75.0% (3/4) · out of the index 100.0% (4/4) · speakers 100.0% (1/1) · repeats indexed once 100.0% (1/1) · extra quotations 0',
      'heldout (1 page(s)): furniture precision 100.0% (3/3) · recall 75.0% (3/4) · out of the index 100.0% (4/4) · speakers 0.0% (0/1) · repeats indexed once 100.0% (1/1) · extra quotations 0',
    ]);
    // A held-out page's misses are counted, not printed, unless asked for.
    expect(r.stdout).not.toContain('annotated "Emmanuel Macron"');
    expect(r.stdout).toContain(
      '    (2 miss line(s) not shown: a held-out page is measured, not read; --show-heldout-misses prints them)\n',
    );
    expect(check('--against', dir, '--show-heldout-misses').stdout).toContain(
      '    line 4: speaker "French army", annotated "Emmanuel Macron": “The withdrawal is complete”\n',
    );
    // The kinds of speaker error, counted per split with no text of the pages.
    expect(lines.slice(-5, -2)).toEqual([
      'heldout speaker misses (1): body vs person 1',
      'heldout speaker misses by kind and where the annotated speaker is printed: body vs person, not printed as annotated 1',
      'heldout speaker misses by language and kind: en, body vs person 1',
    ]);
  });

  it('--by-rule prints what each rule set aside on the rules pages, widest reach first', () => {
    const lines = check('--against', dir, '--by-rule').stdout.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('rules pages, furniture set aside'));
    expect(lines.slice(at, at + 5)).toEqual([
      'rules pages, furniture set aside by each rule (3 rules), widest reach first:',
      '  1 outlet(s), 1 page(s), 1 unit(s): call to action (an order to the reader, pointing at the site)',
      '  1 outlet(s), 1 page(s), 1 unit(s): date stamp',
      '  1 outlet(s), 1 page(s), 1 unit(s): image caption with credit',
      'rules pages: 3 of 3 rules set aside furniture on one outlet only (3 of 3 units)',
    ]);
  });

  it('measures one page given by either of its files, and names a missing annotation', () => {
    const one = check('--against', join(dir, 'page-rules.txt'));
    expect(one.stdout.split('\n')[0]).toBe('page-rules  [rules]');
    const missing = check('--against', join(dir, 'nowhere.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`corpus:check --against: ${join(dir, 'nowhere.json')}: not found\n`);
  });
});

/** A `rules`-split page as corpus:add would read it: its passages and its furniture with reasons. */
function readPage(id: string) {
  const article = articleOfPage(readAnnotatedPages(join(PAGE_FIXTURES_DIR, `${id}.json`))[0]!);
  const slice = (b: { start: number; end: number }) => article.text.slice(b.start, b.end);
  return {
    passages: article.passages.map((p) => p.text),
    furniture: article.blocks.filter((b) => b.kind === 'furniture').map((b) => `${b.reason}: ${slice(b)}`),
  };
}

describe('real rules-split pages, read as corpus:add reads them', () => {
  it('Janes: the caption and the paywall lines are dropped, the report indexed sentence by sentence', () => {
    const page = readPage('janes-2022-08-france-completes-mali-withdrawal');
    expect(page.furniture).toEqual([
      'photo caption with credit: The last helicopter hangar at the French base in Gao is taken down (a photograph released on 7 August). (Armée Française - Opération Barkhane)',
      'paywall, subscription, newsletter or app prompt: Looking to read the full article?',
      'after the paywall notice "Looking to read the full article?": Gain unlimited access to Janes news and more...',
    ]);
    expect(page.passages[0]).toBe(
      'The French military announced on 15 August that it has completed its withdrawal from Mali, saying the last unit from its main base at Gao had crossed into Niger earlier that day.',
    );
  });

  it('24 heures: the date field and the byline are cut from the standfirst, the caption dropped', () => {
    const page = readPage('24heures-2022-08-un-depart-discret');
    expect(page.furniture).toEqual([
      'date stamp: date 2022-08',
      'byline (name and place): Alain Rebetez - Paris',
      'photo caption with credit: Aucune image n’a été diffusée de l’ultime retrait des soldats français du Mali lundi. Ici une évacuation de troupes de la base de Gao, en juin 2021. AP Photo/Jerome Delay',
    ]);
    expect(page.passages.slice(0, 2)).toEqual([
      'La France n’est plus au Mali – Un départ discret qui signe l’échec de la lutte antidjihadiste Un an après le retrait des Américains d’Afghanistan, les derniers soldats français ont quitté le Mali.',
      'Un repli en bon ordre mais qui laisse entier le danger terroriste.',
    ]);
  });

  it('Globaltree: a standfirst printed twice is indexed once', () => {
    const page = readPage('globaltree-2023-le-niger-ultime-pivot');
    expect(page.passages).toEqual([
      'Un retrait des quelque 1500 soldats français n’est «pas du tout à l’ordre du jour», avait affirmé mardi l’état-major de l’armée française.',
    ]);
    expect(page.furniture).toEqual([
      'repeated paragraph (the page prints it again): Un retrait des quelque 1500 soldats français n’est «pas du tout à l’ordre du jour», avait affirmé mardi l’état-major de l’armée française.',
    ]);
  });

  it('a page that is only a photo gallery is measured with no passage, every caption dropped', () => {
    const page = readPage('missoulian-2021-06-macron-to-reduce-french-troops-in-sahel');
    expect(page.passages).toEqual([]);
    expect(page.furniture.map((f) => f.slice(0, f.indexOf(':')))).toEqual([
      'photo caption (the day the photo was taken closes a sentence)',
      'photo caption (the day the photo was taken closes a sentence)',
      'photo caption (a gallery',
      'photo caption (the day the photo was taken closes a sentence)',
      'photo caption (a gallery',
      'photo caption (the day the photo was taken closes a sentence)',
    ]);
  });

  it('Military Africa: the "You Might Also Like" teasers are dropped and the article after them indexed', () => {
    const page = readPage('militaryafrica-2022-01-17-sweden-ditch-european-special-forces-mission');
    expect(page.furniture.filter((f) => f.startsWith('sidebar'))).toEqual([
      'sidebar "You Might Also Like": You Might Also Like',
      'sidebar "You Might Also Like": India, Egypt looks to deepen military co-operation',
      'sidebar "You Might Also Like": “Act of War” Rwanda attacks DRC’s SU-25 aircraft as threat of invasion looms',
      'sidebar "You Might Also Like": French forces asked to leave Burkina Faso amid closer ties with Russia',
    ]);
    expect(page.passages.slice(3, 7)).toEqual([
      'Sweden is leaving these two commitments after Foreign Minister Ann Linde criticized Mali’s military junta for trying to extend its grip on power and for hiring the Russian mercenaries.',
      'The mission was slated to end in March and was to last for two years.',
      '“We have already decided that this year we will withdraw (from) the force of Takuba,” Ann Linde told reporters on Friday on the sidelines of an EU foreign ministers meeting in western France, referring to the European task force.',
      '“The question is what do we do with Minusma,” she said, referring to the U.N. peacekeeping mission in Mali.',
    ]);
  });

  it("Orange: the video player's messages and the news feed after the description are dropped, each with its reason", () => {
    const page = readPage('orange-2022-04-quand-la-milice-wagner-cherche-a-pieger');
    expect(page.passages).toHaveLength(2);
    expect(page.furniture).toEqual([
      'byline or agency line: par BFMTV',
      'page furniture by its shape (outside the article, no sentence punctuation, short): Vidéo suivante dans 5 secondes',
      'page furniture by its shape (outside the article, no sentence punctuation, short, next to furniture): Autres vidéos',
      'page furniture by its shape (outside the article, short, speaks to the reader, next to furniture): Vos réactions doivent respecter nos CGU.',
      'no words (a separator or a counter): -',
      'news-feed teaser (a time, then the headline of another story): 17:23Monde - Nouvelles pluies torrentielles en Espagne, deux semaines après les inondations',
      'no words (a separator or a counter): -',
      'news-feed teaser (a time, then the headline of another story): 17:22Politique - Kasbarian félicite Elon Musk, nommé pour "démanteler la bureaucratie", et s\'attire des critiques',
      'no words (a separator or a counter): -',
      'news-feed teaser (a time, then the headline of another story): 17:20Environnement - Le militant écologiste Paul Watson reste en détention au Groenland',
      'no words (a separator or a counter): -',
      'news-feed teaser (a time, then the headline of another story): 17:12Sports - Bleus : Kanté sera bien capitaine contre Israël',
      'no words (a separator or a counter): -',
      'news-feed teaser (a time, then the headline of another story): 07:00Auto - Japon : Téléphone à vélo, direction la prison !',
    ]);
  });

  it('abamako: the site name is cut from the headline and its second printing, run into its stamp, dropped', () => {
    const page = readPage('abamako-2022-06-13-armee-francaise-quitte-menaka');
    expect(page.furniture).toEqual([
      'date stamp: date 2022-06',
      'site name, section label or date run onto the headline: - abamako.com',
      "repeated headline (with a stamp or label run onto it): Mali : l'armée française quitte Ménaka, avant-dernière étape du départ de Barkhane Publié le lundi 13 juin 2022",
    ]);
  });

  it('Jeune Afrique: a subscribers-only label over the opening does not end the article the page still prints', () => {
    const page = readPage('jeuneafrique-2023-02-21-dans-les-coulisses-du-depart-de-sabre');
    expect(page.passages.slice(2)).toEqual([
      'La cérémonie se voulait très solennelle.',
      'Le 18 février, dans l’enceinte du camp militaire Bila-Zagré de Kamboinsin, dans les faubourgs nord-ouest de Ouagadougou, les militaires français et burkinabè ont descendu leurs drapeaux respectifs pour marquer la fin officielle des opérations de la task force Sabre, le détachement des forces spéciales françaises au Burkina Faso.',
      'Ils étaient dirigés par le chef de l’armée de terre burkinabè, le colonel Adam Néré, et le lieutenant-colonel français Louis Lecacheur, qui représentait le commandant de la force.',
    ]);
    expect(page.furniture.map((f) => f.slice(0, f.indexOf(': ')))).toEqual([
      'page furniture by its shape (outside the article, no sentence punctuation, short)',
      'paywall, subscription, newsletter or app prompt',
      'after the paywall notice "Réservé aux abonnés"',
      'after the paywall notice "Réservé aux abonnés"',
    ]);
  });
});

describe('ruleReach', () => {
  const result = (id: string, claims: Array<{ reason: string; right: boolean }>) => ({
    id,
    split: 'rules' as const,
    score: { ...EMPTY_SCORE },
    problems: [],
    speakerMisses: [],
    claims,
  });

  it('counts the pages and outlets a rule catches furniture on, folding the parts of its reason that vary', () => {
    const reach = ruleReach(
      [
        result('a1', [
          { reason: 'sidebar "Most read"', right: true },
          { reason: 'page furniture by its shape (outside the article, short)', right: true },
        ]),
        result('a2', [{ reason: 'sidebar "Related stories"', right: true }]),
        result('b1', [
          { reason: 'page furniture by its shape (short, all capitals)', right: true },
          { reason: 'sidebar "À lire aussi"', right: true },
          { reason: 'date stamp', right: false },
        ]),
      ],
      new Map([
        ['a1', 'Outlet A'],
        ['a2', 'Outlet A'],
        ['b1', 'Outlet B'],
      ]),
    );
    expect(reach).toEqual([
      { reason: 'sidebar "…"', right: 3, wrong: 0, pages: 3, outlets: 2 },
      { reason: 'page furniture by its shape', right: 2, wrong: 0, pages: 2, outlets: 2 },
      { reason: 'date stamp', right: 0, wrong: 1, pages: 0, outlets: 0 },
    ]);
  });
});

describe('sameSpeaker', () => {
  it('takes a name with or without its rank, its hyphen or its article for the same speaker', () => {
    expect(sameSpeaker('Abdoulaye Maiga', 'Colonel Abdoulaye Maiga')).toBe(true);
    expect(sameSpeaker('le général Pascal Ianni', 'Pascal Ianni')).toBe(true);
    expect(sameSpeaker('Jean Yves Le Drian', 'Jean-Yves Le Drian')).toBe(true);
    expect(sameSpeaker('The Malian government', 'the Malian government')).toBe(true);
    expect(sameSpeaker('Pascal Ianni', 'Jean-Yves Le Drian')).toBe(false);
    expect(sameSpeaker('Colonel', 'Colonel Abdoulaye Maiga')).toBe(false);
  });

  it('counts no speaker as right, and only that, where the page names no one', () => {
    expect(sameSpeaker(null, 'non indiqué')).toBe(true);
    expect(sameSpeaker(null, 'unknown')).toBe(true);
    expect(sameSpeaker('Alpha Blondy', 'non indiqué')).toBe(false);
    expect(sameSpeaker(null, 'Emmanuel Macron')).toBe(false);
  });
});
