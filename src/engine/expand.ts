/**
 * Expands an analysed question through its index's word knowledge: each question word (and each
 * pair of adjacent words, for multiword lemmas such as "pull out") leads to the corpus terms the
 * lexicon relates it to. Where the corpus holds passages in other languages, the question's
 * words as those languages' analysers index them are searched too, so names and numbers meet.
 */
import { analyzerFor } from '../text/languages.js';
import { RELATION_WEIGHTS } from '../text/lexicon.js';
import type { Expansion, QuestionAnalysis } from './question.js';
import type { PassageIndex } from './search.js';

/** Questions answered by yes or no: only these follow antonyms ("stay" → "leave"). */
const YES_NO =
  /^(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should)(?:n't)?$|^(?:won't|can't|cannot)$/;

/** Weight of a question word in another language's index form (see Via 'form'). */
const FORM_WEIGHT = 0.8;
/** Weight of a cognate in another language's passages (see PassageIndex.cognates). */
const COGNATE_WEIGHT = 0.6;

/** The expansions of a question over an index (see QuestionAnalysis.expansions). */
export function expandQuestion(q: QuestionAnalysis, index: PassageIndex): Map<string, Expansion> {
  const out = new Map<string, Expansion>();
  const asked = new Set(q.terms);
  const yesNo = q.yesNo || YES_NO.test(q.words[0]?.text ?? '');
  const analyzer = analyzerFor(q.language);
  const offer = (term: string, x: Expansion) => {
    if (asked.has(term)) return;
    const had = out.get(term);
    if (!had || had.weight < x.weight) out.set(term, x);
  };
  const expandKey = (key: string, target: string, from: string) => {
    for (const e of index.lexicon.expand(key)) {
      if (e.via === 'antonym' && !yesNo) continue;
      offer(e.term, { target, weight: e.weight, via: e.via, from });
    }
  };
  q.words.forEach((w, i) => {
    if (w.term !== null) expandKey(w.term, w.term, w.text);
    // A member's whole from the question word's side ("Nigerien" → "Niger"), where the corpus
    // holds it: the lexicon, built from the corpus words, has it only when both words are there.
    if (w.term !== null)
      for (const whole of analyzer.memberOf(w.text)) {
        const term = analyzer.term(whole);
        if (term !== null && term !== w.term && index.df(term) > 0)
          offer(term, { target: w.term, weight: RELATION_WEIGHTS.member, via: 'member', from: w.text });
      }
    const next = q.words[i + 1];
    if (!next) return;
    const target = next.term ?? w.term;
    if (target === null) return;
    const bare = (s: string) => s.replace(/'s$/, '').replace(/'/g, '');
    expandKey(
      `${analyzer.stem(bare(w.text))} ${analyzer.stem(bare(next.text))}`,
      target,
      `${w.text} ${next.text}`,
    );
  });
  for (const language of index.languages) {
    if (language === q.language) continue;
    const other = analyzerFor(language);
    for (const w of q.words) {
      if (w.term === null) continue;
      const form = other.term(w.text);
      if (form === null) continue;
      if (form !== w.term && index.usedIn(form, language))
        offer(form, { target: w.term, weight: FORM_WEIGHT, via: 'form', from: w.text });
      // The same word spelt the other language's way ("soldiers" / "soldats"), a little below.
      for (const cognate of index.cognates(`${language}:${w.text}:${form}`))
        if (cognate !== w.term)
          offer(cognate, { target: w.term, weight: COGNATE_WEIGHT, via: 'form', from: w.text });
    }
  }
  return out;
}
