/**
 * A real process filing reports as fast as it can, for the crash test: after each `add` returns
 * it prints `ack <id> <question>` (the acknowledgement a user would get). It never stops by itself;
 * the test kills it with SIGKILL in the middle of a write.
 */
import { ReportStore } from '../../src/feedback/store.js';

const path = process.argv[2];
if (!path) throw new Error('usage: writer.ts DB_PATH');
const store = ReportStore.open(path);
let n = 0;
for (;;) {
  n++;
  const question = `Question number ${n}: how many troops? ${'padding '.repeat(n % 50)}`;
  const report = store.add({
    problem: 'wrong_answer',
    details: `details of report ${n}`,
    question,
    mode: 'question',
    status: 'answered',
    shortAnswer: String(n),
    citedPassages: [`article-${n}:0-10`],
    corpusVersion: 'abcdef012345',
    filter: null,
    userId: '123456789012345678',
    askedBy: null,
    guildId: null,
    channelId: null,
  });
  process.stdout.write(`ack ${report.id} ${n}\n`);
}
