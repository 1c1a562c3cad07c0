/**
 * The newsroom's reports on answers ("Report a problem"), kept in a local SQLite database
 * (better-sqlite3). WAL journal with full sync, and every write in a transaction: once `add`
 * returns, the report is on disk and survives a crash or a kill of the process, which is why the
 * bot acknowledges a report only after `add` has returned.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** What a reporter can say is wrong, as stored. */
export const PROBLEMS = ['wrong_answer', 'wrong_source', 'should_have_answered', 'other'] as const;

/** One of {@link PROBLEMS}. */
export type Problem = (typeof PROBLEMS)[number];

/** How each problem is shown to people. */
export const PROBLEM_LABELS: Readonly<Record<Problem, string>> = {
  wrong_answer: 'Wrong answer',
  wrong_source: 'Wrong source',
  should_have_answered: 'Should have answered',
  other: 'Other',
};

/** Whether a string is one of {@link PROBLEMS}. */
export function isProblem(value: string): value is Problem {
  return (PROBLEMS as readonly string[]).includes(value);
}

/** A report as filed: what is wrong, and the answer it is about as it was shown. */
export interface ReportInput {
  problem: Problem;
  /** The reporter's own words; empty when they wrote none. */
  details: string;
  /** The question asked (or the message checked). */
  question: string;
  /** `question` (/ask, Q&A channels, mentions) or `claim` ("Find in sources"). */
  mode: 'question' | 'claim';
  /** The answer's status. */
  status: 'answered' | 'no_answer';
  /** The short answer shown, or null. */
  shortAnswer: string | null;
  /** The cited passages in order, each `articleId:start-end` (offsets into the article text). */
  citedPassages: string[];
  /** The corpus the answer came from (see corpusVersion). */
  corpusVersion: string;
  /** The filter the question was asked within, or null. */
  filter: { outlet: string | null; from: string | null; to: string | null } | null;
  /** Discord id of the user who reported. */
  userId: string;
  /** Discord id of the user who asked, where known. */
  askedBy: string | null;
  guildId: string | null;
  channelId: string | null;
}

/** A stored report. */
export interface Report extends ReportInput {
  id: number;
  /** When it was stored, ISO 8601 UTC. */
  createdAt: string;
}

/** The database cannot be opened or used, naming its path. */
export class ReportStoreError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`reports database ${path}: ${detail}`);
    this.name = 'ReportStoreError';
  }
}

/** Bumped with every change to the table below; an older file is migrated, a newer one refused. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at      TEXT    NOT NULL,
  problem         TEXT    NOT NULL CHECK (problem IN ('wrong_answer', 'wrong_source', 'should_have_answered', 'other')),
  details         TEXT    NOT NULL,
  question        TEXT    NOT NULL,
  mode            TEXT    NOT NULL CHECK (mode IN ('question', 'claim')),
  status          TEXT    NOT NULL CHECK (status IN ('answered', 'no_answer')),
  short_answer    TEXT,
  cited_passages  TEXT    NOT NULL,
  corpus_version  TEXT    NOT NULL,
  filter          TEXT,
  user_id         TEXT    NOT NULL,
  asked_by        TEXT,
  guild_id        TEXT,
  channel_id      TEXT
);
CREATE INDEX IF NOT EXISTS reports_newest ON reports (created_at DESC, id DESC);
`;

interface Row {
  id: number;
  created_at: string;
  problem: Problem;
  details: string;
  question: string;
  mode: 'question' | 'claim';
  status: 'answered' | 'no_answer';
  short_answer: string | null;
  cited_passages: string;
  corpus_version: string;
  filter: string | null;
  user_id: string;
  asked_by: string | null;
  guild_id: string | null;
  channel_id: string | null;
}

function fromRow(r: Row): Report {
  return {
    id: r.id,
    createdAt: r.created_at,
    problem: r.problem,
    details: r.details,
    question: r.question,
    mode: r.mode,
    status: r.status,
    shortAnswer: r.short_answer,
    citedPassages: JSON.parse(r.cited_passages) as string[],
    corpusVersion: r.corpus_version,
    filter: r.filter === null ? null : (JSON.parse(r.filter) as Report['filter']),
    userId: r.user_id,
    askedBy: r.asked_by,
    guildId: r.guild_id,
    channelId: r.channel_id,
  };
}

/** Options of {@link ReportStore.open}. */
export interface OpenOptions {
  /** Refuse to create the file: for readers such as `npm run feedback`. Default false. */
  mustExist?: boolean;
  /** Clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
}

/** The reports database. Synchronous (better-sqlite3): each call is done when it returns. */
export class ReportStore {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly newest: Database.Statement;
  private readonly addOne: (input: ReportInput, createdAt: string) => Report;

  private constructor(
    private readonly db: Database.Database,
    /** The file, as given. */
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare(
      `INSERT INTO reports (created_at, problem, details, question, mode, status, short_answer, cited_passages,
         corpus_version, filter, user_id, asked_by, guild_id, channel_id)
       VALUES (@createdAt, @problem, @details, @question, @mode, @status, @shortAnswer, @citedPassages,
         @corpusVersion, @filter, @userId, @askedBy, @guildId, @channelId)`,
    );
    this.byId = db.prepare('SELECT * FROM reports WHERE id = ?');
    this.newest = db.prepare('SELECT * FROM reports ORDER BY created_at DESC, id DESC LIMIT ?');
    this.addOne = db.transaction((input: ReportInput, createdAt: string) => {
      const { lastInsertRowid } = this.insert.run({
        ...input,
        createdAt,
        citedPassages: JSON.stringify(input.citedPassages),
        filter: input.filter === null ? null : JSON.stringify(input.filter),
      });
      return fromRow(this.byId.get(lastInsertRowid) as Row);
    });
  }

  /**
   * Opens (creating it and its directory unless `mustExist`) the database at `path`, in WAL mode
   * with full sync. Throws {@link ReportStoreError} naming the path: not a SQLite file, made by a
   * newer version, not writable, or (with `mustExist`) not there.
   */
  static open(path: string, options: OpenOptions = {}): ReportStore {
    const file = resolve(path);
    let db: Database.Database;
    try {
      if (!options.mustExist) mkdirSync(dirname(file), { recursive: true });
      db = new Database(file, { fileMustExist: options.mustExist ?? false });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CANTOPEN' && options.mustExist)
        throw new ReportStoreError(
          path,
          'does not exist (no report has been filed yet, or the path is wrong)',
        );
      throw new ReportStoreError(path, `cannot be opened: ${(error as Error).message}`);
    }
    try {
      // WAL: readers (npm run feedback) never block the bot's writes. FULL: a committed report is
      // on disk before the commit returns, power loss included.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION)
        throw new ReportStoreError(
          path,
          `was written by a newer version of the bot (schema ${version}; this one knows ${SCHEMA_VERSION})`,
        );
      if (version < SCHEMA_VERSION) {
        db.transaction(() => {
          db.exec(SCHEMA);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        })();
      }
      return new ReportStore(db, path, options.now ?? (() => new Date()));
    } catch (error) {
      db.close();
      if (error instanceof ReportStoreError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_NOTADB')
        throw new ReportStoreError(path, 'is not a SQLite database (was another file put at this path?)');
      throw new ReportStoreError(path, (error as Error).message);
    }
  }

  /** Stores a report in one transaction and returns it with its id; on disk once this returns. */
  add(input: ReportInput): Report {
    return this.addOne(input, this.now().toISOString());
  }

  /** Reports, newest first; at most `limit` (default all). */
  list(limit = -1): Report[] {
    return (this.newest.all(limit) as Row[]).map(fromRow);
  }

  /** Closes the database. The store cannot be used afterwards. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
