/**
 * What the buttons under an answer need to work again later ("More passages", "Post to channel",
 * "Copy citation"), kept in a SQLite database file so they still work after a restart. An answer
 * is deterministic for a corpus version, so what is kept is the request (question, filters,
 * options, who asked, the corpus version), not the answer: a click asks the engine again. Each
 * entry is found by a short random id carried in the button's custom id; entries expire by age and
 * the oldest go first past a size cap, so the file stays small.
 *
 * better-sqlite3 rather than a JSON file: every click and answer is one small synchronous
 * transaction (tens of microseconds), safe against a crash mid-write, with no rewrite of the whole
 * file; the newsroom's feedback reports use it too, in their own file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AskFilter } from '../engine/index.js';
import type { Locale } from './i18n.js';
import type { AnswerView } from './render.js';

/** What is needed to answer a request again and show any page of it. */
export interface StoredAnswer {
  /** The question, or the text of the message checked. */
  text: string;
  mode: AnswerView['mode'];
  perPage: number;
  isPrivate: boolean;
  /** Who asked. */
  userId: string;
  /** The corpus the answer came from (feedback/report.ts `corpusVersion`); a click on another corpus answers again. */
  corpusVersion: string;
  /** The asker's language. */
  locale: Locale;
  /** The outlet and dates the question was asked within, or null. */
  filter: AskFilter | null;
  /** Shown without the question as title (Q&A threads). */
  showTitle: boolean;
}

/** Citation lines kept for `/quote`'s copy buttons. */
export interface StoredCitations {
  lines: string[];
  userId: string;
}

/** Options of {@link AnswerStore}. */
export interface AnswerStoreOptions {
  /** The database file, created with its directory if missing; `:memory:` (the default) keeps nothing across restarts. */
  file?: string;
  /** How long a button keeps working. Default 30 days. */
  ttlMs?: number;
  /** Most entries kept; the oldest are dropped first. Default 50,000. */
  maxEntries?: number;
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number;
}

type Kind = 'answer' | 'citations';

/** Button state by short id, in a SQLite file. */
export class AnswerStore {
  /** The database file (or `:memory:`). */
  readonly file: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly trim: Database.Statement;
  private readonly count: Database.Statement;

  /** Opens (or creates) the file. Throws an Error naming the file if it cannot be opened. */
  constructor(options: AnswerStoreOptions = {}) {
    this.file = options.file ?? ':memory:';
    this.ttlMs = options.ttlMs ?? 30 * 24 * 3600_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 50_000);
    this.now = options.now ?? Date.now;
    try {
      if (this.file !== ':memory:') mkdirSync(dirname(this.file), { recursive: true });
      this.db = new Database(this.file);
      this.db.pragma('journal_mode = WAL');
      // Shards are separate processes sharing the file: a writer waits for another rather than failing.
      this.db.pragma('busy_timeout = 2000');
      this.db.exec(`CREATE TABLE IF NOT EXISTS button_state (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        user_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`);
    } catch (error) {
      throw new Error(
        `Could not open the button state database ${this.file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.insert = this.db.prepare(
      'INSERT INTO button_state (id, kind, user_id, payload, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.select = this.db.prepare('SELECT kind, payload, created_at FROM button_state WHERE id = ?');
    this.remove = this.db.prepare('DELETE FROM button_state WHERE id = ?');
    this.trim = this.db.prepare(
      'DELETE FROM button_state WHERE created_at <= ? OR seq <= (SELECT MAX(seq) FROM button_state) - ?',
    );
    this.count = this.db.prepare('SELECT COUNT(*) AS n FROM button_state');
  }

  /** Keeps a request for its buttons and returns its id: 8 characters of [a-z0-9]. */
  put(stored: StoredAnswer): string {
    return this.putKind('answer', stored.userId, stored);
  }

  /** The request kept under `id`, or null when unknown, expired or of another kind. */
  get(id: string): StoredAnswer | null {
    return this.getKind<StoredAnswer>('answer', id);
  }

  /** Keeps citation lines for copy buttons and returns their id. */
  putCitations(stored: StoredCitations): string {
    return this.putKind('citations', stored.userId, stored);
  }

  /** The citation lines kept under `id`, or null. */
  getCitations(id: string): StoredCitations | null {
    return this.getKind<StoredCitations>('citations', id);
  }

  /** Forgets an entry (a button that can no longer work). */
  delete(id: string): void {
    this.remove.run(id);
  }

  /** How many entries are kept. */
  get size(): number {
    return (this.count.get() as { n: number }).n;
  }

  /** Closes the database. Idempotent. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  private putKind(kind: Kind, userId: string, payload: unknown): string {
    const now = this.now();
    let id: string;
    do id = randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, '0').slice(-8);
    while (this.select.get(id) !== undefined);
    this.insert.run(id, kind, userId, JSON.stringify(payload), now);
    this.trim.run(now - this.ttlMs, this.maxEntries);
    return id;
  }

  private getKind<T>(kind: Kind, id: string): T | null {
    if (!/^[a-z0-9]{1,16}$/.test(id)) return null;
    const row = this.select.get(id) as { kind: string; payload: string; created_at: number } | undefined;
    if (!row || row.kind !== kind) return null;
    if (row.created_at <= this.now() - this.ttlMs) {
      this.remove.run(id);
      return null;
    }
    try {
      return JSON.parse(row.payload) as T;
    } catch {
      return null;
    }
  }
}
