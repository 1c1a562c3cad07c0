import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/index.js';
import { formatAnswer, formatQuotes } from '../../src/cli/format.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const engine = loadEngine(FIXTURE_CORPUS_DIR);

describe('terminal output', () => {
  it('prints the short answer, who disagrees, and each passage as it stands with its source line', () => {
    const text = formatAnswer(engine.ask('How many French troops were in Mali?', 3));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Q: How many French troops were in Mali?');
    expect(lines[1]).toBe('Answer: 2,400 troops');
    expect(text).toContain(
      'Sources disagree:\n  • 2,400: Brussels Morning Newspaper (c. 17 Feb 2022), Al Jazeera (c. 15 Aug 2022)\n  • close to 3000: Outlet not named (c. 17 Feb 2022)',
    );
    expect(text).toContain(
      '[1] A French contingent of 2,400 troops based in Mali for the past nine years was joined in 2020 by a several hundred-strong force of European allies.\n    Brussels Morning Newspaper · c. 17 Feb 2022 · (no headline)',
    );
  });

  it('keeps a passage that opens with a quotation mark without adding a second one', () => {
    const text = formatAnswer(engine.ask('Who is the French foreign minister?', 1));
    expect(text).toContain('[1] “If the conditions are no longer in place');
    expect(text).not.toContain('““');
  });

  it('says plainly when the corpus has no confident answer', () => {
    expect(formatAnswer(engine.ask('What is the price of bitcoin today?')).split('\n')[1]).toBe(
      'No confident answer in the corpus. The closest passages are below; they may not answer the question.',
    );
  });

  it('gives each quotation a speaker, a source line and a copy-ready citation', () => {
    const text = formatQuotes(engine.quote('Russian trainers'));
    expect(text.split('\n').slice(0, 3)).toEqual([
      '[1] “Russian trainers”',
      '    Mali’s military leaders · Al Jazeera · c. 15 Aug 2022 · Last French troops leave Mali, ending nine-year deployment',
      '    cite as: “Russian trainers,” Mali’s military leaders said (Al Jazeera, c. 15 Aug 2022)',
    ]);
  });
});
