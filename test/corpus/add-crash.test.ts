import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { embedOf, finalEdit, option, until } from '../bot/harness.js';
import { addArticle } from '../../src/corpus/ingest.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { killAll, startProcess } from '../support/process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INGEST = fileURLToPath(new URL('../../src/corpus/ingest.ts', import.meta.url));
const NEWS_PAGE = fileURLToPath(new URL('../fixtures/html/sahel-dispatch-convoy.html', import.meta.url));
const NEWS_ID = 'sahel-dispatch-2022-08-16-french-convoy-reaches-niger-last-troops';

const temps: string[] = [];
let fake: FakeDiscord | undefined;
afterEach(async () => {
  killAll();
  await fake?.stop();
  fake = undefined;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crash-corpus-'));
  cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
  temps.push(dir);
  return dir;
}

/**
 * Runs corpus:add's addArticle in a child process that kills itself with SIGKILL right after
 * `step`: no clean-up code runs, as in a power cut or an OOM kill.
 */
function addAndCrashAfter(corpusDir: string, step: string): boolean {
  const script = join(mkdtempSync(join(tmpdir(), 'crash-script-')), 'crash.ts');
  temps.push(join(script, '..'));
  writeFileSync(
    script,
    `import { addArticle } from ${JSON.stringify(INGEST)};
addArticle(${JSON.stringify(corpusDir)}, ${JSON.stringify(NEWS_PAGE)}, {}, {
  onStep: (s) => { if (s === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); },
});`,
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  // Killed by SIGKILL: tsx passes the signal on as exit status 128 + 9.
  return r.signal === 'SIGKILL' || r.status === 137;
}

const seedIds = () =>
  loadCorpus(FIXTURE_CORPUS_DIR)
    .articles.map((a) => a.meta.id)
    .sort();

describe('corpus:add interrupted by a crash', () => {
  it('after staging: the corpus loads as it was and the staging files are reported by name', () => {
    const dir = tempCorpus();
    expect(addAndCrashAfter(dir, 'staged')).toBe(true);
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.meta.id).sort()).toEqual(seedIds());
    const staging = readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.tmp'));
    expect(staging).toHaveLength(2);
    expect(corpus.leftovers).toHaveLength(2);
    for (const name of staging)
      expect(corpus.leftovers!.join('\n')).toContain(`${name}: left out, a staging file`);
  });

  it('between the text and the metadata: the corpus and the engine start without it, naming the orphan text', () => {
    const dir = tempCorpus();
    expect(addAndCrashAfter(dir, 'text placed')).toBe(true);
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.meta.id).sort()).toEqual(seedIds());
    expect(
      corpus.leftovers!.filter((l) =>
        l.includes(`${NEWS_ID}.txt: left out, it has no metadata file ${NEWS_ID}.json`),
      ),
    ).toHaveLength(1);
    expect(
      loadEngine(dir)
        .ask('How many armoured vehicles were in the last convoy?')
        .citations.map((c) => c.articleId),
    ).not.toContain(NEWS_ID);
    // Adding the article again replaces the orphan and completes it.
    addArticle(dir, NEWS_PAGE);
    const again = loadCorpus(dir);
    expect(again.byId.has(NEWS_ID)).toBe(true);
    expect(again.leftovers!.filter((l) => l.includes(`${NEWS_ID}.txt`))).toEqual([]);
  });

  it('after the metadata: the article is complete and nothing is left over', () => {
    const dir = tempCorpus();
    expect(addAndCrashAfter(dir, 'metadata placed')).toBe(true);
    const corpus = loadCorpus(dir);
    expect(corpus.byId.has(NEWS_ID)).toBe(true);
    expect(corpus.leftovers).toEqual([]);
  });

  it('the bot started on what a crash between the renames left starts, names each leftover in its log and answers', async () => {
    const dir = tempCorpus();
    expect(addAndCrashAfter(dir, 'staged')).toBe(true);
    expect(addAndCrashAfter(dir, 'text placed')).toBe(true);
    const articles = join(dir, 'articles');
    const leftovers = readdirSync(articles)
      .filter((n) => n.endsWith('.tmp') || n === `${NEWS_ID}.txt`)
      .sort();
    // Two staging files from the first add, the orphan text and its metadata's staging file from the second.
    expect(leftovers).toHaveLength(4);
    fake = await startFakeDiscord();
    // From source, as `npm run dev` runs it; an empty working directory, so no developer's .env is read.
    const cwd = mkdtempSync(join(tmpdir(), 'crash-bot-'));
    temps.push(cwd);
    const bot = startProcess([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/index.ts')], {
      cwd,
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.restUrl,
        CORPUS_DIR: dir,
        RANK_MODEL_FILE: FIXTURE_MODEL_FILE,
        COOLDOWN_SECONDS: '0',
        LOG_FORMAT: 'text',
      },
    });
    // A hang bound, not a measurement.
    await until(() => bot.stdout().includes(' INFO  ready as '), 30_000, `ready; got:\n${bot.output()}`);
    const warned = bot
      .output()
      .split('\n')
      .filter((l) => l.includes('corpus file left out'))
      .map((l) => l.replace(/^\S+ /, ''));
    expect(warned).toHaveLength(4);
    // One warning per file, naming it (the path as corpusLeftovers gives it, relative to the bot's directory).
    const named = warned.map((l) => /^WARN {2}corpus file left out file="?(.+?): left out, /u.exec(l)?.[1]);
    expect(named.map((f) => f?.split('/').at(-1)).sort()).toEqual(leftovers);
    const { id } = fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'How many French troops were in Mali?')],
    });
    expect(embedOf((await finalEdit(fake, id)).body).description?.split('\n')[0]).toBe(
      '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]',
    );
  }, 90_000);
});
