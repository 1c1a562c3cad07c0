import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerStore, type StoredAnswer } from '../../src/bot/answer-store.js';
import { Cooldown } from '../../src/bot/cooldown.js';

describe('Cooldown', () => {
  it('lets a user ask, then makes them wait the rest of the cooldown', () => {
    let now = 1_000_000;
    const cooldown = new Cooldown(5, { now: () => now });
    expect(cooldown.take('alice')).toBe(0);
    now += 1200;
    expect(cooldown.take('alice')).toBe(3800);
    expect(cooldown.take('bob')).toBe(0);
    now += 3800;
    expect(cooldown.take('alice')).toBe(0);
  });

  it('does not extend the wait when a cooled-down user tries again', () => {
    let now = 0;
    const cooldown = new Cooldown(5, { now: () => now });
    cooldown.take('alice');
    now = 4000;
    expect(cooldown.take('alice')).toBe(1000);
    now = 5000;
    expect(cooldown.take('alice')).toBe(0);
  });

  it('with 0 seconds lets everything through and remembers no one', () => {
    const cooldown = new Cooldown(0);
    for (let i = 0; i < 100; i++) expect(cooldown.take('alice')).toBe(0);
    expect(cooldown.size).toBe(0);
  });

  it('forgets users whose cooldown ended, so memory stays flat', () => {
    let now = 0;
    const cooldown = new Cooldown(5, { now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now += 10;
      cooldown.take(`user-${i}`);
    }
    // 5 s at one user every 10 ms: at most 500 are still cooling down.
    expect(cooldown.size).toBe(500);
    now += 5000;
    cooldown.take('last');
    expect(cooldown.size).toBe(1);
  });
});

describe('AnswerStore', () => {
  const stored: StoredAnswer = {
    text: 'How many French troops were in Mali?',
    mode: 'question',
    perPage: 3,
    isPrivate: false,
    userId: '1',
    corpusVersion: 'abc',
    locale: 'en',
    filter: null,
    showTitle: true,
  };

  it('gives short ids that fit in a button custom id and finds the request by them', () => {
    const store = new AnswerStore();
    const id = store.put(stored);
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    expect(store.get(id)).toEqual(stored);
    expect(store.get('unknown1')).toBeNull();
    // Citation lines are another kind of entry: one id never answers for the other.
    const lines = store.putCitations({ lines: ['“…,” X said (DW, 17 Feb 2022)'], userId: '1' });
    expect(store.getCitations(lines)).toEqual({ lines: ['“…,” X said (DW, 17 Feb 2022)'], userId: '1' });
    expect(store.get(lines)).toBeNull();
    expect(store.getCitations(id)).toBeNull();
  });

  it('expires entries by age and keeps at most maxEntries, oldest dropped first', () => {
    let now = 0;
    const store = new AnswerStore({ ttlMs: 1000, maxEntries: 100, now: () => now });
    const first = store.put(stored);
    for (let i = 0; i < 1000; i++) store.put(stored);
    expect(store.size).toBe(100);
    expect(store.get(first)).toBeNull();
    now = 1000;
    const fresh = store.put(stored);
    expect(store.size).toBe(1);
    expect(store.get(fresh)).toEqual(stored);
    now = 2000;
    expect(store.get(fresh)).toBeNull();
  });

  it('keeps what it stored in its file across a close and a reopen (a restart)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'answer-store-')), 'nested', 'buttons.sqlite');
    const before = new AnswerStore({ file });
    const id = before.put(stored);
    before.close();
    const after = new AnswerStore({ file });
    expect(after.get(id)).toEqual(stored);
    after.close();
  });

  it('names the file when it cannot be opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answer-store-'));
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const file = join(dir, 'not-a-dir', 'buttons.sqlite');
    expect(() => new AnswerStore({ file })).toThrow(
      new RegExp(
        `^Could not open the button state database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `,
      ),
    );
  });
});
