import { describe, expect, it } from 'vitest';
import { analyzeQuestion, frenchNounsFor } from '../../src/engine/question.js';

const read = (q: string) => {
  const a = analyzeQuestion(q);
  return [a.answerType, a.headNoun];
};

describe('the asked type of answer', () => {
  it('reads counts with the noun counted', () => {
    expect(read('How many French troops were in Mali?')).toEqual(['number', 'troops']);
    // The first plural ends the counted noun, not a later one after the verb.
    expect(read('takuba - how many countries actually sent troops?')).toEqual(['number', 'countries']);
    expect(read('How many French troops lost their lives in Mali?')).toEqual(['number', 'troops']);
    expect(read('how many weapons systems were left behind?')).toEqual(['number', 'systems']);
    // French "d" typed without its apostrophe before a vowel.
    expect(read('barkhane combien d hommes au sahel')).toEqual(['number', 'hommes']);
    // A count asked by a noun that means one: "headcount", "population", "tally".
    expect(read('french troop headcount in mali?')).toEqual(['number', 'troop']);
    expect(read('population of mali')).toEqual(['number', null]);
    expect(read('casualty tally of the ambush')).toEqual(['number', 'casualty']);
    // "How far": a count of a unit of length; "how far has X come" asks no distance.
    expect(read('how far is gao camp from niger border')).toEqual(['number', 'km']);
    expect(read('how far have the talks progressed')).not.toEqual(['number', 'km']);
  });

  it('reads dates, durations, people, places and reasons', () => {
    expect(read('When was the withdrawal announced?')).toEqual(['date', null]);
    expect(read('At what point did the countries put out their declaration?')).toEqual(['date', null]);
    expect(read('How long will the withdrawal take?')).toEqual(['duration', null]);
    expect(read('Who announced the withdrawal?')).toEqual(['person', null]);
    expect(read('whereabouts was takuba operating')).toEqual(['place', null]);
    expect(read('Which part of the country were the jihadists pushing into?')).toEqual(['place', 'part']);
    expect(read('What made Macron shrink the Barkhane force?')).toEqual(['reason', null]);
    expect(read("What's stoking communal tensions in central Mali?")).toEqual(['reason', null]);
  });

  it('reads a question word that closes the question, or its clause before a last guess', () => {
    expect(read('the convoy reached niger when')).toEqual(['date', null]);
    expect(read('danish troops arrived in gao since when, 2019?')).toEqual(['date', null]);
    expect(read('the summit took place where')).toEqual(['place', null]);
    expect(read('the statement was read out by who?')).toEqual(['person', null]);
    // A question word first is read as before; "when" inside a clause asks nothing.
    expect(read('What happened when the convoy left?')).toEqual(['other', null]);
  });

  it('reads "which X" of a thing as that thing, whoever else the question describes', () => {
    expect(read('the army spokesman spoke to which wire service')).toEqual(['entity', 'service']);
    expect(read('the army spokesman was who')).toEqual(['person', null]);
  });

  it('reads a question put as a noun phrase by its first noun: a time a date, a place a place', () => {
    expect(read('deadline for the new government to hold a vote')).toEqual(['date', null]);
    expect(read('venue of the donors conference')).toEqual(['place', null]);
    // "last" is also an adjective; a country's name is the topic.
    expect(read('last convoy crossed into which country')).toEqual(['place', 'country']);
    expect(read('niger troop deployment status')[0]).toBe('other');
    // A time noun that qualifies the next one names the topic: "night airlift" asks no date.
    expect(read('night airlift')[0]).toBe('other');
  });

  it('reads "… or not?" as a yes/no question, not as a choice', () => {
    const a = analyzeQuestion('was the vote unanimous or not?');
    expect([a.yesNo, a.alternatives]).toEqual([true, null]);
    expect(analyzeQuestion('danish troops: pulled out or not').yesNo).toBe(true);
    expect(analyzeQuestion('why did the vote fail or not').yesNo).toBe(false);
  });

  it('reads "name of the X" and "which X" as a named thing of that kind', () => {
    expect(read('name of the village near the ambush')).toEqual(['entity', 'village']);
    expect(read('Which Russian group is operating in Mali?')).toEqual(['entity', 'group']);
    expect(read('name of frances 2013 operation in mali')).toEqual(['entity', 'operation']);
  });

  it('reads a yes/no question past a chatty opener and a negation, not an either/or one', () => {
    const yesNo = (q: string) => analyzeQuestion(q).yesNo;
    expect(yesNo('So did the French end up staying on in Mali?')).toBe(true);
    expect(yesNo("Aren't the Canadians staying on in Mali?")).toBe(true);
    expect(yesNo('has niger agreed to take the troops leaving mali')).toBe(true);
    expect(yesNo('Are they mercenaries or trainers?')).toBe(false);
    expect(yesNo('mali used to be a french colony right?')).toBe(true);
    expect(yesNo('who was in charge, right?')).toBe(false);
    expect(yesNo('Who is running Burkina Faso?')).toBe(false);
    // French too, by its own signs (see "a French yes/no question").
    expect(yesNo('La France a-t-elle quitté le Mali ?')).toBe(true);
  });

  it('reads a time of day for "at what time", a person to describe for "X - who is she"', () => {
    const q = analyzeQuestion('at what time did the last french troops get out of mali');
    expect([q.answerType, q.dateKind]).toEqual(['date', 'time']);
    expect(analyzeQuestion('When did they leave?').dateKind).toBeNull();
    expect(read('who is olivier salgado')).toEqual(['definition', null]);
    expect(read('who is running burkina faso')).toEqual(['person', null]);
    expect(read('year barkhane kicked off?')).toEqual(['date', null]);
    const who = analyzeQuestion('delina goxo - who is she');
    expect([who.answerType, who.subject]).toEqual(['definition', 'delina goxo']);
  });
});

describe('the head noun of a "which" phrase', () => {
  it('is the noun the phrase ends on, past adjectives and nouns of a compound', () => {
    expect(read("which former french colonies had coups that hurt paris's alliances")).toEqual([
      'entity',
      'colonies',
    ]);
    expect(read('which un peacekeeping op is considered the most dangerous')).toEqual(['entity', 'op']);
    expect(read('what short term effect on security did the researcher predict')).toEqual([
      'entity',
      'effect',
    ]);
    expect(read('which non european country also signed the joint statement')).toEqual(['entity', 'country']);
    // Two words only, as before: a verb, a function word or a place ends the phrase.
    expect(read('Which Russian group is operating in Mali?')).toEqual(['entity', 'group']);
    expect(read('which wire service did the spokesperson speak to')).toEqual(['entity', 'service']);
  });
});

describe('what else a question says about its answer', () => {
  it('reads "count on" as no count, a year asked without a question mark, "what kind of X"', () => {
    expect(read('what kind of help do the un and eu missions count on the french for')).toEqual([
      'entity',
      'help',
    ]);
    expect(read('which kinds of eu training programmes are up in the air')).toEqual(['entity', 'programmes']);
    expect(read("which conditions weren't there any more?")).toEqual(['entity', 'conditions']);
    expect(read('What reason does Bamako give for bringing the Russians in?')).toEqual(['reason', null]);
    const year = analyzeQuestion('barkane launch year');
    expect([year.answerType, year.dateKind]).toEqual(['date', 'year']);
    expect(analyzeQuestion('what year did french troops go into mali').dateKind).toBe('year');
  });

  it('reads a person asked by a description or by a title, and a named thing asked "what is X called"', () => {
    expect(read('the sahel researcher dw spoke to, who is she')).toEqual(['person', null]);
    expect(read('name of frances top diplomat who talked about mali conditions')).toEqual(['person', null]);
    expect(read('what was the 2013 french intervention in mali called?')).toEqual(['entity', 'intervention']);
    // A name asked last: a person's where a title stands among the words, misspelt or not.
    expect(read('estonian defence minster name')).toEqual(['person', null]);
    expect(read('eu foreign policy cheif name')).toEqual(['person', null]);
    expect(read('the ambush village name?')).toEqual(['entity', 'village']);
    // After a comma, with "pls", or as "is called?"; a person noun among the words ("deputy")
    // names a person too, and a thing is named by its head before its qualifiers ("op", not "sahel").
    expect(read('berlin defence minister sceptical about the EU training mission, name?')).toEqual([
      'person',
      null,
    ]);
    expect(read('US deputy amb at the UN on the mali vote, name pls')).toEqual(['person', null]);
    expect(read('main french op in the sahel is called?')).toEqual(['entity', 'op']);
  });

  it('reads the alternatives of "X or Y?", the subject of "what did X do", a purpose', () => {
    expect(analyzeQuestion('whats the european task force called, tabuka or takuba?').alternatives).toEqual([
      'tabuka',
      'takuba',
    ]);
    expect(analyzeQuestion('russians in mali: mercenaries or just trainers?').alternatives).toEqual([
      'mercenaries',
      'trainers',
    ]);
    expect(analyzeQuestion('When did they leave?').alternatives).toBeNull();
    expect(analyzeQuestion('What did Macron say the Wagner group came to do?').predicateOf).toBe(
      'the Wagner group',
    );
    expect(
      analyzeQuestion('what does macron say became of most of the senior terrorist figures').predicateOf,
    ).toBe('most of the senior terrorist figures');
    expect(analyzeQuestion("How has Mali's junta been treating foreign forces lately?").predicateOf).toBe(
      "Mali's junta",
    );
    expect(analyzeQuestion('How many troops did France have?').predicateOf).toBeNull();
    expect(analyzeQuestion('what are the russians actually in mali for').purpose).toBe(true);
    expect(analyzeQuestion('what are the russians doing in mali').purpose).toBe(false);
  });
});

describe('a question that is a noun phrase', () => {
  it('asks for a person where its noun is a person or a title, then "who"', () => {
    expect(read('wagner boss who led the failed mutiny against russian brass')).toEqual(['person', null]);
    expect(read('swedish foreign minister who announced the takuba pull-out')).toEqual(['person', null]);
    expect(read("what's the french ambassador's name, the one bamako kicked out")).toEqual(['person', null]);
    expect(read('name of the sahel academic dw interviewed?')).toEqual(['person', null]);
    // A trailing "who?", the title misspelt.
    expect(read('germnay defence minster who?')).toEqual(['person', null]);
  });

  it('asks to name its noun otherwise, a misspelt one too; a word before another noun is no head', () => {
    expect(read('eu missons that will feel the french departure?')).toEqual(['entity', 'missons']);
    expect(read('name of the european task force working alongside barkhane')).toEqual(['entity', 'force']);
    // A word that only frames the question names nothing to find.
    expect(read('the things that france left behind')).toEqual(['other', null]);
    // Opened by a question word, it is read as before.
    expect(read('Who announced the withdrawal that Macron spoke of?')).toEqual(['person', null]);
  });

  it('asks a date where its head, qualified or plural, names a time', () => {
    expect(read('task force deadline to set out plans for staying in region')).toEqual(['date', null]);
    expect(read('dates of the eu-africa summit')).toEqual(['date', null]);
    // A time word that qualifies another noun is no head; nor is a noun of another kind.
    expect(read('night airlift from gao to niamey')).toEqual(['other', null]);
    expect(read('norway mali deployment status')).toEqual(['other', null]);
    // A question word further on says what is asked.
    expect(read('lambrecht doubts extension of which mission')).toEqual(['entity', 'mission']);
  });
});

describe('a date named in a question that asks something else', () => {
  it('reads "last year", "this year" at the end as when, not what is asked', () => {
    expect(read('why did the ministry shut the consulate last year')).toEqual(['reason', null]);
    expect(analyzeQuestion('how did the farmers react this year').answerType).toBe('other');
    expect(analyzeQuestion('how did the farmers react this year').predicateOf).toBe('the farmers');
    // A year asked for still is.
    const launch = analyzeQuestion('the operation launch year');
    expect([launch.answerType, launch.dateKind]).toEqual(['date', 'year']);
  });

  it('reads a question opened by "time" as a time of day', () => {
    const q = analyzeQuestion('time the last convoy reached gao');
    expect([q.answerType, q.dateKind]).toEqual(['date', 'time']);
  });

  it('reads a noun phrase opened by "total" or "overall" as a count of its noun', () => {
    expect(read('total police officers in the north?')).toEqual(['number', 'officers']);
    expect(read('overall police presence in the north')).toEqual(['number', 'police']);
    // "the total bill" counts nothing.
    expect(read('the total bill for the bridge')).toEqual(['other', null]);
  });

  it('reads a closing ", which X" or ", what kind of X" as the kind asked, not for a place, date or count', () => {
    expect(read('who did the minister brief, which newspaper')).toEqual(['entity', 'newspaper']);
    expect(read('why was the reporter detained, what kind of charges')).toEqual(['entity', 'charges']);
    expect(read('where did the talks happen, which city')).toEqual(['place', 'city']);
    expect(read('when did the talks happen, what month')).toEqual(['date', null]);
  });

  it('counts people written in shorthand', () => {
    expect(read('how many ppl fled the town')).toEqual(['number', 'people']);
    expect(read('how many displaced ppl live in the camp')).toEqual(['number', 'people']);
  });
});

describe('the asked type of a French question', () => {
  const fr = (q: string) => {
    const a = analyzeQuestion(q);
    return [a.language, a.answerType, a.headNoun, a.dateKind];
  };
  it('reads "combien" as a count of the noun after it, "combien de temps" or "d\'heures" as a duration', () => {
    expect(fr('combien de soldats français restent au Mali ?')).toEqual(['fr', 'number', 'soldats', null]);
    expect(fr("combien de temps l'ambassadeur a pour quitter le mali")).toEqual([
      'fr',
      'duration',
      null,
      null,
    ]);
    expect(fr("ultimatum combien d'heures aux soldats francais pour partir")).toEqual([
      'fr',
      'duration',
      null,
      null,
    ]);
    // "cb", the written shorthand of "combien".
    expect(fr('le mali est dirigé par cb de colonels')).toEqual(['fr', 'number', 'colonels', null]);
  });

  it('reads "quand", "quelle date" as a date and "en quelle année" as a year', () => {
    expect(fr('barkhane lancée quand exactement')).toEqual(['fr', 'date', null, null]);
    expect(fr('barkhane quitte menaka quelle date')).toEqual(['fr', 'date', null, null]);
    expect(fr('la base de ménaka a ouvert en quelle année')).toEqual(['fr', 'date', null, 'year']);
  });

  it('reads "c\'est qui" as a person, "pourquoi" as a reason, "où" as a place', () => {
    expect(fr("le compte twitter qui accuse l'armée du charnier c'est qui")).toEqual([
      'fr',
      'person',
      null,
      null,
    ]);
    expect(fr('pourquoi la france quitte le mali')).toEqual(['fr', 'reason', null, null]);
    expect(fr('où sont les soldats français aujourd’hui ?')).toEqual(['fr', 'place', null, null]);
  });

  it('reads "quel(le) X" and "nom de X" by what X names: a title a person, "ville" a place', () => {
    expect(fr('quel ministre a signé le décret')).toEqual(['fr', 'person', null, null]);
    expect(fr('nom du porte-parole de la mission')).toEqual(['fr', 'person', null, null]);
    expect(fr("nom de l'ambassadrice expulsee")).toEqual(['fr', 'person', null, null]);
    expect(fr("Comment s'appelle le ministre estonien de la Défense ?")).toEqual([
      'fr',
      'person',
      null,
      null,
    ]);
    expect(fr('quelle ville accueille le nouvel état-major')).toEqual(['fr', 'place', 'city', null]);
    // A noun of another kind ("quelle base") or one the list does not hold: untyped, as before.
    expect(fr('quelle base reste à rendre aux soldats maliens')).toEqual(['fr', 'other', null, null]);
  });

  it('leaves a leading "qui a…" and an "ou" meaning "or" untyped', () => {
    // "Qui a rendu hommage…" is as often answered by a body ("Ces collaborateurs") as by a name.
    expect(fr("qui a rendu hommage a l'ambassadeur avant son depart")).toEqual(['fr', 'other', null, null]);
    expect(fr('le retrait a été négocié avec bamako ou pas ?')).toEqual(['fr', 'other', null, null]);
  });
});

describe('the head noun of a "which X" or "what X" question', () => {
  it('is the noun after the question word, past a passive "got" and a "which" that ends the question', () => {
    // WordNet's forms table lacks "got": it is the passive's auxiliary, no head.
    expect(read('what flag got torched at the rally in bamako')).toEqual(['entity', 'flag']);
    // "contingent was to join which force" is no relative clause on "join".
    expect(read('danish contingent was to join which force')).toEqual(['entity', 'force']);
    // A dash before "which" is no noun a relative clause could follow.
    expect(read('goxho - which university/institute')).toEqual(['entity', 'university']);
    // A relative clause on a noun still names the thing described.
    expect(read('eu missons that will feel the french departure?')).toEqual(['entity', 'missons']);
  });
});

describe('a question put as a noun phrase', () => {
  it('asks a date or a place by the class of its closing noun, not by a year it is set in', () => {
    expect(read('eu-au summit dates')).toEqual(['date', null]);
    expect(read('eu-au summit city')).toEqual(['place', null]);
    // "last year" sets the question in a year; a place's name closing it names the topic.
    expect(read('reasons for cutting barkhane last year')).toEqual(['other', null]);
    expect(read('french foreign minister quoted on mali')).toEqual(['other', null]);
  });
});

describe('a French yes/no question', () => {
  it('is one asked with a finite verb and a question mark, with no question word and no choice', () => {
    const yesNo = (q: string) => analyzeQuestion(q).yesNo;
    expect(yesNo('takuba va etre transféré au niger ou pas?')).toBe(true);
    expect(yesNo('les troupes restent au sahel ?')).toBe(true);
    // "qui" inside the question opens a relative clause; the inversion asks yes or no.
    expect(yesNo("la résolution qui met fin à la minusma a-t-elle été votée à l'unanimité ?")).toBe(true);
    // A noun phrase, a question word, a choice: no yes or no.
    expect(yesNo('porte-parole de la minusma ?')).toBe(false);
    expect(yesNo('qui a lu le communiqué ?')).toBe(false);
    expect(yesNo('gao a été rendue aux fama avant gossi ou a la toute fin ?')).toBe(false);
  });
});

describe('the French nouns of an English noun', () => {
  it('are every French noun of the list with that English noun, from one table built once', () => {
    expect(frenchNounsFor('soldier')).toEqual(['soldat', 'militaire']);
    expect(frenchNounsFor('ambassador')).toEqual(['ambassadeur', 'ambassadrice']);
    expect(frenchNounsFor('tank')).toEqual([]);
    // The same list each time: the map is inverted when the module loads, not on every call.
    expect(frenchNounsFor('soldier')).toBe(frenchNounsFor('soldier'));
  });
});

describe('the search terms of a question', () => {
  it('leave out the words that only frame a question', () => {
    expect(analyzeQuestion('What exactly is really going on in Mali these days?').terms).toEqual([
      'go',
      'mali',
    ]);
  });

  it('are French stems for a French question', () => {
    const q = analyzeQuestion('Pourquoi la France a-t-elle quitté le Mali ?');
    expect([q.language, q.terms]).toEqual(['fr', ['franc', 'quitt', 'mal']]);
  });
});
