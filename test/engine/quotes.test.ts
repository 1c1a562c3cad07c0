import { describe, expect, it } from 'vitest';
import { QuotationIndex, quotationSpans } from '../../src/engine/quotes.js';
import { prepareArticle, type Corpus } from '../../src/corpus/load.js';
import { citationLine, loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const engine = loadEngine(FIXTURE_CORPUS_DIR);
const DW = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';
const BM = 'brussels-morning-2022-02-17-macron-announces-mali-withdrawal';
const UN = 'unnamed-outlet-2022-02-17-france-allies-withdraw-mali';

const spans = (s: string) =>
  quotationSpans(s, { start: 0, end: s.length }).map((q) => s.slice(q.start, q.end));

describe('quotationSpans', () => {
  it('finds a curly-quoted quotation without its closing comma', () => {
    expect(spans('“We will continue to fight,” he said.')).toEqual(['We will continue to fight']);
  });

  it('finds straight-quoted quotations', () => {
    expect(spans('A statement cited "multiple obstructions" and a "coordinated withdrawal".')).toEqual([
      'multiple obstructions',
      'coordinated withdrawal',
    ]);
  });

  it('finds a single-quoted quotation in a headline', () => {
    expect(spans("Macron: France doesn't share 'strategy and hidden aims' of Mali's ruling junta")).toEqual([
      'strategy and hidden aims',
    ]);
  });

  it('never opens a quotation at an apostrophe inside a word', () => {
    expect(spans("It’s Mali’s junta, and it's Mali's choice, Macron’s aides said.")).toEqual([]);
  });

  it('reads marks printed the wrong way round as they are used, in French and English', () => {
    // A second « closing the open one before its comma; a » opening words closed later.
    expect(spans('« Le transfert est effectif depuis la fin de matinée« , a indiqué le colonel.')).toEqual([
      'Le transfert est effectif depuis la fin de matinée',
    ]);
    expect(spans('Le général est le porte-parole.  » La force avait pour vocation d’agir.  »')).toEqual([
      'La force avait pour vocation d’agir.',
    ]);
    expect(spans('It was not a question of “ the end of diplomatic relations “.')).toEqual([
      'the end of diplomatic relations',
    ]);
    // A guillemet opened with French spacing after a full stop still opens.
    expect(spans('Il a parlé. « Nous partons », a-t-il dit.')).toEqual(['Nous partons']);
  });

  it('takes the words before a closing mark that opens a paragraph for a quotation begun before it', () => {
    expect(
      spans('this redeployment has been effective," the Elysee said. "France remains engaged," it said.'),
    ).toEqual(['this redeployment has been effective', 'France remains engaged']);
    expect(spans('We will honor the terms of this agreement. “, declared the ministry.')).toEqual([
      'We will honor the terms of this agreement.',
    ]);
    // Not a closing mark: an ordinary opening one after a sentence.
    expect(spans('He spoke. "We leave," he said.')).toEqual(['We leave']);
  });

  it('gives offsets into the whole text when the block starts later', () => {
    const text = 'Intro.\n“Stay calm,” she said.';
    const q = quotationSpans(text, { start: 7, end: text.length });
    expect(q).toEqual([{ start: 8, end: 17 }]);
    expect(text.slice(q[0]!.start, q[0]!.end)).toBe('Stay calm');
  });
});

describe('quotation attribution in the bundled corpus', () => {
  it('finds the full "We cannot remain…" quotation for "hidden aims", said by Emmanuel Macron, in three outlets', () => {
    const r = engine.quote('hidden aims');
    const q = r.quotes[0]!;
    expect(q.text).toBe(
      'We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share',
    );
    expect(q.speaker).toBe('Emmanuel Macron');
    expect(q.articleId).toBe(BM);
    expect(q.alsoIn.map((x) => x.articleId)).toEqual([DW, UN]);
  });

  it('finds a quotation by a synonym from a rarer sense of a word ("secret" for "hidden aims"), and not by an unrelated word', () => {
    const [first] = engine.quote('secret').quotes;
    expect([first?.speaker, first?.text]).toEqual([
      'Emmanuel Macron',
      'We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share',
    ]);
    expect(engine.quote('boxing').quotes).toEqual([]);
  });

  it('attributes "The answer will come" to Josep Borrell through "he said"', () => {
    const q = engine.quote('The answer will come').quotes[0]!;
    expect([q.text, q.speaker]).toEqual(['The answer will come in the next days', 'Josep Borrell']);
  });

  it('attributes the "skeptical" quotation to Christine Lambrecht', () => {
    const q = engine.quote('skeptical').quotes[0]!;
    expect(q.speaker).toBe('Christine Lambrecht');
    expect(q.text.startsWith('I have to say that I am very skeptical')).toBe(true);
  });

  it('attributes "Russian trainers" to Mali’s military leaders', () => {
    const q = engine.quote('Russian trainers').quotes[0]!;
    expect(q.text).toBe('Russian trainers');
    expect(q.speaker).toContain('Mali');
  });

  it('attributes "If the conditions…" to Jean-Yves Le Drian', () => {
    const q = engine.quote('If the conditions').quotes[0]!;
    expect(q.speaker).toBe('Jean-Yves Le Drian');
  });

  it('attributes "impossible to continue" to Kalle Lane', () => {
    const q = engine.quote('impossible to continue').quotes[0]!;
    expect([q.text, q.speaker]).toEqual(['It’s impossible to continue in such conditions', 'Kalle Lane']);
  });

  it('gives "in an orderly manner", which its sentence attributes to no one, to Emmanuel Macron, who spoke last before it with no one named between', () => {
    const q = engine.quote('in an orderly manner').quotes[0]!;
    expect([q.text, q.speaker, q.articleId]).toEqual(['in an orderly manner', 'Emmanuel Macron', BM]);
  });

  it('gives every quotation’s context as the verbatim sentence around it', () => {
    const q = engine.quote('The answer will come').quotes[0]!;
    expect(q.context).toBe('"The answer will come in the next days," he said.');
    expect(engine.corpus.byId.get(q.articleId)!.text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('quotation lookup by speaker', () => {
  it('returns only Borrell’s quotations when asked for "Borrell"', () => {
    const r = engine.quote('Borrell');
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Josep Borrell', 'Josep Borrell']);
    expect(r.quotes.map((q) => q.text.slice(0, 20))).toEqual([
      'I sent a mission to ',
      'The answer will come',
    ]);
  });

  it('restricts a word search to one speaker with the speaker option', () => {
    expect(engine.quote('conditions').quotes.map((q) => q.speaker)).toContain('Jean-Yves Le Drian');
    const r = engine.quote('conditions', { speaker: 'Borrell' });
    expect(r.quotes.map((q) => [q.speaker, q.text.slice(0, 25)])).toEqual([
      ['Josep Borrell', 'I sent a mission to Mali,'],
    ]);
  });

  it('lists every quotation of a speaker when only the speaker option is given', () => {
    const r = engine.quote('', { speaker: 'Lambrecht' });
    expect(r.error).toBeUndefined();
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Christine Lambrecht']);
  });

  it('lists Emmanuel Macron first among speakers, with no pronoun or furniture name', () => {
    const speakers = engine.speakers();
    expect(speakers[0]).toBe('Emmanuel Macron');
    expect(
      speakers.filter(
        (s) => /^(?:he|she|they|it)$/i.test(s) || /Cambodia|Manet|Khmer|Phnom Penh|Reuters|AFP/.test(s),
      ),
    ).toEqual([]);
    expect(speakers).toContain('Kalle Lane');
  });
});

describe('citationLine', () => {
  it('adds a comma inside the closing mark of a quotation that does not end a sentence', () => {
    const q = engine.quote('hidden aims').quotes[0]!;
    expect(citationLine(q)).toBe(
      '“We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share,” Emmanuel Macron said (Brussels Morning Newspaper, c. 17 Feb 2022)',
    );
  });

  it('keeps the full stop of a quotation that ends a sentence instead of adding a comma after it', () => {
    const q = engine.quote('We will continue to ensure this unifying role').quotes[0]!;
    expect(citationLine(q)).toBe(
      '“We will continue to ensure this unifying role.” Emmanuel Macron said (Outlet not named, c. 17 Feb 2022)',
    );
  });

  it('says plainly when the article names no speaker', () => {
    const article = prepareArticle(
      {
        id: 'a',
        outlet: 'Test Outlet',
        title: null,
        published: '2022-08-15',
        url: null,
        language: 'en',
        sha256: '0'.repeat(64),
        inferred: {},
        furnitureHints: [],
      },
      'The town was quiet on Monday.\n\nThe base now stands “empty, silent and closed” at the edge of town.',
      'a.txt',
    );
    const corpus: Corpus = {
      dir: '.',
      articles: [article],
      byId: new Map([['a', article]]),
      passages: article.passages,
    };
    const [q] = new QuotationIndex(corpus).all();
    expect(citationLine(q!)).toBe(
      '“empty, silent and closed,” the article says, without naming a speaker (Test Outlet, 15 Aug 2022)',
    );
  });
});

describe('quotation lookup with misspellings', () => {
  it('finds a speaker whose name is misspelt by two letters', () => {
    const r = engine.quote('Lambrekt');
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Christine Lambrecht']);
  });

  it('finds a speaker whose short name is misspelt by one letter', () => {
    expect(new Set(engine.quote('Borel').quotes.map((q) => q.speaker))).toEqual(new Set(['Josep Borrell']));
  });
});

/** A quotation index over one article given as text (English unless said). */
function indexOf(text: string, language = 'en'): QuotationIndex {
  const article = prepareArticle(
    {
      id: 'a',
      outlet: 'Test Outlet',
      title: null,
      published: '2022-08-15',
      url: null,
      language,
      sha256: '0'.repeat(64),
      inferred: {},
      furnitureHints: [],
    },
    text,
    'a.txt',
  );
  return new QuotationIndex({
    dir: '.',
    articles: [article],
    byId: new Map([['a', article]]),
    passages: article.passages,
  });
}

describe('quotation lookup by the speaker’s role', () => {
  it('never ranks a body first because its name ends in the role a query names ("Council of ministers" for "minister")', () => {
    const index = indexOf(
      '“The mission ends on November 15 with the handover of its last camp to the Malian authorities,” the Council of ministers said.\n\n' +
        '“The mission was not in a position to meet the expectations of the Malian people,” said Malian Foreign Minister Abdoulaye Diop.',
    );
    const [first] = index.lookup('malian foreign minister on the mission letting malians down').quotes;
    expect([first?.speaker, first?.text]).toEqual([
      'Abdoulaye Diop',
      'The mission was not in a position to meet the expectations of the Malian people',
    ]);
  });

  it('still ranks first the quotation of a speaker the query names by surname', () => {
    const index = indexOf(
      '“The camp has played a crucial role in the mission,” said UN Under-Secretary-General Atul Khare.\n\n' +
        '“The mission has played no role at all,” said Malian Foreign Minister Abdoulaye Diop.',
    );
    expect(index.lookup('diop on the role of the mission').quotes[0]?.speaker).toBe('Abdoulaye Diop');
  });

  it('finds a French body by an English query naming its office ("general staff" for « l’état-major »)', () => {
    const index = indexOf(
      "« Il n'est pas envisagé de transférer Takuba au Niger », a indiqué l'état-major français.\n\n" +
        "« Takuba a été un succès pour l'Europe », a déclaré Jean Dupont, chercheur à l'Ifri.",
      'fr',
    );
    const [first] = index.lookup('french general staff on takuba').quotes;
    expect([first?.speaker, first?.text]).toEqual([
      "l'état-major français",
      "Il n'est pas envisagé de transférer Takuba au Niger",
    ]);
  });

  it('finds a speaker by a role printed in apposition with no comma before the verb', () => {
    const index = indexOf(
      "Le porte-parole de l'état-major, le colonel Pascal Ianni, a évoqué à Paris un inventaire « documenté » face aux accusations du gouvernement de transition.\n\n" +
        'Le colonel Abdoulaye Maïga, ministre et porte-parole du gouvernement de transition avait déjà accusé mercredi la France de conserver ses « réflexes coloniaux ».',
      'fr',
    );
    const [first] = index.lookup(
      'porte-parole du gouvernement de transition accuse paris de colonialisme',
    ).quotes;
    expect([first?.speaker, first?.text]).toEqual(['Abdoulaye Maïga', 'réflexes coloniaux']);
  });

  it('finds a body by the description the corpus prints beside its name ("the Russia-backed Wagner Group of mercenaries")', () => {
    const index = indexOf(
      'The Russia-backed Wagner Group of mercenaries said on Friday it was leaving Mali.\n\n' +
        '“We bid farewell to the group,” said Malian Foreign Minister Abdoulaye Diop.\n\n' +
        'The army took over the camps in the north.\n\n' +
        '“Mission accomplished. Wagner returns home,” the Wagner Group announced.',
    );
    const [first] = index.lookup('russia-backed mercenary group farewell').quotes;
    expect([first?.speaker, first?.text]).toEqual([
      'Wagner Group',
      'Mission accomplished. Wagner returns home',
    ]);
  });

  it('finds a foreign minister, and the EU’s foreign policy chief, by "top diplomat"', () => {
    const index = indexOf(
      '“Mali must answer for this,” French Foreign Minister Jean-Yves Le Drian said.\n\n' +
        '“The junta in Mali has chosen isolation,” said the spokesman Olivier Salgado.\n\n' +
        '“The European Union waits for an answer from the junta,” EU foreign policy chief Josep Borrell said.',
    );
    expect(index.lookup('french top diplomat on mali junta').quotes[0]?.speaker).toBe('Jean-Yves Le Drian');
    expect(index.lookup('eu top diplomat on mali junta').quotes[0]?.speaker).toBe('Josep Borrell');
  });
});
