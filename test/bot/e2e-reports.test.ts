/**
 * End to end: "Report a problem" under an answer, through the real discord.js client against the
 * local fake Discord: the button opens a modal (callback type 9), the user submits it (a modal
 * submit, interaction type 5), and the report is in the SQLite file before the user is thanked.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportStore } from '../../src/feedback/store.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';
import type { JsonObject } from '../support/fake-discord.js';
import {
  buttonsOf,
  callback,
  checkAndStop,
  embedOf,
  finalEdit,
  option,
  startBot,
  type Harness,
} from './harness.js';

let h: Harness | undefined;
let dir: string | undefined;
let store: ReportStore | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  try {
    await checkAndStop(current);
  } finally {
    store?.close();
    store = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  }
});

async function withReports(options: Parameters<typeof startBot>[0] = {}): Promise<Harness> {
  dir = mkdtempSync(join(tmpdir(), 'reports-e2e-'));
  store = ReportStore.open(join(dir, 'reports.sqlite'));
  return startBot({ ...options, bot: { reports: store, ...options.bot } });
}

/** The rows as another process would read them: a separate connection to the file. */
function rowsOnDisk(): JsonObject[] {
  const db = new Database(join(dir!, 'reports.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM reports ORDER BY id').all() as JsonObject[];
  } finally {
    db.close();
  }
}

function reportButton(body: unknown): string {
  const found = buttonsOf(body).find((b) => b.startsWith('Report a problem → '));
  if (!found) throw new Error(`no Report a problem button in ${JSON.stringify(buttonsOf(body))}`);
  return found.split(' → ')[1]!;
}

function articleText(articleId: string): string {
  return readFileSync(join(FIXTURE_CORPUS_DIR, 'articles', `${articleId}.txt`), 'utf8');
}

describe('Report a problem', () => {
  it('opens a modal from the answer, stores the report with the answer as shown, then thanks the user', async () => {
    h = await withReports();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'How many French troops were in Mali?')],
    });
    const edit = await finalEdit(h.fake, ask.id);
    expect(buttonsOf(edit.body)).toEqual([
      expect.stringMatching(/^More passages → ask:page:[a-z0-9]{8}:1$/),
      expect.stringMatching(/^Report a problem → ask:report:[a-z0-9]{8}$/),
    ]);

    const click = h.fake.sendInteraction({
      customId: reportButton(edit.body),
      message: h.fake.messages().at(-1)!,
      user: { id: '423456789012345678', username: 'editor' },
    });
    const modal = (await callback(h.fake, click.id)).body as { type: number; data: JsonObject };
    expect(modal.type).toBe(9);
    expect(modal.data.title).toBe('Report a problem with this answer');
    const [what, details] = modal.data.components as Array<{ label: string; component: JsonObject }>;
    expect(what!.label).toBe('What is wrong?');
    expect((what!.component.options as Array<{ label: string }>).map((o) => o.label)).toEqual([
      'Wrong answer',
      'Wrong source',
      'Should have answered',
      'Other',
    ]);
    expect(details!.label).toBe('Details');
    expect(rowsOnDisk()).toEqual([]);

    const submit = h.fake.submitModal(click.id, {
      problem: ['wrong_source'],
      details: 'Passage [2] is from Reuters, not an unnamed outlet.',
    });
    const thanks = (await callback(h.fake, submit.id)).body as { type: number; data: JsonObject };
    // By the time the user is thanked the report is on disk, visible to another connection.
    const rows = rowsOnDisk();
    expect(thanks).toMatchObject({
      type: 4,
      data: {
        content: 'Thank you: report #1 (Wrong source) is saved for the newsroom’s editors.',
        flags: 64,
      },
    });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id: 1,
      problem: 'wrong_source',
      details: 'Passage [2] is from Reuters, not an unnamed outlet.',
      question: 'How many French troops were in Mali?',
      mode: 'question',
      status: 'answered',
      short_answer: '2,400 troops',
      user_id: '423456789012345678',
      asked_by: h.fake.user.id,
      guild_id: h.fake.guildId,
      filter: null,
    });
    expect(row.corpus_version).toMatch(/^[0-9a-f]{12}$/);
    expect(Date.now() - Date.parse(row.created_at as string)).toBeLessThan(60_000);
    // The cited passages, in order, are the ones the reporter saw: [1] is the first quote shown.
    const cited = JSON.parse(row.cited_passages as string) as string[];
    expect(cited).toHaveLength(10);
    const [, articleId, start, end] = /^(.+):(\d+)-(\d+)$/.exec(cited[0]!)!;
    const firstQuote = articleText(articleId!).slice(Number(start), Number(end));
    expect(embedOf(edit.body).description).toContain(`> ${firstQuote}`);
  });

  it('records the filter and a no-answer status, and every answer has the button, Q&A threads included', async () => {
    h = await withReports({ qa: true });
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'What is the price of bitcoin today?'), option('outlet', 'DW')],
    });
    const edit = await finalEdit(h.fake, ask.id);
    const click = h.fake.sendInteraction({
      customId: reportButton(edit.body),
      message: h.fake.messages().at(-1)!,
    });
    await callback(h.fake, click.id);
    const submit = h.fake.submitModal(click.id, { problem: ['should_have_answered'], details: '' });
    expect(((await callback(h.fake, submit.id)).body as { data: { content: string } }).data.content).toBe(
      'Thank you: report #1 (Should have answered) is saved for the newsroom’s editors.',
    );
    expect(rowsOnDisk()[0]).toMatchObject({
      status: 'no_answer',
      short_answer: null,
      details: '',
      filter: JSON.stringify({ outlet: 'DW', from: null, to: null }),
    });

    h.fake.sendMessage({ channel_id: h.qaChannelId, content: 'Who announced the withdrawal?' });
    const inThread = await h.fake.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(r.path) &&
        r.path !== `/channels/${h!.qaChannelId}/messages`,
      { description: 'the answer in the Q&A thread' },
    );
    expect(buttonsOf(inThread.body)).toEqual([
      expect.stringMatching(/^More passages → ask:page:[a-z0-9]{8}:1$/),
      expect.stringMatching(/^Report a problem → ask:report:[a-z0-9]{8}$/),
    ]);
  });

  it('never thanks a user for a report it could not store, and gives their words back', async () => {
    h = await withReports();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Who announced the withdrawal?')],
    });
    const edit = await finalEdit(h.fake, ask.id);
    const click = h.fake.sendInteraction({
      customId: reportButton(edit.body),
      message: h.fake.messages().at(-1)!,
    });
    await callback(h.fake, click.id);
    store!.close(); // the database goes away between the click and the submit
    const submit = h.fake.submitModal(click.id, {
      problem: ['wrong_answer'],
      details: 'It was Macron *and* Sall.',
    });
    const reply = (await callback(h.fake, submit.id)).body as { data: { content: string; flags: number } };
    expect(reply.data.flags).toBe(64);
    expect(reply.data.content).toBe(
      'Your report could not be saved; the error has been logged. Please try again later.\nWhat you wrote:\n> It was Macron \\*and\\* Sall.',
    );
    expect(h.logs.some((l) => l.includes('could not store a report'))).toBe(true);
  });

  it('says so when the answer is no longer kept, before the user types anything', async () => {
    h = await withReports();
    const click = h.fake.sendInteraction({ customId: 'ask:report:zzzzzzzz' });
    expect(
      ((await callback(h.fake, click.id)).body as { type: number; data: JsonObject }).data,
    ).toMatchObject({
      content:
        'This answer is no longer kept, so a report cannot be tied to it. Ask again and report from the new answer.',
      flags: 64,
    });
    expect(rowsOnDisk()).toEqual([]);
  });
});
