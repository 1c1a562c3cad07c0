import { describe, expect, it } from 'vitest';
import { prepareArticle, type Corpus } from '../../src/corpus/load.js';
import { articleOfPage, corpusOfArticle, readAnnotatedPages } from '../../src/corpus/measure.js';
import { QuotationIndex, quotationSpans } from '../../src/engine/quotes.js';
import { PAGE_FIXTURES_DIR } from '../support/page-annotations.js';

/** The quotations of one article given as text, as "speaker: words". */
function speakers(text: string, language = 'en'): string[] {
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
  const corpus: Corpus = {
    dir: '.',
    articles: [article],
    byId: new Map([['a', article]]),
    passages: article.passages,
  };
  return new QuotationIndex(corpus).inArticle('a').map((q) => `${q.speaker ?? '(none)'}: ${q.text}`);
}

describe('speaker attribution', () => {
  it('gives a statement to the body that issued it, never to "statement"', () => {
    expect(
      speakers(
        'The defence ministry announced on Monday that the last troops had left.\n\n“The withdrawal is complete,” the statement said.',
      ),
    ).toEqual(['Defence ministry: The withdrawal is complete']);
    expect(
      speakers('“The Barkhane force has been reorganized,” the French army statement said Monday.'),
    ).toEqual(['French army: The Barkhane force has been reorganized']);
    expect(speakers('“The mission is over,” a statement said.')).toEqual(['(none): The mission is over']);
  });

  it('resolves "he said" and a surname to the nearest person this article names', () => {
    expect(
      speakers(
        'Colonel Souleymane Dembélé, an army spokesman, spoke in Bamako.\n\n“We are ready,” he said. Later Dembélé added: “Nothing is left behind.”',
      ),
    ).toEqual(['Souleymane Dembélé: We are ready', 'Souleymane Dembélé: Nothing is left behind.']);
  });

  it('never takes an adverb, a time or a verb phrase for the speaker', () => {
    expect(
      speakers(
        'President Emmanuel Macron spoke.\n\nMacron has previously said that the “heart” of the operation will move.',
      ),
    ).toEqual(['Emmanuel Macron: heart']);
    expect(
      speakers(
        'France and its partners involved in Mali, in addition to Canada, on Thursday announced a “coordinated withdrawal”.',
      ),
    ).toEqual(['France and its partners: coordinated withdrawal']);
  });

  it('gives a statement signed by several parties to them, and reads doubled single marks', () => {
    expect(
      speakers(
        'A statement signed by France and its African and European allies and published on Thursday said that “multiple obstructions” made it impossible.\n\n“The conditions are no longer met,” the statement said.',
      ),
    ).toEqual([
      'France and its African and European allies: multiple obstructions',
      'France and its African and European allies: The conditions are no longer met',
    ]);
    const text = 'Il est donc prévu ‘’un retrait coordonné des moyens militaires’’ du Mali.';
    expect(
      quotationSpans(text, { start: 0, end: text.length }).map((q) => text.slice(q.start, q.end)),
    ).toEqual(['un retrait coordonné des moyens militaires']);
  });

  it('takes no lone common word for a speaker, but lets a capital speak for its government', () => {
    expect(
      speakers('Assertion: “France has failed in the Sahel”\n\nThe debate went on in Bamako for weeks.'),
    ).toEqual(['(none): France has failed in the Sahel']);
    expect(speakers('Paris said it would “stay engaged” in the region.')).toEqual(['Paris: stay engaged']);
  });

  it('gives a paragraph that only continues a quotation to the same speaker', () => {
    expect(
      speakers(
        '“Takuba is a success,” the task force said in a statement.\n\n“More than ten countries took part.”',
      ),
    ).toEqual(['Task force: Takuba is a success', 'Task force: More than ten countries took part.']);
  });

  it('reads French quotations in « » with inverted and "selon" attribution', () => {
    expect(
      speakers(
        [
          'Le président Emmanuel Macron a pris la parole à Bruxelles.',
          '« Nous ne pouvons pas rester engagés militairement », a-t-il justifié.',
          '« Je ne transigerai pas une seconde sur leur sécurité », a lancé Emmanuel Macron au cours de cette sortie médiatique.',
          'Pour le colonel Abdoulaye Maïga, l’annonce est une « violation flagrante » des accords.',
          '« Le retrait prendra du temps », a déclaré le colonel Maïga.',
          'Le calendrier reste « à préciser », selon l’état-major des armées.',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'Emmanuel Macron: Nous ne pouvons pas rester engagés militairement',
      'Emmanuel Macron: Je ne transigerai pas une seconde sur leur sécurité',
      'Abdoulaye Maïga: violation flagrante',
      'Abdoulaye Maïga: Le retrait prendra du temps',
      'l’état-major des armées: à préciser',
    ]);
  });

  it('gives a heading that quotes the body the body’s speaker', () => {
    expect(
      speakers(
        '« Violation flagrante »\n\nPour le colonel Abdoulaye Maïga, l’annonce est une « violation flagrante » des accords.',
        'fr',
      ),
    ).toEqual(['Abdoulaye Maïga: Violation flagrante', 'Abdoulaye Maïga: violation flagrante']);
  });

  it('reads common English attribution: told, said X with an apposition, according to, an attribution in the next sentence', () => {
    expect(
      speakers(
        [
          '“There is bound to be an impact,” said Olivier Salgado, the spokesman for MINUSMA.',
          '“It is over,” Colonel Pascal Ianni, spokesman for the French general staff, said.',
          'According to the French presidency, “the fight goes on”.',
          'The junta’s spokesman, Colonel Abdoulaye Maiga, said on television that “the accords are void”.',
          'President Emmanuel Macron spoke in Paris. “We cannot remain. We will go to Niger.” Macron said.',
          'The French armed forces ministry said the last soldiers had left. “The mission is over,” it said.',
        ].join('\n\n'),
      ),
    ).toEqual([
      'Olivier Salgado: There is bound to be an impact',
      'Pascal Ianni: It is over',
      'French presidency: the fight goes on',
      'Abdoulaye Maiga: the accords are void',
      'Emmanuel Macron: We cannot remain. We will go to Niger.',
      'French armed forces ministry: The mission is over',
    ]);
  });

  it('reads French attribution to whom it was said, with the name in apposition, and -t-il', () => {
    expect(
      speakers(
        [
          'Le président Macron s’est exprimé à Paris.',
          '« Nous restons au Sahel », affirme-t-il.',
          '« Nous partons », a affirmé à l’AFP le porte-parole du gouvernement, Abdoulaye Maïga.',
          'Le ministère des Armées a indiqué dans un communiqué que « tous les soldats ont quitté le Mali ».',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'Macron: Nous restons au Sahel',
      'Abdoulaye Maïga: Nous partons',
      'Le ministère des Armées: tous les soldats ont quitté le Mali',
    ]);
  });
});

describe('speaker attribution: antecedents, appositions, bodies and scare quotes', () => {
  it('resolves "he said" to the last person, never to a name that stands for a body', () => {
    expect(
      speakers(
        [
          'French President Emmanuel Macron spoke on Thursday.',
          'He added that France’s Sabre special forces would remain in Burkina Faso.',
          'Macron also said the forces would help the Gulf of Guinea.',
          '“These states are increasingly exposed to terrorism,” he said.',
        ].join('\n\n'),
      ),
    ).toEqual(['Emmanuel Macron: These states are increasingly exposed to terrorism']);
  });

  it('gives a quotation to the person named beside their role, in either order', () => {
    expect(
      speakers(
        [
          'Olivier Salgado, the spokesman for the MINUSMA peacekeeping mission in Mali, told the AFP news agency that “there is bound to be an impact” on its operation.',
          '“We will adapt,” a spokesman for the UN mission, Aminata Diallo, told reporters.',
        ].join('\n\n'),
      ),
    ).toEqual(['Olivier Salgado: there is bound to be an impact', 'Aminata Diallo: We will adapt']);
  });

  it('merges a surname with the full name given later, and reads "according to" a surname', () => {
    expect(
      speakers(
        '“We cannot stay,” Le Drian told reporters. Jean-Yves Le Drian is France’s foreign minister.\n\nAccording to Parly, “the mission goes on”.',
      ),
    ).toEqual(['Jean-Yves Le Drian: We cannot stay', 'Parly: the mission goes on']);
  });

  it('names a body by its role with the fuller name the article gives it', () => {
    expect(
      speakers(
        '“The last soldiers have crossed into Niger,” the defence ministry said in a statement.\n\nFrance’s defence ministry later confirmed the date.',
      ),
    ).toEqual(['France’s defence ministry: The last soldiers have crossed into Niger']);
    expect(
      speakers(
        'La France et l’Union européenne quittent le Mali. La France et l’UE estiment que « les conditions ne sont plus réunies ».',
        'fr',
      ),
    ).toEqual(['La France et l’Union européenne: les conditions ne sont plus réunies']);
  });

  it('reads French attribution after the quotation with asides, "il" standing for a body, and selon X, role, name', () => {
    expect(
      speakers(
        [
          'Le président français Emmanuel Macron était à Bruxelles.',
          '« Le dernier détachement a franchi la frontière », a fait savoir l’état-major français dans un communiqué. Barkhane « s’est réarticulée hors du pays », a-t-il ajouté.',
          '« La France reste engagée au Sahel », a souligné dans un autre communiqué la présidence française, ainsi que « dans le Golfe de Guinée ».',
          'Selon la ministre des Armées, Florence Parly, « la mission continue ».',
          'Pour Emmanuel Macron, « la France a joué un rôle fédérateur ».',
          '« Nous partons », a indiqué lundi à l’AFP le porte-parole de l’état-major, le colonel Pascal Ianni.',
          'Le président a aussitôt réagi, en disant que « la France se retirera en bon ordre ».',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'l’état-major français: Le dernier détachement a franchi la frontière',
      'l’état-major français: s’est réarticulée hors du pays',
      'la présidence française: La France reste engagée au Sahel',
      'la présidence française: dans le Golfe de Guinée',
      'Florence Parly: la mission continue',
      'Emmanuel Macron: la France a joué un rôle fédérateur',
      'Pascal Ianni: Nous partons',
      'Emmanuel Macron: la France se retirera en bon ordre',
    ]);
  });

  it('gives a quotation spanning two paragraphs to the speaker named at its end', () => {
    expect(
      speakers(
        'President Emmanuel Macron spoke in Paris.\n\n“We cannot remain militarily engaged alongside de facto authorities.\n\n“We will leave in an orderly manner,” Macron said.',
      ),
    ).toEqual([
      'Emmanuel Macron: We cannot remain militarily engaged alongside de facto authorities.',
      'Emmanuel Macron: We will leave in an orderly manner',
    ]);
  });

  it('takes scare quotes for no quotation, but keeps a short quotation someone said', () => {
    expect(
      speakers(
        'The allies promised to keep up the so-called fight against “terrorism” in Niger. The “emprises” were handed over.\n\nPresident Emmanuel Macron spoke. Macron has previously said that the “heart” of the operation will move.',
      ),
    ).toEqual(['Emmanuel Macron: heart']);
  });
});

describe('speaker attribution: issuers, relative clauses and predicates', () => {
  it('gives a statement to those who issued it, and a name in a translation to no one', () => {
    expect(
      speakers(
        [
          'After an audio conference on Friday, representatives of 13 countries – Belgium, France and Germany among them – issued a statement on the mission.',
          'The statement said Takuba, which means “sabre” in Tuareg, is planned “to have an initial operational capability by the summer”.',
        ].join('\n\n'),
      ),
    ).toEqual(['Representatives of 13 countries: to have an initial operational capability by the summer']);
  });

  it('reads a relative clause, a palace, and a quotation that is the predicate of its subject', () => {
    expect(
      speakers(
        [
          'This intervention triggered threats from MUJAO, which declared its will to “strike the heart of France,” reports a newspaper.',
          '“We condemn the attempted revolt under way,” the Elysee Palace said in an announcement.',
          'A statement signed by France and its allies said the conditions were not met. The allies, therefore “decided to commence the coordinated withdrawal”.',
        ].join('\n\n'),
      ),
    ).toEqual([
      'MUJAO: strike the heart of France',
      'Elysee Palace: We condemn the attempted revolt under way',
      'France and its allies: decided to commence the coordinated withdrawal',
    ]);
  });

  it('takes "the French army statement" for the statement the article introduced as the French military’s', () => {
    expect(
      speakers(
        'The last unit left on Monday, according to a statement from the French military.\n\n“The force has been reorganized,” the French army statement said.',
      ),
    ).toEqual(['French military: The force has been reorganized']);
  });

  it('lets "he" stand for a person quoted by surname alone', () => {
    expect(
      speakers(
        'Responding to a question, Macron said: “Our ambassador will return to France.”\n\nHe did not give a timeframe, but said the troops would leave “in an orderly manner”.',
      ),
    ).toEqual(['Macron: Our ambassador will return to France.', 'Macron: in an orderly manner']);
  });

  it('reads plural French verbs of saying and "selon une dépêche de X"', () => {
    expect(
      speakers(
        [
          '« Nous restons engagés au Sahel », indiquent les autorités françaises.',
          'Selon une dépêche de LSI Africa, il s’agira de discuter de « l’avenir du groupement Takuba ».',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'les autorités françaises: Nous restons engagés au Sahel',
      'LSI Africa: l’avenir du groupement Takuba',
    ]);
  });
});

describe('attribution that no list of verbs or names could cover', () => {
  it('reads any French participle after a closing mark, inverted with or without "-t-"', () => {
    expect(
      speakers(
        [
          '« Nous aimerions que tout se passe très bien », a rassuré le colonel Mamane Sani Kiaou, chef d’état-major de l’armée nigérienne.',
          'Le président Emmanuel Macron était à Bruxelles. « Je ne le ferai qu’à la demande du président Bazoum », avait-il fait savoir lors d’une conférence de presse.',
          'Le général Laurent Michon a visité Gao. « Nous partons en bon ordre », a - t-il tempéré.',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'Mamane Sani Kiaou: Nous aimerions que tout se passe très bien',
      'Emmanuel Macron: Je ne le ferai qu’à la demande du président Bazoum',
      'Laurent Michon: Nous partons en bon ordre',
    ]);
  });

  it('gives a body named with its acronym the name the page spells out in brackets', () => {
    expect(
      speakers(
        [
          '« Les 400 soldats de Ouallam partiront les premiers », a indiqué le Conseil national pour la sauvegarde de la patrie (CNSP) dans un communiqué.',
          '« La base a été remise aux autorités du Niger », indique le communiqué du CNSP.',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'le Conseil national pour la sauvegarde de la patrie: Les 400 soldats de Ouallam partiront les premiers',
      'le Conseil national pour la sauvegarde de la patrie: La base a été remise aux autorités du Niger',
    ]);
  });

  it('reads an unlisted English verb right after the quotation, and "…, says X" closing the sentence', () => {
    expect(
      speakers(
        [
          'French President Emmanuel Macron spoke on television.',
          '“We are not there to be hostages of putschists,” quipped Macron.',
          '“The flags were lowered,” the Burkinabe general staff announced in a statement.',
          '“The remaining equipment will leave by road”, specifies the press release.',
          'The ambassador is being ‘held hostage at the French embassy’ in Niamey, says Macron.',
        ].join('\n\n'),
      ),
    ).toEqual([
      'Emmanuel Macron: We are not there to be hostages of putschists',
      'Burkinabe general staff: The flags were lowered',
      'Burkinabe general staff: The remaining equipment will leave by road',
      'Emmanuel Macron: held hostage at the French embassy',
    ]);
  });

  it('gives a statement "of" a body to that body, never to a "General" found in its name', () => {
    expect(
      speakers(
        'French Defense Minister Sebastien Lecornu confirmed the departure.\n\n“The flags were lowered at the base,” the statement of the General Staff of the country’s Armed Forces, published on social networks, said.',
      ),
    ).toEqual(['General Staff of the country’s Armed Forces: The flags were lowered at the base']);
  });

  it('resolves "the French leader", "le chef de l’État" and "le ministre" to the person the page gave that office', () => {
    expect(
      speakers(
        'French President Emmanuel Macron met African leaders in Paris. The French leader said the fight “must go on”.',
      ),
    ).toEqual(['Emmanuel Macron: must go on']);
    expect(
      speakers(
        [
          'Le président Emmanuel Macron a tenu une conférence de presse.',
          'Le chef de l’État a déclaré : « Nous ne resterons pas. »',
          'Le ministre des Affaires étrangères, Jean-Yves Le Drian, était à Bruxelles.',
          'Le ministre a ajouté : « Nous restons engagés. »',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual(['Emmanuel Macron: Nous ne resterons pas.', 'Jean-Yves Le Drian: Nous restons engagés.']);
  });

  it('takes the minister named last when the page names several', () => {
    expect(
      speakers(
        [
          'Foreign Minister Jean-Yves Le Drian spoke in Brussels on Monday.',
          'Defence Minister Florence Parly visited Gao on Tuesday.',
          'The minister said the soldiers had “done their duty”.',
        ].join('\n\n'),
      ),
    ).toEqual(['Florence Parly: done their duty']);
  });

  it('lets "elle" stand for a feminine body that spoke last, not for the last man named', () => {
    expect(
      speakers(
        'Le retrait a été annoncé par Emmanuel Macron le 24 septembre. La junte nigérienne a déclaré qu’elle veillerait au départ « dans le respect de nos intérêts ». Elle a appelé les citoyens à la vigilance pendant cette « période de transition ».',
        'fr',
      ),
    ).toEqual([
      'La junte nigérienne: dans le respect de nos intérêts',
      'La junte nigérienne: période de transition',
    ]);
  });

  it('lets "il" stand for a body that announced something since the last person was named', () => {
    expect(
      speakers(
        'Le président Emmanuel Macron était à Paris. L’état-major a annoncé lundi le départ des derniers soldats. « Le désengagement est terminé », a-t-il précisé.',
        'fr',
      ),
    ).toEqual(['L’état-major: Le désengagement est terminé']);
  });

  it('names a person the page calls by rank and one name with that rank ("le capitaine Yann")', () => {
    expect(
      speakers('Le capitaine Yann commande la base. « C’est particulier », raconte-t-il.', 'fr'),
    ).toEqual(['Le capitaine Yann: C’est particulier']);
  });

  it('gives the words of a statement to the issuer named before "issued a statement", and "the allies" to the allies named in full', () => {
    expect(
      speakers(
        [
          'After a conference, representatives of 13 countries – Belgium, France and Mali among them – issued a statement in which they committed to overcome the “terrorist groups’ resilience”.',
          'A statement signed by France and its African and European allies was published on Thursday.',
          'The allies, therefore “decided to commence the coordinated withdrawal”.',
        ].join('\n\n'),
      ),
    ).toEqual([
      'Representatives of 13 countries: terrorist groups’ resilience',
      'France and its African and European allies: decided to commence the coordinated withdrawal',
    ]);
  });

  it('gives a quotation whose sentence names no one to whoever speaks in the sentence before', () => {
    expect(
      speakers(
        'Le général Laurent Michon a annoncé lundi la fin de la mission. « Nous partons la tête haute. »',
        'fr',
      ),
    ).toEqual(['Laurent Michon: Nous partons la tête haute.']);
    expect(
      speakers(
        'The French defence ministry said the last soldiers had left on Monday. “The mission is over.”',
      ),
    ).toEqual(['French defence ministry: The mission is over.']);
  });

  it('carries a French paragraph’s speaker to the next paragraph’s quotation, and reads "c’est ce qu’a déclaré X"', () => {
    expect(
      speakers(
        [
          'Le ministre des Armées Sébastien Lecornu a déclaré lundi que la France partirait.',
          '« Nous partirons en bon ordre. »',
          '« Le retrait est terminé » : c’est ce qu’a annoncé l’état-major des armées.',
        ].join('\n\n'),
        'fr',
      ),
    ).toEqual([
      'Sébastien Lecornu: Nous partirons en bon ordre.',
      'l’état-major des armées: Le retrait est terminé',
    ]);
  });

  it('takes the subject before a colon without its verb of saying ("Le ministre a ajouté :")', () => {
    expect(speakers('Le ministre a ajouté : « Nous restons engagés. »', 'fr')).toEqual([
      'Le ministre: Nous restons engagés.',
    ]);
    expect(speakers('The spokesman added: “We are leaving.”')).toEqual(['Spokesman: We are leaving.']);
  });
});

/** The quotations found on one real page of the fixtures' `rules` split, as "speaker: words". */
function pageSpeakers(id: string): string[] {
  const page = readAnnotatedPages(`${PAGE_FIXTURES_DIR}/${id}.json`)[0]!;
  expect(page.annotation.split).toBe('rules');
  const article = articleOfPage(page);
  return new QuotationIndex(corpusOfArticle(article))
    .inArticle(article.meta.id)
    .map((q) => `${q.speaker ?? '(none)'}: ${q.text}`);
}

describe('speakers of quotations whose marks are printed the wrong way round', () => {
  it('attributes a quotation closed with an opening guillemet, as printed', () => {
    expect(
      speakers(
        "L'armée française a remis mardi la base de Gossi. « Le transfert de la base avancée de Gossi est effectif depuis la fin de matinée« , a indiqué le porte-parole de l'état-major, le colonel Pascal Ianni.",
        'fr',
      ),
    ).toEqual([
      'Pascal Ianni: Le transfert de la base avancée de Gossi est effectif depuis la fin de matinée',
    ]);
  });

  it('gives a summary that starts inside a quotation the words’ speaker named after it', () => {
    expect(
      speakers(
        'this redeployment has been effective," the Elysee said in a statement. "France remains engaged in Sahel," it said.',
      ),
    ).toEqual(['Elysee: this redeployment has been effective', 'Elysee: France remains engaged in Sahel']);
  });
});

describe('a body named by its noun alone takes the fuller name printed before it', () => {
  it('takes the nearest fuller name before the quotation, not one printed after it', () => {
    expect(
      speakers(
        'The Russia-backed Wagner Group said Friday it is leaving Mali.\n\n“Mission accomplished. Wagner returns home,” the group announced via Telegram.\n\nThe country still fights the Daesh group in the east.',
      ),
    ).toEqual(['Wagner Group: Mission accomplished. Wagner returns home']);
  });

  it('never completes a name that already says whose body it is, nor reads across paragraphs', () => {
    expect(
      speakers(
        'Photo by Jane Doe/AFP or licensors\n\nMali\'s transitional government demanded France leave "without delay" in February.',
      ),
    ).toEqual(["Mali's transitional government: without delay"]);
  });
});

describe('bodies that announce before their statement is quoted, and French verbs with an adverb inside', () => {
  it('gives "the statement said" to the body that confirmed the news on Monday, not to a capital named since', () => {
    expect(
      speakers(
        'The French military on Monday confirmed that its last soldier had left Mali.\n\nParis had announced it would withdraw its forces six months ago.\n\n“Today the final contingent crossed the border,” the statement said.',
      ),
    ).toEqual(['French military: Today the final contingent crossed the border']);
  });

  it('gives "peut-on lire dans le communiqué" to the body that speaks in the present before it', () => {
    expect(
      speakers(
        'Dans un communiqué, l’armée française indique que ses derniers soldats ont franchi la frontière.\n\n« Ce jour, les derniers militaires ont franchi la frontière », peut-on lire dans le communiqué.',
        'fr',
      ),
    ).toEqual(['l’armée française: Ce jour, les derniers militaires ont franchi la frontière']);
  });

  it('reads "avait déjà accusé", "avait, deux jours après, qualifié", "avaient annoncé" and "a dit, dans la soirée"', () => {
    expect(
      speakers(
        'La ministre des Armées, Florence Parly, avait déclaré que la junte multipliait « les provocations ». Son homologue Jean-Yves Le Drian avait, deux jours après, qualifié la junte « d’illégitime ».',
        'fr',
      ),
    ).toEqual(['Florence Parly: les provocations', 'Jean-Yves Le Drian: d’illégitime']);
    expect(
      speakers(
        'Le colonel Abdoulaye Maïga, porte-parole du gouvernement, avait déjà accusé la France d’« instrumentaliser » les organisations.',
        'fr',
      ),
    ).toEqual(['Abdoulaye Maïga: instrumentaliser']);
    expect(
      speakers('Les autorités tchadiennes avaient annoncé que la date serait « impérative ».', 'fr'),
    ).toEqual(['Les autorités tchadiennes: impérative']);
    expect(
      speakers(
        '« Vous ne pouvez pas être accrédité auprès d’autorités que vous ne reconnaissez pas », a dit, dans la soirée le ministre des affaires étrangères Abdoulaye Diop, à la télévision.',
        'fr',
      ),
    ).toEqual([
      'Abdoulaye Diop: Vous ne pouvez pas être accrédité auprès d’autorités que vous ne reconnaissez pas',
    ]);
  });
});

describe('English attribution: a name after its role, titles and adverbs, the passive', () => {
  it('gives the words to the name in apposition after the verb and the role', () => {
    expect(
      speakers(
        '“The transfer of the base has been effective since the end of the morning”, indicated the spokesman for the staff, Colonel Pascal Ianni, specifying that the base held 300 soldiers.',
      ),
    ).toEqual(['Pascal Ianni: The transfer of the base has been effective since the end of the morning']);
  });

  it('drops a hyphenated title from the name and an adverb after the subject', () => {
    expect(
      speakers(
        'The camp “has played a crucial role”, said UN Under-Secretary-General Atul Khare at the ceremony.',
      ),
    ).toEqual(['Atul Khare: has played a crucial role']);
    expect(
      speakers(
        'They included General Pascal Ianni, the head of the French forces in Africa.\n\nThe French general however insisted that the pull-out “takes nothing away from the sacrifices made”.',
      ),
    ).toEqual(['Pascal Ianni: takes nothing away from the sacrifices made']);
  });

  it('reads "voiced" and "criticized" as verbs of saying, and never a verb in the passive', () => {
    expect(
      speakers('EU foreign affairs chief Josep Borrell voiced "solidarity" with France and Denmark.'),
    ).toEqual(['Josep Borrell: solidarity']);
    expect(
      speakers(
        '"The Government of Mali gives him 72 hours to leave," the Malian government said in a statement.\n\nIt is noted that this decision was caused by "hostile and outrageous" statements by the French minister.',
      ),
    ).toEqual([
      'Malian government: The Government of Mali gives him 72 hours to leave',
      'Malian government: hostile and outrageous',
    ]);
    expect(
      speakers(
        'The Burkinabè government specified that it was the agreement that was denounced by the authorities, not “ the end of diplomatic relations “.',
      ),
    ).toEqual(['Burkinabè government: the end of diplomatic relations']);
  });
});

describe('partial quotations later in a sentence', () => {
  it('never reads a verb inside an earlier quotation as the attribution of a later one', () => {
    expect(
      speakers(
        '"Le réalisme impose le constat de l’échec de la Minusma, dont le mandat ne répond pas aux défis", dénonçait le ministre malien des Affaires étrangères, Abdoulaye Diop, réclamant le "retrait sans délai" de la force.',
        'fr',
      ),
    ).toEqual([
      'Abdoulaye Diop: Le réalisme impose le constat de l’échec de la Minusma, dont le mandat ne répond pas aux défis',
      'Abdoulaye Diop: retrait sans délai',
    ]);
  });

  it('never takes the object of a present participle after a quotation for its speaker', () => {
    expect(
      speakers(
        'Les Casques bleus organiseront leur départ "d\'ici le 31 décembre", officialisant la fin de la mission déployée depuis 2013.',
        'fr',
      ),
    ).toEqual(["(none): d'ici le 31 décembre"]);
  });
});

describe('a person called by their office after being named', () => {
  it('gives a definite office no one in the corpus holds to the person just named without a role', () => {
    expect(
      speakers(
        'Sylvain Itté, l’ambassadeur de France au Niger, a quitté le pays. Emmanuel Macron avait annoncé son rapatriement dimanche. Quelques jours plus tôt, le chef de l’État avait déclaré que l’ambassadeur était pris en « otage » par les militaires.',
        'fr',
      ),
    ).toEqual(['Emmanuel Macron: otage']);
    expect(
      speakers(
        'The decision followed remarks by Jean-Yves Le Drian on Friday.\n\nThe French foreign minister had called the junta “illegitimate”.',
      ),
    ).toEqual(['Jean-Yves Le Drian: illegitimate']);
  });

  it('never gives an office to someone the article gives another role, nor a plural office to anyone', () => {
    expect(
      speakers(
        'Sylvain Itté, l’ambassadeur de France au Niger, a quitté le pays. Le ministre a déclaré que l’ambassadeur était un « otage ».',
        'fr',
      ),
    ).toEqual(['Le ministre: otage']);
    expect(
      speakers(
        'The decision followed remarks by Jean-Yves Le Drian on Friday.\n\nThe ministers had called the junta “illegitimate”.',
      ),
    ).toEqual(['(none): illegitimate']);
  });
});

describe('quotations attributed later in their sentence or by "the same source"', () => {
  it('gives earlier quotations of a sentence the speaker named after its last one', () => {
    expect(
      speakers(
        'Les autorités maliennes ont justifié cet acte par des déclarations « hostiles ». La France a « pris note » de la décision et « décidé de rappeler son ambassadeur » dit le Quai d’Orsay.',
        'fr',
      ),
    ).toEqual([
      'Les autorités maliennes: hostiles',
      'le Quai d’Orsay: pris note',
      'le Quai d’Orsay: décidé de rappeler son ambassadeur',
    ]);
    expect(
      speakers(
        'Les véhicules de Faya Largeau doivent être "rapatriés en France via le port de Douala" et "le trajet maritime prendra trois semaines" selon un responsable de l\'armée française cité dans une publication du ministère.',
        'fr',
      ),
    ).toEqual([
      "Un responsable de l'armée française: rapatriés en France via le port de Douala",
      "Un responsable de l'armée française: le trajet maritime prendra trois semaines",
    ]);
  });

  it('gives "the same source" the words of the source quoted before', () => {
    expect(
      speakers(
        '“Officially, Wagner is no longer present in Mali,” one diplomatic source in the Sahel region said.\n\nMali has never admitted Wagner’s presence.\n\n“The Kremlin remains in control,” the same diplomatic source added.',
      ),
    ).toEqual([
      'One diplomatic source in the Sahel region: Officially, Wagner is no longer present in Mali',
      'One diplomatic source in the Sahel region: The Kremlin remains in control',
    ]);
  });

  it('reads a body spelt without its accent, and a straight mark between two letters as an apostrophe', () => {
    expect(
      speakers(
        'La base de Faya a été "rétrocédée" jeudi à l"armée tchadienne, moins d\'un mois après l\'annonce, a annoncé l\'Etat-major tchadien dans un communiqué.',
        'fr',
      ),
    ).toEqual(["l'Etat-major tchadien: rétrocédée"]);
  });
});

describe('a passive verb before a quotation and a rank in apposition', () => {
  it('reads the attribution closing a sentence whose opening verb is passive, and a lieutenant named after his role', () => {
    expect(
      speakers(
        'The ceremony was concluded with the “signing” of a “joint document” by the two chiefs of staff, said Lieutenant Salim Ibrahim.',
      ),
    ).toEqual(['Salim Ibrahim: signing', 'Salim Ibrahim: joint document']);
    expect(
      speakers(
        'The last French soldiers left on Friday. “Today marks the end of the process,” declared a lieutenant in the Nigerien army, Salim Ibrahim.',
      ),
    ).toEqual(['Salim Ibrahim: Today marks the end of the process']);
  });
});

describe('the speaker going on, and a pronoun for the sentence’s own subject', () => {
  it('gives "And to add:" and "Et d’ajouter :" to the one who spoke last', () => {
    expect(
      speakers(
        'Estonian Defense Minister Kalle Laanet announced the withdrawal.\n\nLaanet explained: “It is not possible to continue under such conditions.”\n\nAnd to add: “The European allies stressed that it is no longer possible to continue the mission.”',
      ),
    ).toEqual([
      'Kalle Laanet: It is not possible to continue under such conditions.',
      'Kalle Laanet: The European allies stressed that it is no longer possible to continue the mission.',
    ]);
    expect(
      speakers(
        '« Nous partons », a déclaré le ministre des Affaires étrangères Jeppe Kofod.\n\nEt d’ajouter : « Le Danemark n’est pas le bienvenu. »',
        'fr',
      ),
    ).toEqual(['Jeppe Kofod: Nous partons', 'Jeppe Kofod: Le Danemark n’est pas le bienvenu.']);
  });

  it('reads "selon elle" as the body the sentence opens with, and "ont réitéré" with an aside after it', () => {
    expect(
      speakers(
        'La junte malienne a ordonné la suspension de France 24 en raison, selon elle, de "fausses allégations" d\'exactions.',
        'fr',
      ),
    ).toEqual(['La junte malienne: fausses allégations']);
    expect(
      speakers(
        'Les autorités de transition au Mali ont réitéré, dans la nuit de mercredi à jeudi, « avec insistance » leur demande.',
        'fr',
      ),
    ).toEqual(['Les autorités de transition au Mali: avec insistance']);
  });

  it('never gives an office to a country the page names like a person ("Le Danemark")', () => {
    expect(
      speakers(
        'Le Danemark a décidé de retirer ses soldats. De son côté, la ministre danoise de la Défense a indiqué que le rapatriement allait « prendre un peu de temps ».',
        'fr',
      ),
    ).toEqual(['la ministre danoise de la Défense: prendre un peu de temps']);
  });
});

describe('no nationality, preposition or time as a speaker', () => {
  it('never gives words to "Ivorian", to a phrase opening with "With", nor a time to a body’s name', () => {
    expect(speakers('The Ivorian soldiers were arrested. Ivorian said they were “mercenaries”.')).toEqual([
      '(none): mercenaries',
    ]);
    expect(speakers('With no mission in place, the Malian authorities called them “mercenaries”.')).toEqual([
      'Malian authorities: mercenaries',
    ]);
    expect(
      speakers('Last week a foreign ministry source said the ban covered “civil society organizations”.'),
    ).toEqual(['Foreign ministry source: civil society organizations']);
  });
});

describe('descriptions that are no name', () => {
  it('never gives the words to a clause with a present participle, nor to one word of a description', () => {
    expect(
      speakers(
        'Des dizaines de personnes dans la ville de Gao, la dernière ville comprenant des forces françaises, ont protesté contre la présence de "la force d’occupation".',
        'fr',
      ),
    ).toEqual(['(none): la force d’occupation']);
    expect(
      speakers(
        'A Telegram account affiliated with Wagner said: “Mission accomplished. PMC Wagner is going home.”',
      ),
    ).toEqual(['A Telegram account affiliated with Wagner: Mission accomplished. PMC Wagner is going home.']);
  });
});

describe('speaker attribution on real pages of the rules split', () => {
  it('gives the AP page’s statement to the French military that issued it, and “heart” to Macron', () => {
    expect(pageSpeakers('yahoo-2022-08-15-last-group-soldiers-left-mali')).toEqual([
      'French military: the Barkhane force has been reorganized outside the country',
      'French military: major logistic challenge has been met in an orderly and safe way, in coordination with all its partners.',
      'Emmanuel Macron: heart',
    ]);
  });

  it('reads a French page: a communiqué’s issuer, subheadings quoting the body, inverted and "pour X" attribution', () => {
    expect(pageSpeakers('lanouvelletribune-2022-02-macron-rejette-demande')).toEqual([
      'Autorités maliennes: sans délai',
      'Emmanuel Macron: Je ne transigerai pas une seconde…',
      'Emmanuel Macron: Nous avons annoncé la réarticulation du dispositif et il s’appliquera en bon ordre afin d’assurer la sécurité de la mission des Nations unies et de toutes les forces déployées au Mali. Je ne transigerai pas une seconde sur leur sécurité',
      'Abdoulaye Maïga: Violation flagrante',
      'Abdoulaye Maïga: violation flagrante',
      'Abdoulaye Maïga: Au regard de ces manquements répétés (aux) accords de défense, le gouvernement invite les autorités françaises à retirer, sans délai, les forces Barkhane et Takuba du territoire national, sous la supervision des autorités maliennes',
    ]);
  });
});

describe('speaker attribution from the rest of the sentence and from the sentences before', () => {
  it('reads the clause that closes a sentence after words of the writer’s own, in English and French', () => {
    expect(
      speakers(
        'French army spokesman General Pascal Ianni spoke in Paris.\n\nIt comes ahead of the last withdrawal “at the end of the summer” when the base at Gao will be returned to Malian forces, he added',
      ),
    ).toEqual(['Pascal Ianni: at the end of the summer']);
    expect(
      speakers(
        'Mali has expelled the ambassador on grounds he made "hostile and outrageous" remarks, foreign minister Abdoulaye Diop said on TV Monday.',
      ),
    ).toEqual(['Abdoulaye Diop: hostile and outrageous']);
    expect(
      speakers(
        'Les militaires français quitteront le Mali « à la fin de l’été » avec le transfert de Gao, a souligné le porte-parole de l’état-major, le colonel Pascal Ianni, lors d’un point presse.',
        'fr',
      ),
    ).toEqual(['Pascal Ianni: à la fin de l’été']);
    expect(
      speakers(
        'La France « prend note » de l’expulsion de son ambassadeur, a déclaré lundi le ministère des affaires étrangères français. « En réaction, la France a décidé de rappeler son ambassadeur ».',
        'fr',
      ),
    ).toEqual([
      'le ministère des affaires étrangères français: prend note',
      'le ministère des affaires étrangères français: En réaction, la France a décidé de rappeler son ambassadeur',
    ]);
  });

  it('reads any French verb in the present right after the closing mark and its comma', () => {
    expect(
      speakers(
        'Le ministre des Armées Sébastien Lecornu était à Gao lundi.\n\n« Nous ne partirons pas en cachette », tacle le ministre.',
        'fr',
      ),
    ).toEqual(['Sébastien Lecornu: Nous ne partirons pas en cachette']);
  });

  it('gives a quotation no verb attributes to the one person named before it in its sentence', () => {
    expect(speakers('Josep Borrell voiced “deep solidarity with France” on Monday.')).toEqual([
      'Josep Borrell: deep solidarity with France',
    ]);
  });

  it('carries the last speaker across paragraphs to a quotation nothing attributes, unless someone else is named or given a role between', () => {
    const opening =
      'Emmanuel Macron announced the withdrawal on Thursday. “The heart of the operation will be in Niger,” Macron said.\n\n';
    const closing = '\n\nThe withdrawal will take place “in an orderly manner” over several months.';
    expect(speakers(`${opening}The region remains fragile.${closing}`)).toEqual([
      'Emmanuel Macron: The heart of the operation will be in Niger',
      'Emmanuel Macron: in an orderly manner',
    ]);
    expect(speakers(`${opening}The defence minister visited Gao on Friday.${closing}`)).toEqual([
      'Emmanuel Macron: The heart of the operation will be in Niger',
      '(none): in an orderly manner',
    ]);
  });

  it('on a rules page, gives the words closing a sentence to the spokesman the sentence ends with', () => {
    expect(pageSpeakers('crest1061fm-2022-06-french-army-quits-mali-base')).toContain(
      'Pascal Ianni: at the end of the summer',
    );
    expect(pageSpeakers('abamako-2022-06-13-armee-francaise-quitte-menaka')).toContain(
      "Pascal Ianni: à la fin de l'été",
    );
  });
});

describe('speakers that read as a person or a body, never a phrase', () => {
  it('gives the words someone describes themselves with to that person, in French and English', () => {
    expect(
      speakers(
        'Des images ont été diffusées sur le compte Twitter d’un dénommé Dia Diarra, qui se proclame « ancien militaire » et « patriote malien ».',
        'fr',
      ),
    ).toEqual(['Dia Diarra: ancien militaire', 'Dia Diarra: patriote malien']);
    expect(speakers('Yann Dupont, who calls himself a “proud soldier of France”, posted the video.')).toEqual(
      ['Yann Dupont: proud soldier of France'],
    );
  });

  it('names "le Quai d’Orsay" as a body, not a person called "Quai" or "Orsay"', () => {
    expect(
      speakers(
        'La France a « pris note » de la décision et « décidé de rappeler son ambassadeur » dit le Quai d’Orsay.',
        'fr',
      ),
    ).toEqual(['le Quai d’Orsay: pris note', 'le Quai d’Orsay: décidé de rappeler son ambassadeur']);
  });

  it('takes the subject after "que", never the verb phrase before it', () => {
    expect(
      speakers(
        'Dans ces vidéos, auxquelles plusieurs médias ont eu accès et que l’état-major français qualifie d’« attaque informationnelle », on voit des soldats.',
        'fr',
      ),
    ).toEqual(['l’état-major français: attaque informationnelle']);
  });

  it('never takes an adverb and a place opening a sentence ("Avant Ménaka") for a person', () => {
    expect(
      speakers(
        'La remise de la base de Ménaka a eu lieu lundi. « Ce transfert s’inscrit dans le cadre fixé par le président. » Avant Ménaka, les bases de Kidal avaient été rendues.',
        'fr',
      ),
    ).toEqual(['(none): Ce transfert s’inscrit dans le cadre fixé par le président.']);
  });

  it('on a rules page, gives "the words of the communiqué" to the force, not to the verb before it', () => {
    expect(pageSpeakers('amap-2022-06-13-barkhane-retrocede-menaka')).toContain(
      'la force française: l’emprise soit restituée dans les meilleures conditions possibles, avec en particulier le transfert de très bonnes infrastructures de protection',
    );
  });
});

describe('speaker names without the words around them', () => {
  it('keeps a rank’s abbreviation inside the name and drops a courtesy title the page gives no full name for', () => {
    expect(speakers('“The army is ready,” said Col. Souleymane Dembele, a spokesman for the army.')).toEqual([
      'Souleymane Dembele: The army is ready',
    ]);
    expect(speakers('“We are leaving,” Mr. Macron said, according to Reuters.')).toEqual([
      'Macron: We are leaving',
    ]);
  });

  it('reads a long subject before the verb after the quotation, and never carries the paragraph before’s speaker over it', () => {
    expect(
      speakers(
        'John Lechner, an independent researcher, said the group was “more concerned with legitimacy”.\n\n“The UN has a responsibility to minimize the risk,” a representative for US Ambassador to the UN Linda Thomas-Greenfield said after the vote.',
      ),
    ).toEqual([
      'John Lechner: more concerned with legitimacy',
      'Linda Thomas-Greenfield: The UN has a responsibility to minimize the risk',
    ]);
  });

  it('leaves out how an anonymous source spoke', () => {
    expect(
      speakers(
        "« Nous ne sommes pas consultés », a déclaré à l'AFP un responsable malien sous couvert d'anonymat.",
        'fr',
      ),
    ).toEqual(['Un responsable malien: Nous ne sommes pas consultés']);
    expect(speakers('“We were not consulted,” said a Malian official who asked not to be named.')).toEqual([
      'Malian official: We were not consulted',
    ]);
  });

  it('never reads a verb of saying as a body’s adjective, nor "Son" as "So" and "n"', () => {
    expect(
      speakers(
        'Dans ce communiqué, l’État major français indique que le commandement a été transféré. Cependant, il précise que ce retrait n’est pas la fin : « La transformation de l’opération ne se réduit pas à la fin de sa présence », précise l’État major.',
        'fr',
      ),
    ).toEqual([
      'l’État major français: La transformation de l’opération ne se réduit pas à la fin de sa présence',
    ]);
    expect(
      speakers(
        'Son état-major rappelle que cette « ré-articulation » du dispositif fait suite à une décision.',
        'fr',
      ),
    ).toEqual(['Son état-major: ré-articulation']);
  });
});

describe('bodies by their fuller name, and English attribution closing a sentence', () => {
  it('reads "the general staff" as a body, never as a person ranked General called Staff', () => {
    expect(
      speakers(
        'The French general staff had broadcast videos of the base.\n\n“There are no plans to transfer Takuba to Niger,” said the staff.',
      ),
    ).toEqual(['French general staff: There are no plans to transfer Takuba to Niger']);
  });

  it('completes a role noun printed in capitals with the nationality the article gives it', () => {
    expect(
      speakers(
        'In a statement later Monday, the French Foreign Ministry said it was recalling its ambassador.\n\n“France notes the decision,” the ministry said in a statement.',
      ),
    ).toEqual(['French Foreign Ministry: France notes the decision']);
  });

  it('keeps a proper name whole, without the compound adjective before it', () => {
    expect(
      speakers('The Russia-backed Wagner Group posted a message.\n\n“Mission accomplished,” the group said.'),
    ).toEqual(['Wagner Group: Mission accomplished']);
  });

  it('reads a verb before its subject in the clause that closes the sentence, with a name in apposition', () => {
    expect(
      speakers(
        'The soldiers will leave Mali “at the end of the summer” with the transfer of Gao, underlined the spokesman for the general staff, General Pascal Ianni, during a press briefing.',
      ),
    ).toEqual(['Pascal Ianni: at the end of the summer']);
  });
});

describe('a quotation as the complement of any verb, or inside an opening participle clause', () => {
  it('gives the words a "que" clause opens to the subject of the verb before it, and the verb joined by "et" the same subject', () => {
    expect(
      speakers(
        'L’état-major des armées considère par ailleurs que « l’opération a montré ce dont les Européens sont capables » et assure que « les leçons perdureront ».',
        'fr',
      ),
    ).toEqual([
      'L’état-major des armées: l’opération a montré ce dont les Européens sont capables',
      'L’état-major des armées: les leçons perdureront',
    ]);
  });

  it('does the same in English, and never takes the verb for part of the speaker', () => {
    expect(
      speakers('The minister believes that “the mission is over” and warned that “nothing is left behind”.'),
    ).toEqual(['Minister: the mission is over', 'Minister: nothing is left behind']);
  });

  it('gives a quotation in a participle clause opening the sentence to the main clause’s subject', () => {
    expect(
      speakers(
        'Qualifiant la Task force Takuba de « succès stratégique et tactique », l’armée française rappelle qu’elle a réuni dix pays.',
        'fr',
      ),
    ).toEqual(['l’armée française: succès stratégique et tactique']);
    expect(
      speakers(
        'Describing the handover as “orderly and complete” in a long note, the defence ministry insisted the last troops had left.',
      ),
    ).toEqual(['Defence ministry: orderly and complete']);
  });
});

describe('a short quoted term someone used, not a scare quote', () => {
  it('keeps a term named by a verb of saying in any of its forms, and gives it to the agent of a passive verb', () => {
    expect(
      speakers(
        'La base est la dernière rétrocédée dans le cadre de la « réorganisation profonde » de Barkhane annoncée par Emmanuel Macron en juin dernier.',
        'fr',
      ),
    ).toEqual(['Emmanuel Macron: réorganisation profonde']);
  });

  it('gives a term to the subject of the verb that names it', () => {
    expect(
      speakers('Plans were in place for what the UN refers to as the “liquidation” of the mission.'),
    ).toEqual(['UN: liquidation']);
    expect(
      speakers(
        'Les soldats sont partis après ce que l’état-major appelle la « réarticulation » du dispositif.',
        'fr',
      ),
    ).toEqual(['l’état-major: réarticulation']);
  });

  it('gives a term after a participle of saying to the subject of the main clause', () => {
    expect(
      speakers(
        'The French foreign ministry said last week it had made the decision. Bamako denies this, acknowledging only the support of Russian military "instructors".',
      ),
    ).toEqual(['Bamako: instructors']);
  });

  it('still drops a term no one is said to use', () => {
    expect(speakers('The soldiers left the “camp” at dawn.')).toEqual([]);
  });
});

describe('name forms', () => {
  it('leaves a capitalised title out of a person’s name, so both forms are one speaker', () => {
    expect(
      speakers(
        'Il y avait été convoqué pour des propos tenus par le Président Emmanuel Macron. « Nous partons », a déclaré le Président Emmanuel Macron.',
        'fr',
      ),
    ).toEqual(['Emmanuel Macron: Nous partons']);
  });
});

describe('a quotation the next sentence points back to as a statement', () => {
  it('gives it to the statement’s issuer, in English and in French', () => {
    expect(
      speakers(
        '"Today, at 13:00 hours, the last detachment crossed the border. It came from Gao". This was the opening line of the communiqué issued on Monday by the French army\'s general staff.',
      ),
    ).toEqual([
      "French army's general staff: Today, at 13:00 hours, the last detachment crossed the border. It came from Gao",
    ]);
    expect(
      speakers(
        '« Le gouvernement de la République du Mali informe l’opinion de la fin de la mission. » C’est l’extrait du communiqué des autorités maliennes.',
        'fr',
      ),
    ).toEqual([
      'les autorités maliennes: Le gouvernement de la République du Mali informe l’opinion de la fin de la mission.',
    ]);
  });

  it('leaves it without a speaker when the next sentence does not point back to it', () => {
    expect(
      speakers(
        '"The last detachment crossed the border today". Paris published the communiqué of the general staff later.',
      ),
    ).toEqual(['(none): The last detachment crossed the border today']);
  });
});

describe('the new readings leave the old ones alone', () => {
  it('reads a listed verb’s "that" clause with its apposition, and a day before a body is no part of its name', () => {
    expect(
      speakers('Olivier Salgado, the spokesman for the mission, said that “the impact is certain”.'),
    ).toEqual(['Olivier Salgado: the impact is certain']);
    expect(speakers('On Monday French army officers left.\n\n“We left,” said the army.')).toEqual([
      'French army: We left',
    ]);
  });

  it('never takes a preposition in -ing for a participle opening the sentence', () => {
    expect(
      speakers(
        'During the “long and difficult withdrawal from the north”, the ministry keeps its figures secret.',
      ),
    ).toEqual(['(none): long and difficult withdrawal from the north']);
  });
});

describe('one speaker, one spelling; a term given with "traiter … de"', () => {
  it('gives the words of one person spelt two ways the one spelling printed first', () => {
    expect(
      speakers(
        'Jean-Yves le Drian a déclaré : « Nous partons. »\n\nPlus tard, Jean-Yves Le Drian a ajouté : « Nous restons vigilants. »',
        'fr',
      ),
    ).toEqual(['Jean-Yves le Drian: Nous partons.', 'Jean-Yves le Drian: Nous restons vigilants.']);
  });

  it('keeps the terms someone is said to call others by, and gives them to that person', () => {
    expect(
      speakers(
        'C’est la réaction du gouvernement malien après les propos de Jean-Yves Le Drian traitant les autorités de « illégitimes » et « irresponsables ».',
        'fr',
      ),
    ).toEqual(['Jean-Yves Le Drian: illégitimes', 'Jean-Yves Le Drian: irresponsables']);
  });
});

describe('a department’s word is no speaker’s name in a look-up', () => {
  it('does not rank a ministry first because the query says "foreign"', () => {
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
      'In a statement, the French Foreign Ministry said it was recalling its ambassador.\n\n“France notes the decision,” the ministry said.\n\nFrench Foreign Minister Jean-Yves Le Drian said the junta was “out of control and illegitimate”.',
      'a.txt',
    );
    const corpus: Corpus = {
      dir: '.',
      articles: [article],
      byId: new Map([['a', article]]),
      passages: article.passages,
    };
    // Every quotation the query meets, best first (the look-up then keeps those above its threshold).
    const scored = new QuotationIndex(corpus).scored('foreign minister says the junta is out of control');
    if ('error' in scored) throw new Error(scored.error);
    expect(scored.map((s) => s.q.speaker)).toEqual(['Jean-Yves Le Drian', 'French Foreign Ministry']);
  });
});

describe('speaker attribution: what a page says of a speaker elsewhere (name forms, clauses, colons)', () => {
  it('reads a verb form after an article as a noun, so the subject of the real verb speaks', () => {
    expect(
      speakers(
        'Dans un communiqué lu à la radio, le porte-parole de l’armée, le colonel Jean Dufour, qualifie l’annonce du retrait de « décision unilatérale ».',
        'fr',
      ),
    ).toEqual(['Jean Dufour: décision unilatérale']);
    // Nor is the phrase that opens the sentence ("Dans un communiqué …") ever the speaker.
    expect(
      speakers(
        'Dans un communiqué lu à la radio, le porte-parole de l’armée, le colonel Jean Dufour, juge l’annonce du retrait « unilatérale ».',
        'fr',
      ),
    ).toEqual(['Jean Dufour: unilatérale']);
  });

  it('skips a relative clause between the subject and its verb, and never gives it as a speaker', () => {
    expect(
      speakers(
        'Colonel Anne Dupont, who heads the logistics task force in Niamey, told reporters the move was “on schedule”.',
      ),
    ).toEqual(['Anne Dupont: on schedule']);
    // A phrase opening with a preposition names no one.
    expect(speakers('In a long interview with the radio, “we will go on”.')).toEqual([
      '(none): we will go on',
    ]);
  });

  it('gives a surname with its particle the full name the page prints, whatever the particle’s case', () => {
    expect(
      speakers(
        'General Jean-Marc de Villiers handed over the keys on Tuesday.\n\nThe army “will stay in the region,” said de Villiers.',
      ),
    ).toEqual(['Jean-Marc de Villiers: will stay in the region']);
    expect(
      speakers(
        'Le général Paul du Vernet a remis les clés.\n\nDu Vernet a déclaré : « Nous restons. » Le général du Vernet a ajouté que « rien ne change ».',
        'fr',
      ),
    ).toEqual(['Paul du Vernet: Nous restons.', 'Paul du Vernet: rien ne change']);
    // A body's noun before "de" is no first name: "Camp de Gaulle" is not de Gaulle's full name.
    expect(
      speakers('The troops left Camp de Gaulle on Friday.\n\n“It was a hard week,” said de Gaulle.'),
    ).toEqual(['De Gaulle: It was a hard week']);
  });

  it('gives "the statement said" after an aside to the body whose statement it is', () => {
    expect(
      speakers(
        '“Weapons were found in the camp”, the army’s general staff said in a statement.\n\nThe town was calm on Tuesday.\n\n“The camp was handed over empty”, or nearly so, the statement said.',
      ),
    ).toEqual([
      'Army’s general staff: Weapons were found in the camp',
      'Army’s general staff: The camp was handed over empty',
    ]);
  });

  it('gives a quotation introduced by any verb and a colon to the clause’s subject, not to the last speaker', () => {
    expect(
      speakers(
        '“We are leaving in order,” says Colonel Marc Lenoir, head of the base. Captain Sophie Martin, his deputy, concurs: “Nothing will be left behind.”',
      ),
    ).toEqual(['Marc Lenoir: We are leaving in order', 'Sophie Martin: Nothing will be left behind.']);
    // A noun ending the clause before the colon is no verb: the issuer is not "… nationale".
    expect(
      speakers('Le communiqué a été lu à la télévision nationale : « Le délai est de 72 heures ».', 'fr'),
    ).toEqual(['(none): Le délai est de 72 heures']);
  });

  it('lets an infinitive of narration after "Puis," go on with the last one to speak', () => {
    expect(
      speakers(
        '« La base a été remise aux FAMa », a indiqué un communiqué de l’état-major français.\n\nPuis, de préciser : « Le transfert a été progressif. »',
        'fr',
      ),
    ).toEqual([
      'État-major français: La base a été remise aux FAMa',
      'État-major français: Le transfert a été progressif.',
    ]);
  });

  it('reads a closing "X said" followed by a long adjunct, over the person the sentence is about', () => {
    expect(
      speakers(
        'Colonel Jean Dufour was told to leave over “hostile remarks” he made about the convoy, the defence ministry said in a statement received by reporters on Thursday.',
      ),
    ).toEqual(['Defence ministry: hostile remarks']);
  });

  it('keeps the rank of a person named by one name whichever rule found them', () => {
    expect(speakers('Sur place, le capitaine Florian a dit que « la page se tourne ».', 'fr')).toEqual([
      'le capitaine Florian: la page se tourne',
    ]);
  });

  it('gives "pouvait-on lire" to the body a sentence before says spoke in a communiqué', () => {
    expect(
      speakers(
        'Dans l’escalade verbale, la junte a décidé d’expulser l’ambassadeur, dans un communiqué publié lundi. « Le délai est de 72 heures », pouvait-on lire.',
        'fr',
      ),
    ).toEqual(['la junte: Le délai est de 72 heures']);
  });

  it('registers no person whose "surname" is an article, so "Le détachement" resolves to no one', () => {
    expect(
      speakers(
        'Arrivée des troupes à Tombouctou Le convoi est parti.\n\nL’état-major français a annoncé lundi le départ du dernier détachement.\n\n« Le détachement a franchi la frontière », lit-on dans le communiqué. Le détachement, précise le communiqué, « venait de Gao ».',
        'fr',
      ),
    ).toEqual([
      'L’état-major français: Le détachement a franchi la frontière',
      'L’état-major français: venait de Gao',
    ]);
  });

  it('gives a quotation in the predicate of a body subject to the body, not to a person named before', () => {
    expect(
      speakers(
        'L’ambassadeur de France, Jean Dupont, est en poste à Bamako depuis 2018. Les autorités maliennes, dominées par les militaires, justifient son expulsion par des déclarations jugées « hostiles ».',
        'fr',
      ),
    ).toEqual(['Les autorités maliennes: hostiles']);
  });

  it('takes a lone name after "in" or "from" for a place or a language, not the speaker', () => {
    expect(
      speakers('Two men are heard on the video. Reply from his companion in Bambara: “dig deeper.”'),
    ).toEqual(['(none): dig deeper.']);
  });
});

describe('a look-up by role meets the description a page sets beside the name', () => {
  it('finds a person by the apposition after their name, whatever its noun, and never by a participle clause', () => {
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
      'Marc Lenoir, supply manager for the Gao base, has run such moves before. “It will take most of a year,” he says.\n\n' +
        'Anne Dupont, the spokesperson, told reporters it was “a year of hard work for the convoys”.\n\n' +
        'Paul Martin, specifying that supply convoys were ready, said the base was “calm”.',
      'a.txt',
    );
    const corpus: Corpus = {
      dir: '.',
      articles: [article],
      byId: new Map([['a', article]]),
      passages: article.passages,
    };
    const index = new QuotationIndex(corpus);
    const order = (query: string) => {
      const scored = index.scored(query);
      if ('error' in scored) throw new Error(scored.error);
      return scored.map((s) => `${s.q.speaker}: ${s.q.text}`);
    };
    // "supply manager" is no listed role noun, but it stands between commas after the name.
    // (Paul Martin's sentence says "supply" too: a weaker match, last.)
    expect(order('supply manager: a year of work')).toEqual([
      'Marc Lenoir: It will take most of a year',
      'Anne Dupont: a year of hard work for the convoys',
      'Paul Martin: calm',
    ]);
    // "specifying that supply convoys were ready" is a clause, not Paul Martin's role.
    expect(order('supply manager says calm')).toEqual([
      'Marc Lenoir: It will take most of a year',
      'Paul Martin: calm',
    ]);
  });
});

describe('speaker attribution: ranks, objects, participles and possessives (2 Dec 2026, afternoon)', () => {
  it('keeps a one-name officer whose name ends like a nationality', () => {
    expect(
      speakers('« Nous restons », a déclaré à la presse le sergent Julian, qui gardait le poste.', 'fr'),
    ).toEqual(['le sergent Julian: Nous restons']);
    // A nationality alone still names no one.
    expect(speakers('“We stay,” said a Malian.')).toEqual(['(none): We stay']);
  });

  it('reads a definite rank as the officer named with that rank before it', () => {
    expect(
      speakers(
        'Le colonel Marc Duval a reçu la presse à Gao. Il a salué Fatou Keïta.\n\n' +
          'Le colonel français a par ailleurs assuré que le camp était « propre ».',
        'fr',
      ),
    ).toEqual(['Marc Duval: propre']);
    expect(
      speakers(
        'General Paul Reno met Anne Morel in Gao.\n\nThe French general said the convoy was “orderly”.',
      ),
    ).toEqual(['Paul Reno: orderly']);
  });

  it('never reads a clause opened by "and" after a quotation as its attribution', () => {
    expect(
      speakers(
        'At noon a “convoy of six trucks left the camp”, and a police unit arrived at the gate and searched it, said the Chadian army in a report.',
      ),
    ).toEqual(['Chadian army: convoy of six trucks left the camp']);
  });

  it('gives "X said, citing …" to the subject after the last comma', () => {
    expect(
      speakers(
        "Senator Paul Grant has been told to leave within two days, Niger's government said, citing the “unfriendly remarks” of his office.",
      ),
    ).toEqual(["Niger's government: unfriendly remarks"]);
  });

  it('keeps "he" for the speaker when a person is only named after the quotation in the same sentence', () => {
    expect(
      speakers(
        'Marie Lenoir said the agency “strongly” opposed the decision to detain Paul Grant.\n\n“The rules are clear,” he said.',
      ),
    ).toEqual(['Marie Lenoir: strongly', 'Marie Lenoir: The rules are clear']);
    // A person named in a sentence of their own after it is the antecedent.
    expect(
      speakers(
        'Marie Lenoir said the agency “strongly” opposed it. Paul Grant was detained.\n\n“The rules are clear,” he said.',
      ),
    ).toEqual(['Marie Lenoir: strongly', 'Paul Grant: The rules are clear']);
  });

  it("names a possessor's body by the one fuller form the article prints", () => {
    expect(
      speakers(
        "Chad's interim civilian government has closed the border.\n\nTrade stopped, Chad's government said, citing “urgent security needs”.",
      ),
    ).toEqual(["Chad's interim civilian government: urgent security needs"]);
  });
});

describe('speaker attribution: agents, datelines and appositions (2 Dec 2026, afternoon)', () => {
  it('gives a quoted term to the agent of a bare French participle of saying', () => {
    expect(
      speakers(
        'Le camp fermera en mai, au terme d’une « rétrocession » annoncé par le conseil régional.',
        'fr',
      ),
    ).toEqual(['le conseil régional: rétrocession']);
  });

  it('reads no dateline or dash-closed aside into a speaker, and never a phrase with a quotation mark or a verb', () => {
    expect(speakers('PARIS, May 3 (AFP) – The agency said the camp needed “urgent help.”')).toEqual([
      'Agency: urgent help.',
    ]);
    expect(
      speakers('The council adopted a text — drafted by France — asking for “an orderly exit”.'),
    ).toEqual(['(none): an orderly exit']);
  });

  it('skips a participle clause between the subject and its verb', () => {
    expect(
      speakers('A post from an account called Ali Traoré, allegedly run by Volkov, said: “We will stay.”'),
    ).toEqual(['Ali Traoré: We will stay.']);
  });

  it('takes no mercenary group for a person when a sentence before names it', () => {
    expect(
      speakers(
        'Officials met in Geneva with Russia’s Volkov mercenary group.\n\nThey asked for “a pause in the fighting and more talks”.',
      ),
    ).toEqual(['(none): a pause in the fighting and more talks']);
  });
});

describe('speaker attribution: accounts (2 Dec 2026, afternoon)', () => {
  it('gives the words of an account named for someone to that someone', () => {
    expect(
      speakers('A Twitter account in the name of Ali Traoré sounded the alarm: “The images are terrible.”'),
    ).toEqual(['Ali Traoré: The images are terrible.']);
    expect(speakers("« C'est terrible », a écrit le compte Twitter d'un dénommé Ali Traoré.", 'fr')).toEqual([
      "Ali Traoré: C'est terrible",
    ]);
    // An account described by whom it is linked to stays that description.
    expect(speakers('A Telegram account affiliated with Wagner said: “We are here.”')).toEqual([
      'A Telegram account affiliated with Wagner: We are here.',
    ]);
  });
});

describe('speaker attribution: a communiqué that names its issuer (2 Dec 2026, afternoon)', () => {
  it('gives a communiqué quoted from its first words to the body they name, when nothing else attributes it', () => {
    expect(
      speakers(
        'Le texte a été lu lundi soir à la télévision. Paul Grant doit partir.\n\n« Le conseil régional de Kayes informe la population que le marché restera fermé. »',
        'fr',
      ),
    ).toEqual([
      'Le conseil régional de Kayes: Le conseil régional de Kayes informe la population que le marché restera fermé.',
    ]);
    // A body the sentence gives the words keeps them.
    expect(
      speakers(
        '« Le conseil régional de Kayes informe la population que le marché restera fermé », ont annoncé les autorités locales.',
        'fr',
      ),
    ).toEqual([
      'les autorités locales: Le conseil régional de Kayes informe la population que le marché restera fermé',
    ]);
  });
});

describe('speaker attribution: a news agency relays words, it does not say them (3 Dec 2026)', () => {
  it('gives words reported "according to" an agency to whoever the sentence says spoke', () => {
    expect(
      speakers('Colonel Pascal Ianni said the handover was "going well", according to France Presse.'),
    ).toEqual(['Pascal Ianni: going well']);
    expect(
      speakers(
        'The French General Staff described it as a "media attack", according to Agence France-Presse.',
      ),
    ).toEqual(['French General Staff: media attack']);
    expect(
      speakers("Selon l'AFP, l'armée française a qualifié la vidéo d'« attaque informationnelle ».", 'fr'),
    ).toEqual(["l'armée française: attaque informationnelle"]);
  });

  it('gives a statement sent to an agency to the body that sent it', () => {
    expect(
      speakers('The handover is "a success", according to a statement sent to AFP by the French army.'),
    ).toEqual(['French army: a success']);
  });

  it('keeps the agency the words were told to out of the speaker', () => {
    expect(speakers("« Nous partons en bon ordre », a expliqué un officier français à l'AFP.", 'fr')).toEqual(
      ['Un officier français: Nous partons en bon ordre'],
    );
    expect(speakers("« Nous partons », a confié un diplomate européen à l'AFP.", 'fr')).toEqual([
      'Un diplomate européen: Nous partons',
    ]);
  });
});

describe('speaker attribution: never a phrase (3 Dec 2026)', () => {
  it('reads no speaker from words that run on into the next clause', () => {
    expect(
      speakers(
        'Le ministre des Affaires étrangères malien, Abdoulaye Diop, avait dénoncé l\'"échec" de la mission de l\'ONU et avait exigé son "retrait sans délai".',
        'fr',
      ),
    ).toEqual(['Abdoulaye Diop: échec', 'Abdoulaye Diop: retrait sans délai']);
  });

  it('skips where the words were said ("à la télévision nationale") but never a name after it', () => {
    expect(
      speakers(
        'Le Mali a "pris acte de la décision unilatérale", a déclaré à la télévision nationale un porte-parole de la junte, lisant un communiqué.',
        'fr',
      ),
    ).toEqual(['Un porte-parole de la junte: pris acte de la décision unilatérale']);
    expect(
      speakers('«On n’a pas besoin de la France», a dit à l’AFP Issa Diarra parmi les manifestants.', 'fr'),
    ).toEqual(['Issa Diarra: On n’a pas besoin de la France']);
  });
});

describe('speaker attribution: an account or a post speaks as whom it is named for (3 Dec 2026)', () => {
  it('gives the words of an account that opens its sentence to the name the account is given', () => {
    expect(
      speakers(
        'A rumour spread on Wednesday. A Twitter account in the name of Sidi Kone sounded the alarm: “The images from the base are terrible.” The author adds that a video will follow.',
      ),
    ).toEqual(['Sidi Kone: The images from the base are terrible.']);
    expect(
      speakers(
        'A rumour spread. A Twitter account in the name of Sidi Kone wrote: “The images are terrible.”',
      ),
    ).toEqual(['Sidi Kone: The images are terrible.']);
  });

  it('gives the words of a post to the account the text introduced before it', () => {
    expect(
      speakers(
        'La rumeur est partie d’un tweet publié jeudi sur le compte d’un certain Sidi Koné. Ce tweet est accompagné d’une photo avec la mention : « voilà ce que les soldats ont laissé derrière eux ».',
        'fr',
      ),
    ).toEqual(['Sidi Koné: voilà ce que les soldats ont laissé derrière eux']);
  });
});

describe('speaker attribution: a demand is the words of whoever made it (3 Dec 2026)', () => {
  it('gives words quoted after "the demand of X" to X, not to the subject who answers it', () => {
    expect(
      speakers(
        'Le président français Emmanuel Macron a rejeté vendredi l’exigence de la junte militaire au pouvoir à Bamako de retirer les soldats français « sans délai et sous sa supervision » du Mali.',
        'fr',
      ),
    ).toEqual(['la junte militaire au pouvoir à Bamako: sans délai et sous sa supervision']);
    expect(
      speakers(
        'Macron rejected the demand from Mali’s ruling junta to withdraw the troops “without delay and under its supervision”.',
      ),
    ).toEqual(['Mali’s ruling junta: without delay and under its supervision']);
  });
});
