/**
 * Speakers on pages of outlets the rules were not written on: pronouns, places and phrases that
 * are nobody, each in a short article of our own wording.
 */
import { describe, expect, it } from 'vitest';
import { QuotationIndex } from '../../src/engine/quotes.js';
import { buildCorpus } from '../support/memory-corpus.js';

/** Every quotation of a one-article corpus, as [quoted words, speaker]. */
function speakers(text: string, language = 'en'): Array<[string, string | null]> {
  const corpus = buildCorpus([['page', 'Some Outlet', text, language]]);
  return new QuotationIndex(corpus).inArticle('page').map((q) => [q.text, q.speaker]);
}

describe('speakers on new pages', () => {
  it('gives "…, soulignent-ils" to the pair of bodies the sentence names, never to a place', () => {
    expect(
      speakers(
        'Les pays du Golfe de Guinée craignent la contagion. « Faute de garanties de la junte », ' +
          "l'Allemagne et les autres membres de la mission « ont choisi de partir avant l'été », " +
          'expliquent-ils.\n',
        'fr',
      ),
    ).toEqual([
      ['Faute de garanties de la junte', "l'Allemagne et les autres membres de la mission"],
      ["ont choisi de partir avant l'été", "l'Allemagne et les autres membres de la mission"],
    ]);
  });

  it('reads past an aside between commas to the subject after a French verb of saying', () => {
    expect(
      speakers(
        "« La mission est terminée », rappelle, de son côté, l'Élysée. « Le Mali est dirigé par " +
          'des colonels », a ironisé, mardi soir sur une radio , le ministre des Affaires ' +
          'étrangères, Jean Dupuis, qui dénonce Wagner.\n',
        'fr',
      ),
    ).toEqual([
      ['La mission est terminée', "l'Élysée"],
      ['Le Mali est dirigé par des colonels', 'Jean Dupuis'],
    ]);
  });

  it('keeps the subject an aside holds: "a dit, dans la soirée le ministre X, à la télévision"', () => {
    expect(
      speakers(
        '« Vous ne pouvez pas rester », a dit, dans la soirée le ministre des affaires étrangères ' +
          'Moussa Traoré, à la télévision.\n',
        'fr',
      ),
    ).toEqual([['Vous ne pouvez pas rester', 'Moussa Traoré']]);
  });

  it('gives a quoted predicate to the subject printed just before its opening mark', () => {
    expect(
      speakers(
        'Foreign Minister Jean Dupuis had said the junta was “out of control”.\n\n' +
          'Malian officials “firmly rejected” the remarks.\n',
      ),
    ).toEqual([
      ['out of control', 'Jean Dupuis'],
      ['firmly rejected', 'Malian officials'],
    ]);
  });

  it('never gives a phrase that runs on to a preposition ("… fait suite aux") as a speaker', () => {
    expect(
      speakers(
        "La junte a expulsé l'ambassadeur lundi. Cette décision des autorités maliennes fait suite " +
          'aux « propos hostiles et outrageux » tenus à Paris.\n',
        'fr',
      ),
    ).toEqual([['propos hostiles et outrageux', null]]);
  });

  it('carries a press review back to the columnist who "said", past a person named as an object', () => {
    expect(
      speakers(
        'The war in the Sahel is far from over, said Marie Lambert in Le Soleil (Dakar). Paris ' +
          'first sent troops in 2013; but a rift with the junta has led President Macron to order a ' +
          'withdrawal.\nThe region is “awash with armed groups”. Yet France is “walking away from it”.\n',
      ),
    ).toEqual([
      ['awash with armed groups', 'Marie Lambert'],
      ['walking away from it', 'Marie Lambert'],
    ]);
  });

  it('still gives "…, X announced. “…”" to X, named after a verb but in a clause of their own', () => {
    expect(
      speakers(
        'The new strategy will be ready within six months, Emmanuel Macron announced. “We will ' +
          'consult our partners in the coming days” , did he declare.\n',
      ),
    ).toEqual([['We will consult our partners in the coming days', 'Emmanuel Macron']]);
  });

  it('leaves a dateline closed by a bullet out of the speaker', () => {
    expect(
      speakers(
        'NIAMEY (Niger) • Niger’s ruling junta has ended its accords with France, denouncing ' +
          '“repeated violations of our airspace” by French aircraft.\n',
      ),
    ).toEqual([['repeated violations of our airspace', 'Niger’s ruling junta']]);
  });

  it('carries a paragraph that only quotes to the body that spoke before, not to "X summoned the envoy"', () => {
    expect(
      speakers(
        'The Nigerien government summoned the French envoy, Marc Duval, on Monday and said he had ' +
          'two days to leave the country, according to a Nigerien government statement read on state ' +
          'television.\n\n“This measure follows the hostile remarks made recently by the French ' +
          'minister of foreign affairs and the repetition of such remarks despite our protests, which',
      ),
    ).toEqual([
      [
        'This measure follows the hostile remarks made recently by the French minister of foreign affairs and the repetition of such remarks despite our protests, which',
        'Nigerien government',
      ],
    ]);
  });

  it("takes a name in marks within body text for no one's words, but keeps it in a headline", () => {
    expect(
      speakers(
        'Les soldats ont quitté le « Camp de Gaulle » lundi, a déclaré le colonel Jean Dupuis, ' +
          'porte-parole de la force « Takuba ».\n',
        'fr',
      ),
    ).toEqual([]);
    expect(
      speakers(
        'Emmanuel Macron: France Will ‘Remain Engaged In The Sahel’\n\nThe president spoke on Friday.\n',
      ),
    ).toEqual([['Remain Engaged In The Sahel', 'Emmanuel Macron']]);
    // After a colon one capitalised word is an answer, not a name.
    expect(
      speakers('Interrogé sur un retour, le ministre Jean Dupuis a répondu : « Jamais ».\n', 'fr'),
    ).toEqual([['Jamais', 'Jean Dupuis']]);
  });

  it('gives a quoted sentence the speaker named after the quoted sentence that follows it', () => {
    expect(
      speakers(
        "La remise de la base à l'armée malienne a eu lieu lundi. « Ce transfert s'inscrit dans le " +
          'cadre fixé par le président ». « Il est préparé en toute transparence, en liaison avec ' +
          "l'armée malienne et les autorités de la région de Ménaka » a ajouté l'armée française.\n\n« Nous restons au Sahel. »\n",
        'fr',
      ),
    ).toEqual([
      ["Ce transfert s'inscrit dans le cadre fixé par le président", "l'armée française"],
      [
        "Il est préparé en toute transparence, en liaison avec l'armée malienne et les autorités de la région de Ménaka",
        "l'armée française",
      ],
      ['Nous restons au Sahel.', "l'armée française"],
    ]);
  });

  it('gives "X issued a statement that read" and "…, it read" to the issuer, never to the phrase', () => {
    expect(
      speakers(
        'The junta issued a statement that read: “The French ambassador must leave within 72 hours.”\n\n' +
          'The French army issued a statement on Monday. “The last detachment has crossed the ' +
          'border,” it read.\n',
      ),
    ).toEqual([
      ['The French ambassador must leave within 72 hours.', 'Junta'],
      ['The last detachment has crossed the border', 'French army'],
    ]);
  });

  it('reads "the French leader" as the one president the page names, unless a Malian one is', () => {
    const text = (title: string) =>
      `France will withdraw its troops from Mali, ${title} said on Thursday.\n\n` +
      '“Victory against terror is not possible if the state does not support it,” the French ' +
      'leader told a press conference.\n';
    expect(speakers(text('President Emmanuel Macron'))).toEqual([
      ['Victory against terror is not possible if the state does not support it', 'Emmanuel Macron'],
    ]);
    // A president whose title names another nationality is not "the French leader".
    expect(speakers(text('Malian President Assimi Goita'))).toEqual([
      ['Victory against terror is not possible if the state does not support it', 'French leader'],
    ]);
  });

  it('gives words judged in the passive before the quotation to the agent after it', () => {
    expect(
      speakers(
        "Le chef de la diplomatie française, Jean Dupuis, avait qualifié la junte d'« illégitime ». " +
          'Des propos jugés « méprisables et outrageux » par Abdoulaye Diop, le ministre malien.\n',
        'fr',
      ),
    ).toEqual([
      ['illégitime', 'Jean Dupuis'],
      ['méprisables et outrageux', 'Abdoulaye Diop'],
    ]);
    expect(speakers('The remarks were described as “hostile and outrageous” by Abdoulaye Diop.\n')).toEqual([
      ['hostile and outrageous', 'Abdoulaye Diop'],
    ]);
    // Active, not passive: the statement's words, whoever the "by" after them names.
    expect(
      speakers(
        'France and its allies have announced a “coordinated withdrawal” of their forces. A joint ' +
          'statement cited “multiple obstructions” by the junta.\n',
      ),
    ).toEqual([
      ['coordinated withdrawal', 'France and its allies'],
      ['multiple obstructions', 'France and its allies'],
    ]);
  });

  it('reads "a t-il indiqué" and "a t il dit", typed without a hyphen, as "a-t-il"', () => {
    expect(
      speakers(
        'Le général Jean Dupuis a tenu une conférence de presse lundi. « Le départ a été conduit en ' +
          'bon ordre », a t-il indiqué. « Nous restons au Sahel », a t il dit.\n',
        'fr',
      ),
    ).toEqual([
      ['Le départ a été conduit en bon ordre', 'Jean Dupuis'],
      ['Nous restons au Sahel', 'Jean Dupuis'],
    ]);
  });
  it('gives the words of a resolution or a review to the body that adopted or published it', () => {
    expect(
      speakers(
        'Le Conseil de sécurité a mis un terme vendredi à la mission. La résolution adoptée à ' +
          "l'unanimité stipule que les soldats partiront « d'ici le 31 décembre ».\n",
        'fr',
      ),
    ).toEqual([["d'ici le 31 décembre", 'Le Conseil de sécurité']]);
    expect(
      speakers(
        "His speech came as France's defense ministry published a review this week.\n\n" +
          'The new Strategic Review described a “fracturing of the world order” that needs answers.\n',
      ),
    ).toEqual([['fracturing of the world order', "France's defense ministry"]]);
    // A quotation its own sentence attributes keeps its speaker, whatever document opens it.
    expect(
      speakers(
        'The Security Council voted on Friday. The report is “a step back for the people of Mali,” ' +
          'Jean Dupuis said.\n',
      ),
    ).toEqual([['a step back for the people of Mali', 'Jean Dupuis']]);
  });
  it('gives the quotation inside "comments from X that …" to X, the author of the comments', () => {
    expect(
      speakers(
        'This comes after comments Friday from Foreign Minister Jean Dupuis that the junta, led by ' +
          'a colonel, was "out of control," reports CNN.\n',
      ),
    ).toEqual([['out of control', 'Jean Dupuis']]);
    expect(
      speakers(
        'Bamako a réagi aux propos du ministre Jean Dupuis selon lesquels la junte est « hors de ' +
          'contrôle depuis des mois ».\n',
        'fr',
      ),
    ).toEqual([['hors de contrôle depuis des mois', 'Jean Dupuis']]);
    // A verb of saying inside the clause names its own speaker.
    expect(
      speakers(
        'After comments from Jean Dupuis that the army, Paul Martin said, had been "out of control ' +
          'for months," the talks stopped.\n',
      ),
    ).toEqual([['out of control for months', 'Paul Martin']]);
  });
});
