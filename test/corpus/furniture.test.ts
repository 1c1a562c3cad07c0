import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/corpus/furniture.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { articleOfPage, readAnnotatedPages } from '../../src/corpus/measure.js';
import { splitParagraphs } from '../../src/corpus/segment.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';
import { PAGE_FIXTURES_DIR } from '../support/page-annotations.js';

const CORPUS = FIXTURE_CORPUS_DIR;
const corpus = loadCorpus(CORPUS);

type Hint = { startsWith: string; reason: string };

/** Classifies an inline text and returns each block as [kind, text]. */
function classify(
  text: string,
  title: string | null = null,
  furnitureHints: Hint[] = [],
): Array<[string, string]> {
  return classifyBlocks(text, splitParagraphs(text), { title, furnitureHints }).map((b) => [
    b.kind,
    text.slice(b.start, b.end),
  ]);
}
const BODY = 'France will withdraw its troops from Mali over the coming months.';
const kept = (blocks: Array<[string, string]>) => blocks.filter(([k]) => k !== 'furniture');

describe('classifyBlocks drops page furniture', () => {
  it('indexes a body the page prints twice only once, so no answer cites the same sentence as [1] and [2]', () => {
    const second = 'The last convoy crossed into Niger on Monday, the army said.';
    expect(classify(`${BODY}\n\n${second}\n\n${BODY}\n\n${second}`)).toEqual([
      ['body', BODY],
      ['body', second],
      ['furniture', BODY],
      ['furniture', second],
    ]);
    const blocks = classifyBlocks(`${BODY}\n\n${BODY}`, splitParagraphs(`${BODY}\n\n${BODY}`), {
      title: null,
      furnitureHints: [],
    });
    expect(blocks[1]!.reason).toBe('repeated paragraph (the page prints it again)');
  });

  it('drops captions that end in a credit, reading times, prompts, teasers and file names', () => {
    const lines = [
      'Paris (France), 17/02/2022.- French President Emmanuel Macron holds a press conference. EFE/EPA/IAN LANGSDON / POOL',
      'Soldiers board a transport plane in Gao, Mali on Wednesday, June 9, 2021.',
      'Troops leave the Gao base (Jane Doe/AP)',
      '(Image credit: AP)',
      'File photo: AFP',
      '·2 min read',
      'Already subscribed? Log in',
      'Looking to read the full article?',
      'Download the Sahel Wire app',
      'READ MORE: Mali junta expels French ambassador',
      'Lire aussi : Le Mali rompt avec la France',
      'find more fun & mates at SoShow now !',
      'google-play-badge_FR',
      '(With input from AFP)',
      'Facebook Twitter WhatsApp',
      'Jane Doe is a correspondent for Sahel Wire based in Bamako.',
    ];
    const blocks = classify([...lines, BODY].join('\n\n'));
    expect(kept(blocks)).toEqual([['body', BODY]]);
    expect(blocks.filter(([k]) => k === 'furniture')).toHaveLength(lines.length);
  });

  it('drops numbered "Skip to content" navigation', () => {
    expect(kept(classify(`1. Skip to content\n  2. Skip to main menu\n\n${BODY}`))).toEqual([['body', BODY]]);
  });

  it('drops a "Logo of" image label', () => {
    expect(kept(classify(`Logo of Daily Planet newspaper\n\n${BODY}`))).toEqual([['body', BODY]]);
  });

  it('drops a caption that ends with an "Image: Name/REUTERS" credit', () => {
    expect(kept(classify(`${BODY}\n\nA soldier guards the base in GaoImage: Jane Doe/REUTERS`))).toEqual([
      ['body', BODY],
    ]);
  });

  it('drops a caption that ends with a "[Name/AFP]" credit', () => {
    expect(
      kept(classify(`${BODY}\n\nThe last soldiers have left the country, the army said [Thomas Coex/AFP]`)),
    ).toEqual([['body', BODY]]);
  });

  it('drops an alt-text line that the caption after it repeats', () => {
    const blocks = classify(
      `${BODY}\n\nA French soldier mans a machine gun\nA French soldier mans a machine gun during Operation BarkhaneImage: Jane Doe/REUTERS`,
    );
    expect(blocks).toEqual([
      ['body', BODY],
      ['furniture', 'A French soldier mans a machine gun'],
      ['furniture', 'A French soldier mans a machine gun during Operation BarkhaneImage: Jane Doe/REUTERS'],
    ]);
  });

  it('drops a "Source:" line', () => {
    expect(kept(classify(`${BODY}\n\nSource: Al Jazeera and news agencies`))).toEqual([['body', BODY]]);
  });

  it('drops an agency tag like "rc/rt (AFP, AP, dpa, Reuters)"', () => {
    expect(kept(classify(`${BODY}\n\nrc/rt (AFP, AP, dpa, Reuters)`))).toEqual([['body', BODY]]);
  });

  it('drops a line that is only a date', () => {
    expect(kept(classify(`February 17, 2022\n\n${BODY}`))).toEqual([['body', BODY]]);
  });

  it('drops an "Infografik" label', () => {
    expect(kept(classify(`${BODY}\n\nInfografik Internationale Truppen in Mali EN`))).toEqual([
      ['body', BODY],
    ]);
  });

  it('keeps the headline once and drops it where it is repeated', () => {
    const title = 'France and allies to withdraw troops from Mali';
    expect(classify(`${title}\n\n${BODY}\n\n${title}`, title)).toEqual([
      ['heading', title],
      ['body', BODY],
      ['furniture', title],
    ]);
  });

  it('drops everything from a "MOST VIEWED" heading on, body-like text included', () => {
    const blocks = classify(
      `${BODY}\n\nMOST VIEWED\n\nTensions high ahead of historic match up\n\nThe long-awaited matchup has become the most anticipated fight of the year.`,
    );
    expect(kept(blocks)).toEqual([['body', BODY]]);
    expect(blocks).toHaveLength(4);
  });

  it('drops everything from a "Related stories" heading on', () => {
    const blocks = classify(
      `${BODY}\n\nRelated stories\n\nNorway abandons its planned deployment to the Sahel region this year.`,
    );
    expect(kept(blocks)).toEqual([['body', BODY]]);
  });

  it('drops a block named by a furnitureHints entry', () => {
    const promo = 'Sign up for our daily newsletter and never miss a story from the region.';
    const blocks = classify(`${BODY}\n\n${promo}`, null, [
      { startsWith: 'Sign up for our', reason: 'newsletter promotion' },
    ]);
    expect(blocks).toEqual([
      ['body', BODY],
      ['furniture', promo],
    ]);
  });
});

describe('classifyBlocks keeps headings and cuts datelines', () => {
  it('keeps a subheading as a heading, not as body text', () => {
    const after = 'Relations had worsened since the 2020 coup, officials said.';
    expect(classify(`${BODY}\n\nFrayed relations\n\n${after}`)).toEqual([
      ['body', BODY],
      ['heading', 'Frayed relations'],
      ['body', after],
    ]);
  });

  it('keeps a dateline with its sentence, as wire copy prints it', () => {
    expect(classify(`PARIS (AP) — ${BODY}`)).toEqual([['body', `PARIS (AP) — ${BODY}`]]);
  });

  it('cuts a date stamp run into the first line and reads the rest on its own', () => {
    expect(classify(` date 2022-02-17 By SYLVIE CORBET\n\nAssociated Press\n\n${BODY}`)).toEqual([
      ['furniture', 'date 2022-02-17'],
      ['furniture', 'By SYLVIE CORBET'],
      ['furniture', 'Associated Press'],
      ['body', BODY],
    ]);
  });

  it('cuts a link to the rest of the article and a report credit from the end of a body line', () => {
    expect(classify(`${BODY}... suite de l'article sur RFI`)).toEqual([
      ['body', BODY],
      ['furniture', "... suite de l'article sur RFI"],
    ]);
    expect(classify(`${BODY} TF1 | Reportage B. Christal, A.F. Lespiaut`)).toEqual([
      ['body', BODY],
      ['furniture', 'TF1 | Reportage B. Christal, A.F. Lespiaut'],
    ]);
    expect(classify(`${BODY} © Jane Doe / Sahel Wire`)).toEqual([
      ['body', BODY],
      ['furniture', '© Jane Doe / Sahel Wire'],
    ]);
  });
});

describe('furniture in the bundled corpus', () => {
  it('indexes nothing from the Phnom Penh Post sidebar of Cambodian stories', () => {
    const article = corpus.byId.get('phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears')!;
    expect(article.passages.filter((p) => /Cambodia|Hun Manet/.test(p.text))).toEqual([]);
    expect(article.passages[article.passages.length - 1]!.text).toBe(
      'Sources familiar with negotiations said there had been disagreement among Europeans as well as with the British and the US about a wider departure, including over the risks of leaving Mali open to Russian influence.',
    );
  });

  it('indexes no navigation, image credit or photo caption anywhere', () => {
    expect(corpus.passages.filter((p) => /Skip to|Image:|\[Thomas Coex\/AFP\]/.test(p.text))).toEqual([]);
  });

  it('keeps the Brussels Morning dateline with its first sentence', () => {
    const article = corpus.byId.get('brussels-morning-2022-02-17-macron-announces-mali-withdrawal')!;
    expect(
      article.passages[0]!.text.startsWith(
        'Belgium (Brussels Morning Newspaper) France’s President Emmanuel Macron announced today',
      ),
    ).toBe(true);
  });
});

describe('classifyBlocks on page shapes beyond the seeds', () => {
  it('drops a caption whose credit closes the line, whole, and says why', () => {
    const caption =
      'The last helicopter hangar at the French base in Gao is taken down (a photograph released on 7 August). (Armée Française - Opération Barkhane)';
    const blocks = classifyBlocks(`${caption}\n${BODY}`, splitParagraphs(`${caption}\n${BODY}`), {
      title: null,
      furnitureHints: [],
    });
    expect(blocks.map((b) => [b.kind, b.reason])).toEqual([
      ['furniture', 'photo caption with credit'],
      ['body', undefined],
    ]);
  });

  it("drops a caption closed by a photographer's credit, though it names no picture", () => {
    const caption =
      'French President Emmanuel Macron speaks at the Elysee Palace in Paris, Feb. 17 2022. Macron said France will keep troops in the region. (Jane Doe, Pool via AP)';
    expect(kept(classify(`${caption}\n\n${BODY}`))).toEqual([['body', BODY]]);
  });

  it('keeps a body line that ends in a credit, minus the credit, its words as printed', () => {
    const sentence =
      "Jeudi 17 février, Emmanuel Macron a officialisé le retrait des soldats français du Mali. D'autres seront redéployés au Niger.";
    expect(classify(`${sentence}Source : https://www.francetvinfo.fr/monde/terrorisme-djiha...`)).toEqual([
      ['body', sentence],
      ['furniture', 'Source : https://www.francetvinfo.fr/monde/terrorisme-djiha...'],
    ]);
    const video =
      'The latest team of Chinese peacekeepers sent to Mali has conducted a defence drill, Chinese state media reported.';
    expect(classify(`${video} Video courtesy: CCTV`)).toEqual([
      ['body', video],
      ['furniture', 'Video courtesy: CCTV'],
    ]);
    const signed = `${BODY} Sweden said it was ready to withdraw its 215 soldiers.`;
    expect(classify(`${signed} R.A`)).toEqual([
      ['body', signed],
      ['furniture', 'R.A'],
    ]);
    expect(classify(`${signed} AFP`)).toEqual([
      ['body', signed],
      ['furniture', 'AFP'],
    ]);
  });

  it('drops a line of one short sentence under an agency name as a caption, whole', () => {
    expect(
      kept(classify(`French President Emmanuel Macron stands at the Elysee Palace. AFP\n\n${BODY}`)),
    ).toEqual([['body', BODY]]);
  });

  it("cuts a page's script printed as text from the paragraph it runs into, the prose kept verbatim", () => {
    const prose =
      'Paris plans to halve its troop presence to 2,000 by July and is pressing its former colony to hold elections.';
    const code = `console.log("catid body is "+catID);if(catID==120){document.getElementsByClassName("divConnatix")[0].style.display ="none";}`;
    expect(classify(`${BODY}\n${code}${prose}`)).toEqual([
      ['body', BODY],
      ['furniture', code],
      ['body', prose],
    ]);
  });

  it('drops everything after a paywall notice that follows the first sentences', () => {
    const blocks = classify(
      [
        BODY,
        'This article is for subscribers only. You still have 86% to discover.',
        'Flash Sale -70%',
        'Offer available until September 25. Without obligation.',
      ].join('\n'),
    );
    expect(kept(blocks)).toEqual([['body', BODY]]);
    expect(
      classifyBlocks(
        `${BODY}\nThis article is for subscribers only.\nOffer available until September 25.`,
        splitParagraphs(
          `${BODY}\nThis article is for subscribers only.\nOffer available until September 25.`,
        ),
        { title: null, furnitureHints: [] },
      )[2]!.reason,
    ).toBe('after the paywall notice "This article is for subscribers only."');
  });

  it("drops the offer's own prose after a paywall notice, but not the article going on after a label", () => {
    const offer =
      'Full-access articles are available in the free items. Subscribers have access to the full analyses and the archives, which are reserved for premium subscribers.';
    const article =
      'The Swedish parliament has authorized an armed deployment within the task force. This could include up to 250 personnel over short periods, with an air detachment.';
    expect(
      kept(
        classify(
          [BODY, 'The rest of this article is for subscribers only', offer, 'From €6,50 per month.'].join(
            '\n',
          ),
        ),
      ),
    ).toEqual([['body', BODY]]);
    expect(
      kept(classify([BODY, 'The rest of this article is for subscribers only', article].join('\n'))),
    ).toEqual([
      ['body', BODY],
      ['body', article],
    ]);
  });

  it('drops a republication note that names the outlet first published in', () => {
    const note =
      'This African News article was originally published on this site, click here to view the original';
    expect(kept(classify([note, BODY].join('\n')))).toEqual([['body', BODY]]);
  });

  it('cuts a video label glued to the first word of a summary, and keeps a word that begins like one', () => {
    const summary =
      'Le gouvernement de transition au Mali a annoncé, lundi 2 mai 2022, la rupture des accords de défense liant le pays à la France.';
    const blocks = classifyBlocks(`Vidéo${summary}`, splitParagraphs(`Vidéo${summary}`), {
      title: null,
      furnitureHints: [],
    });
    expect(blocks.map((b) => [b.kind, `Vidéo${summary}`.slice(b.start, b.end)])).toEqual([
      ['furniture', 'Vidéo'],
      ['body', summary],
    ]);
    const plain = 'Videoconference talks between Paris and Bamako were held on Monday, the ministry said.';
    expect(kept(classify(plain))).toEqual([['body', plain]]);
  });

  it('drops a caption whose date follows a bracket and a comma, and keeps prose dating an event', () => {
    const caption = 'French President Emmanuel Macron during his trip to Toulon (Var), November 9, 2022.';
    const prose = 'Macron spoke in Toulon (Var) on November 9, 2022, to present the strategic review.';
    expect(kept(classify([BODY, caption, prose].join('\n')))).toEqual([
      ['body', BODY],
      ['body', prose],
    ]);
  });

  it('drops the captions of a photo gallery, which share one background sentence', () => {
    const background =
      'French President Emmanuel Macron announced at a press conference that operation Barkhane would end.';
    const captions = [
      `French mechanics maintain a Mirage 2000 on the Niamey base. ${background}`,
      `A French dog looks for explosives at the entrance of the Niamey base. ${background}`,
      `French soldiers disembark from a cargo plane at Niamey. ${background}`,
    ];
    expect(kept(classify([...captions, BODY].join('\n')))).toEqual([['body', BODY]]);
  });

  it('drops comment forms, feed footers, metadata lines and calls to action, in English and French', () => {
    const lines = [
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      'Les commentaires sont désactivés pour cet publication.',
      'L’article Le Mali et la France est apparu en premier sur Editions Le Pays.',
      'Junior Gnapié | 13/06/2024 | 104 vues',
      'INTERNATIONAL 31/01/2022',
      '2022-08-16 2',
      'Cliquez ici pour lire l’article depuis sa source.',
      'Vous avez un compte ? Connectez-vous',
      '(Reporting by Jane Doe; Editing by John Smith)',
      'Tags: Mali, France, Barkhane',
    ];
    const blocks = classify([BODY, ...lines].join('\n\n'));
    expect(kept(blocks)).toEqual([['body', BODY]]);
    expect(blocks.filter(([k]) => k === 'furniture')).toHaveLength(lines.length);
  });

  it('drops short lines around the article by their shape, and keeps a subheading between paragraphs', () => {
    const after = 'Relations had worsened since the 2020 coup, officials said.';
    const blocks = classifyBlocks(
      `${BODY}\n\nFrayed relations\n\n${after}\n\nCommentaires\n\nDéconnexion`,
      splitParagraphs(`${BODY}\n\nFrayed relations\n\n${after}\n\nCommentaires\n\nDéconnexion`),
      { title: null, furnitureHints: [] },
    );
    expect(blocks.map((b) => [b.kind, b.reason])).toEqual([
      ['body', undefined],
      ['heading', 'subheading'],
      ['body', undefined],
      ['furniture', 'comment form'],
      [
        'furniture',
        'page furniture by its shape (outside the article, no sentence punctuation, short, next to furniture)',
      ],
    ]);
  });
});

describe('classifyBlocks on the shapes of waves 7 and 8', () => {
  const AFTER = 'The last convoy crossed into Niger on Monday, the army said in a statement.';

  it('drops a "Related" label run into the headline it links to, and keeps a sentence opening with the word', () => {
    const related = 'Related talks between Paris and Bamako broke down in January, officials said.';
    expect(
      classify(`${BODY}\n\nRelated Chad ends defence cooperation with France\n\n${AFTER}\n\n${related}`),
    ).toEqual([
      ['body', BODY],
      ['furniture', 'Related Chad ends defence cooperation with France'],
      ['body', AFTER],
      ['body', related],
    ]);
  });

  it('cuts a byline run in front of a wire dateline and the credits run onto the last sentence, in French', () => {
    const text =
      "par Thiam Ndiaga OUAGADOUGOU (Reuters) - L'armée du Burkina Faso a annoncé dimanche la fin des opérations de la force Sabre. (Avec Sudip Kar-Gupta à Paris, rédigé par Alessandra Prentice, version française Laetitia Volga)";
    const blocks = classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] });
    expect(blocks.map((b) => [b.kind, b.reason ?? null, text.slice(b.start, b.end)])).toEqual([
      ['furniture', 'byline before the dateline', 'par Thiam Ndiaga'],
      [
        'body',
        null,
        "OUAGADOUGOU (Reuters) - L'armée du Burkina Faso a annoncé dimanche la fin des opérations de la force Sabre.",
      ],
      [
        'furniture',
        'reporting, writing and editing credits',
        '(Avec Sudip Kar-Gupta à Paris, rédigé par Alessandra Prentice, version française Laetitia Volga)',
      ],
    ]);
  });

  it('cuts an editing credit that opens with an accented letter ("(Édité par …)")', () => {
    const text =
      "L'armée française a quitté la base de Gao lundi, a indiqué l'état-major. (Édité par Jean Dupont)";
    const blocks = classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] });
    expect(blocks.map((b) => [b.kind, b.reason ?? null, text.slice(b.start, b.end)])).toEqual([
      ['body', null, "L'armée française a quitté la base de Gao lundi, a indiqué l'état-major."],
      ['furniture', 'reporting, writing and editing credits', '(Édité par Jean Dupont)'],
    ]);
  });

  it('drops an embedded post ending in its t.co links and a caption closed by a bare agency code', () => {
    const post =
      'Les troupes quittent le Sénégal https://t.co/1ApaWlYji7 @ledauphine https://t.co/xXK5VU2zw2';
    const caption = 'France has handed over the Camp Geille military base to Senegalese authorities. / AA';
    const text = `${BODY}\n\n${caption}\n\n${AFTER}\n\n${post}`;
    const blocks = classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] });
    expect(blocks.map((b) => [b.kind, b.reason ?? null])).toEqual([
      ['body', null],
      ['furniture', 'photo caption with credit'],
      ['body', null],
      ['furniture', 'embedded social-media post'],
    ]);
  });

  it('drops the headline printed again cut short, and keeps the headline', () => {
    const title = 'France will withdraw its troops from Burkina Faso within a month';
    expect(
      classify(`${title}\n\nFrance will withdraw its troops from Burkina Faso within a\n\n${BODY}`, title),
    ).toEqual([
      ['heading', title],
      ['furniture', 'France will withdraw its troops from Burkina Faso within a'],
      ['body', BODY],
    ]);
  });

  it('keeps a subheading before the last paragraph when the page was cut in the middle of it', () => {
    const cut =
      'Whereas Barkhane managed to leave Mali in six months, the 400 special forces will now have to leave Burkina Faso within';
    expect(classify(`${BODY}\n\nLeave the country in a month\n\n${cut}`)).toEqual([
      ['body', BODY],
      ['heading', 'Leave the country in a month'],
      ['body', cut],
    ]);
  });
});

describe('classifyBlocks on the shapes of wave 9', () => {
  it("drops an image's markup printed as text and an author's box, and cuts a date stamp run into the first word", () => {
    const markup =
      '<image>data:image/s3,"s3://crabby-images/cd28a/cd28a8b5a7849dfddc6d20101ed93b22d2d1a0b7" alt="French troops to leave Niger"</image>';
    const box =
      "À propos de Félicité Vincent - Rédactrice en chef à Radio Sahel, Félicité s'engage pour la radio de demain. Nous Contacter";
    const stamped =
      'Publié le 22/05/2025 à 11:01Au cœur de Libreville, le camp de Gaulle connaît une métamorphose profonde.';
    const text = `${markup}\n\n${box}\n\n${stamped}`;
    const blocks = classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] });
    expect(blocks.map((b) => [b.kind, b.reason ?? null, text.slice(b.start, b.end)])).toEqual([
      ['furniture', "an image's markup printed as text", markup],
      ['furniture', 'author bio', box],
      ['furniture', 'date stamp', 'Publié le 22/05/2025 à 11:01'],
      ['body', null, 'Au cœur de Libreville, le camp de Gaulle connaît une métamorphose profonde.'],
    ]);
  });
});

describe('classifyBlocks on list, feed, credit and headline shapes', () => {
  const AFTER = 'The last convoy crossed into Niger on Monday, the army said in a statement.';
  const reasons = (text: string, title: string | null = null) =>
    classifyBlocks(text, splitParagraphs(text), { title, furnitureHints: [] }).map((b) => [
      b.kind,
      b.reason ?? null,
      text.slice(b.start, b.end),
    ]);

  it("ends a sidebar of teasers where the article's prose resumes", () => {
    const prose =
      'Sweden is leaving these two commitments after its foreign minister criticised the junta. The mission was slated to end in March.';
    expect(
      classify(
        `${BODY}\n\nYou Might Also Like\n\nIndia, Egypt look to deepen military co-operation\n\nFrench forces asked to leave Burkina Faso\n\n${prose}\n\n${AFTER}`,
      ),
    ).toEqual([
      ['body', BODY],
      ['furniture', 'You Might Also Like'],
      ['furniture', 'India, Egypt look to deepen military co-operation'],
      ['furniture', 'French forces asked to leave Burkina Faso'],
      ['body', prose],
      ['body', AFTER],
    ]);
  });

  it('drops a news feed of timed teasers and its separators, and keeps one timed line alone', () => {
    const feed = `${BODY}\n\n-\n\n17:23Monde - Nouvelles pluies torrentielles en Espagne\n\n-\n\n07:00 Auto - Japon : Téléphone à vélo, direction la prison !`;
    expect(reasons(feed).map(([k, r]) => [k, r])).toEqual([
      ['body', null],
      ['furniture', 'no words (a separator or a counter)'],
      ['furniture', 'news-feed teaser (a time, then the headline of another story)'],
      ['furniture', 'no words (a separator or a counter)'],
      ['furniture', 'news-feed teaser (a time, then the headline of another story)'],
    ]);
    const one = `${BODY}\n\n10:30 Troops crossed the border into Niger before dawn on Monday, officials said.`;
    expect(classify(one).map(([k]) => k)).toEqual(['body', 'body']);
  });

  it('cuts what is run onto the headline above the article, and drops the headline printed again with its stamp', () => {
    const title = 'Mali : l’armée française quitte Ménaka';
    const text = `${title} - abamako.com\n\n${title} Publié le lundi 13 juin 2022\n\n${BODY}`;
    expect(reasons(text, title)).toEqual([
      ['heading', 'headline', title],
      ['furniture', 'site name, section label or date run onto the headline', '- abamako.com'],
      [
        'furniture',
        'repeated headline (with a stamp or label run onto it)',
        `${title} Publié le lundi 13 juin 2022`,
      ],
      ['body', null, BODY],
    ]);
    // A sentence that opens with the headline's words is the article, not a label run onto it.
    const sentence = `${title} pour de bon, a annoncé lundi l'état-major des armées à Paris.`;
    expect(classify(`${sentence}\n\n${BODY}`, title).map(([k]) => k)).toEqual(['body', 'body']);
  });

  it('keeps the first sentence after a headline taken from the first sentence, though it ends with a year', () => {
    const title = 'The French army is withdrawing from Mali, Emmanuel Macron announced on Thursday.';
    const second = 'The soldiers had been engaged in the country since 2013.';
    const blocks = classify(`${title} ${second}\n\n${BODY}`, title);
    expect(blocks.filter(([k]) => k === 'furniture')).toEqual([]);
    expect(blocks.map(([, t]) => t).join(' ')).toContain(second);
    // A stamp closed by its full date is still cut.
    const stamped = classify(`${title} Published on February 17, 2022.\n\n${BODY}`, title);
    expect(stamped).toContainEqual(['furniture', 'Published on February 17, 2022.']);
  });

  it('drops a one-sentence caption in the present closed by the day the photo was taken, and keeps prose in the past or the future', () => {
    const caption =
      'UN policemen escort an armoured car of the United Nations mission during a patrol in Timbuktu on December 8, 2021.';
    expect(classify(`${BODY}\n\n${caption}\n\n${AFTER}`)).toContainEqual(['furniture', caption]);
    for (const line of [
      'The last French soldiers left the base in Gao on August 15, 2022.',
      'The closure of the mission will begin on January 1, 2024.',
      'French troops withdrawn from Mali arrived in Niger on August 15, 2022.',
    ])
      expect(classify(`${BODY}\n\n${line}\n\n${AFTER}`), line).toContainEqual(['body', line]);
  });

  it("drops a bio or a notice kept after the article's sign-off, and keeps an article that goes on after a byline", () => {
    const bio =
      'With a wealth of experience honed over four years in journalism, I bring a seasoned voice to the world of news.';
    expect(classify([BODY, AFTER, 'Source :Skai', bio].join('\n\n')).map(([k]) => k)).toEqual([
      'body',
      'body',
      'furniture',
      'furniture',
    ]);
    const more = [
      'The army said the handover of the base had gone as planned, without incident.',
      'Officials in Bamako did not comment on the departure on Monday evening.',
      'A ceremony is planned at the base later this week, the ministry said.',
    ];
    expect(classify([BODY, AFTER, 'Source :Skai', ...more].join('\n\n')).map(([k]) => k)).toEqual([
      'body',
      'body',
      'furniture',
      'body',
      'body',
      'body',
    ]);
  });

  it("drops teasers' excerpts cut with an ellipsis after the article, quotation marks and all", () => {
    const text = [
      BODY,
      AFTER,
      'Source : Agence Anadolu',
      'Un blocus total contre les pétroliers a été ordonné Un blocus «total et complet»…',
      'Départ du Premier Ministre pour Tombouctou Le Premier ministre, ministre de…',
    ].join('\n\n');
    expect(classify(text).map(([k]) => k)).toEqual(['body', 'body', 'furniture', 'furniture', 'furniture']);
  });

  it("drops a picture's path printed as text, a widget list and an imperative comment prompt at the end", () => {
    const text = [
      BODY,
      '/2023/07/06/64a68815cd1a7_placeholder-36b69ec8.png)',
      '![Soldiers in Gao](https://example.org/img/gao.jpg)',
      AFTER,
      'Recent Posts',
      'Incroyable, le premier défilé organisé en Ar',
      'laissez un commentaire',
    ].join('\n\n');
    expect(reasons(text).map(([k, r]) => [k, r])).toEqual([
      ['body', null],
      ['furniture', 'image file name'],
      ['furniture', 'image file name'],
      ['body', null],
      ['furniture', 'sidebar "Recent Posts"'],
      ['furniture', 'sidebar "Recent Posts"'],
      ['furniture', 'sidebar "Recent Posts"'],
    ]);
    // A path inside a sentence is the sentence's.
    const prose = 'The photo, saved as /2023/06/30/gao.jpg, was taken by the army in Gao on Monday.';
    expect(classify(`${BODY}\n\n${prose}`).map(([k]) => k)).toEqual(['body', 'body']);
  });

  it("drops a caption closed by its photographer in the agencies' style, and cuts a tag after the last sentence", () => {
    const credited = 'Soldiers of the Takuba force parade in Paris on July 14, 2021.Lewis JOLY (AP)';
    for (const line of [credited, 'Troops leave the base in Gao. Jane DOE / AFP'])
      expect(classify(`${BODY}\n\n${line}\n\n${AFTER}`), line).toContainEqual(['furniture', line]);
    const signed = `${AFTER} The junta said Paris only thinks of its own interests. (ANSA).`;
    expect(classify(`${BODY}\n\n${signed}`)).toEqual([
      ['body', BODY],
      ['body', `${AFTER} The junta said Paris only thinks of its own interests.`],
      ['furniture', '(ANSA).'],
    ]);
  });

  it('drops a bare address, an arrowed link, a caption labelled "(Archives)" and a credit of slashed names', () => {
    const text = [
      BODY,
      'military.africa/2020/09/150-swedish-special-operations-troops-prepare-for-malian-deployment',
      '> Mali : près de 300 civils tués en mars par des soldats maliens',
      'Retrait de Barkhane de Tessalit, extrême Nord du Mali (Archives)',
      'Ludovic Marin/AFP/Getty Images',
      AFTER,
    ].join('\n\n');
    expect(reasons(text).map(([k, r]) => [k, r])).toEqual([
      ['body', null],
      ['furniture', 'a bare web address (a link)'],
      ['furniture', 'link to another story (marked by an arrow)'],
      ['furniture', 'photo caption (labelled in brackets, e.g. "(Archives)")'],
      ['furniture', 'photo or agency credit (names joined by slashes)'],
      ['body', null],
    ]);
  });

  it("drops an author's box and the biography under it, an editor's note in brackets and a wire's end mark", () => {
    const text = [
      `${BODY} Fin`,
      AFTER,
      '(This story has not been edited by our staff and is auto-generated from a syndicated feed.)',
      'About Geraldine Boechat 2664 Articles',
      'Senior Editor for Medafrica Times and former journalist for Swiss National Television',
    ].join('\n\n');
    expect(reasons(text)).toEqual([
      ['body', null, BODY],
      ['furniture', "the wire's end mark", 'Fin'],
      ['body', null, AFTER],
      [
        'furniture',
        'page furniture by its shape (outside the article, wholly in brackets (a note), next to furniture)',
        '(This story has not been edited by our staff and is auto-generated from a syndicated feed.)',
      ],
      ['furniture', "author's box", 'About Geraldine Boechat 2664 Articles'],
      [
        'furniture',
        "author bio (the author's box)",
        'Senior Editor for Medafrica Times and former journalist for Swiss National Television',
      ],
    ]);
  });

  it('drops a short quoted signature after the article, and keeps a quotation there', () => {
    const quote = '“We will leave in good order,” the general said.';
    const text = `${BODY}\n\n${AFTER}\n\n${quote}\n\nGSV "Russia - Islamic World"\n\nBased on materials from TASS`;
    expect(classify(text)).toEqual([
      ['body', BODY],
      ['body', AFTER],
      ['body', quote],
      ['furniture', 'GSV "Russia - Islamic World"'],
      ['furniture', 'Based on materials from TASS'],
    ]);
  });
});

describe('classifyBlocks on notices, credits, stamps and bylines of common page formats', () => {
  const reasons = (text: string) =>
    classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] }).map((b) => [
      b.kind,
      b.reason ?? null,
      text.slice(b.start, b.end),
    ]);
  const AFTER = 'The last convoy crossed into Niger on Monday, the army said in a statement.';
  const LAST = 'About 2,400 French soldiers are deployed in Mali, most of them at bases in the north.';
  /** The reason each line is dropped for, set between two paragraphs, or "kept" where it is not. */
  const verdicts = (lines: string[]) =>
    lines.map((line) => {
      const text = `${BODY}\n\n${line}\n\n${AFTER}\n\n${LAST}`;
      const block = classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] }).find(
        (b) => text.slice(b.start, b.end) === line,
      );
      return block?.kind === 'furniture' ? block.reason : `kept as ${block?.kind ?? 'cut'}`;
    });

  it('drops credits, notes and reader controls set between paragraphs, in English and French', () => {
    expect(
      verdicts([
        'Associated Press writer Baba Ahmed in Bamako, Mali, contributed to this report.',
        'This article was originally published on The Conversation.',
        "Editor's note: This story has been updated.",
        'Find out more about the Barkhane operation',
        'Lire la suite',
        '(Crédit : AFP)',
        'Illustration : AFP',
        'Photo d’illustration',
        'Image caption, French troops have been in Mali since 2013',
        'Photo by Thomas Coex/AFP via Getty Images',
        'French troops in Mali. REUTERS/Benoit Tessier',
        'Des soldats français à Gao, en juin 2021. Photo AFP',
        'Rédaction Africanews',
        'Jane Doe, Correspondent',
        'Partager sur :',
        'error: Content is protected !!',
        'No comments yet. Why don’t you start the discussion?',
        'Source :Skai',
        'FILE - French soldiers of the Barkhane force patrol in Gossi, Mali, on July 26, 2019.',
        'Caption',
        'Share this Story : Macron to assess Mali situation',
      ]),
    ).toEqual([
      'who contributed to the report',
      "editor's or republication note",
      "editor's or republication note",
      'a reader control or link ("Find out more", "Lire la suite")',
      'a reader control or link ("Find out more", "Lire la suite")',
      'photo or agency credit',
      'photo or agency credit',
      'label of a picture or a video',
      'image label',
      'photo or agency credit',
      'photo or agency credit',
      'photo caption with credit',
      'byline or agency line',
      'byline or agency line',
      'sharing buttons',
      'video player, screen-reader, advertising or cookie notice',
      'comment form',
      'byline or agency line',
      'photo caption (a file picture)',
      'label of a picture or a video',
      'call to action (an order to the reader, pointing at the site)',
    ]);
  });

  it('drops date stamps in French and English, with a weekday or an update time', () => {
    expect(
      verdicts([
        '17 février 2022',
        'jeudi 17 février 2022 à 10:35',
        'Thursday 17 February 2022',
        'Mis à jour le 21 février 2023 à 17:08',
      ]),
    ).toEqual(['date stamp', 'date stamp', 'date stamp', 'date stamp']);
    const text = `Publié le 17/02/2022 à 10:31, mis à jour à 12:00\n\n${BODY}`;
    expect(classify(text)).toEqual([
      ['furniture', 'Publié le 17/02/2022 à 10:31, mis à jour à 12:00'],
      ['body', BODY],
    ]);
  });

  it('keeps a sentence that merely opens like a credit or a control', () => {
    const lines = [
      'Find out more people fled Gao on Monday than in the whole of last year, the UN said.',
      'Photo evidence of the mass grave was released by the French army on Friday.',
      'FILE photos of the base, released on Monday, show empty hangars, the army said.',
      '17 février 2022 à 10h35 – Emmanuel Macron annonce le retrait des troupes françaises du Mali.',
    ];
    expect(verdicts(lines)).toEqual(['kept as body', 'kept as body', 'kept as body', 'kept as body']);
  });

  it('keeps printing an article after a subscribers-only label over its opening', () => {
    const opening =
      'La cérémonie se voulait très solennelle. Le 18 février, dans le camp de Kamboinsin, les militaires français et burkinabè ont descendu leurs drapeaux.';
    const text = `${BODY}\n\nRéservé aux abonnés\n\n${opening}`;
    expect(reasons(text)).toEqual([
      ['body', null, BODY],
      ['furniture', 'paywall, subscription, newsletter or app prompt', 'Réservé aux abonnés'],
      ['body', null, opening],
    ]);
  });
});

describe('classifyBlocks on captions without an agency credit', () => {
  const AFTER = 'The last convoy crossed into Niger on Monday, the army said in a statement.';

  it('drops a caption dated the way agencies write it, with the month abbreviated, and keeps "on Monday, Aug. 15"', () => {
    const caption = 'French soldiers stand guard in Gao, Mali, Wednesday, Aug. 10, 2022.';
    const sentence = 'The last French soldiers left on Monday, Aug. 15, 2022. They crossed into Niger.';
    expect(classify(`${BODY}\n\n${caption}\n\n${sentence}\n\n${AFTER}`)).toEqual([
      ['body', BODY],
      ['furniture', caption],
      ['body', sentence],
      ['body', AFTER],
    ]);
  });

  it('drops a short paragraph closed by a "Photo:" credit as a caption, whole', () => {
    const caption =
      'Multi-nationality. A Swedish JTAC supports French special units during an operation. Photo: Försvarsmakten';
    expect(classify(`${BODY}\n\n${caption}\n\n${AFTER}`)).toEqual([
      ['body', BODY],
      ['furniture', caption],
      ['body', AFTER],
    ]);
  });

  it("drops a caption between a picture's name and its credit, and keeps a page's only prose there", () => {
    const caption = 'French Ambassador to Mali Joël Meyer. The junta has decided to expel the ambassador.';
    const text = `Mali expels French ambassador\n\nJoel Meyer\n\n${caption}\n\nPhoto credit: Nicolas Réméné | AFP)\n\n${AFTER}`;
    expect(classify(text, 'Mali expels French ambassador')).toEqual([
      ['heading', 'Mali expels French ambassador'],
      ['furniture', 'Joel Meyer'],
      ['furniture', caption],
      ['furniture', 'Photo credit: Nicolas Réméné | AFP)'],
      ['body', AFTER],
    ]);
    const only = `Mali expels French ambassador\n\nJoel Meyer\n\n${caption}\n\nPhoto credit: Nicolas Réméné | AFP)`;
    expect(kept(classify(only, 'Mali expels French ambassador'))).toEqual([
      ['heading', 'Mali expels French ambassador'],
      ['body', caption],
    ]);
  });
});

describe('classifyBlocks on the captions of wave 11', () => {
  const AFTER = 'The last convoy crossed into Niger on Monday, the army said in a statement.';

  it('drops an alt text and its "(Picture: MOD)." caption, and a caption naming who stands where', () => {
    const text = [
      'British peacekeeping troops in Mali',
      'British peacekeeping troops in Mali (Picture: MOD).',
      BODY,
      'Sadio Camara (3rd L) and Andrei Belousov (2nd R) hold a meeting in Moscow on May 10, 2025. Russian Defense Ministry / TASS',
      AFTER,
    ].join('\n\n');
    expect(classify(text).map(([k]) => k)).toEqual(['furniture', 'furniture', 'body', 'furniture', 'body']);
  });
});

describe('classifyBlocks keeps body lines that share a shape with furniture', () => {
  const AFTER = 'The last convoy crossed into Niger on Monday, the army said in a statement.';

  it("keeps a live blog's timed entries, which are not a feed's time-and-section teasers", () => {
    const entries = [
      '10:30 French troops crossed the border into Niger before dawn, the army said.',
      '11:05 Malian officials said the base at Gao was now under their control.',
    ];
    expect(kept(classify([BODY, ...entries, AFTER].join('\n\n')))).toHaveLength(4);
  });

  it('keeps a subheading "About …" and the paragraph under it, which are no author\'s box', () => {
    const under = 'Barkhane was launched in 2014 and counted 5,100 soldiers at its peak across the Sahel.';
    expect(classify(`${BODY}\n\nAbout Operation Barkhane\n\n${under}\n\n${AFTER}`)).toEqual([
      ['body', BODY],
      ['heading', 'About Operation Barkhane'],
      ['body', under],
      ['body', AFTER],
    ]);
  });
});

describe('classifyBlocks on a teaser run onto a paragraph', () => {
  it('cuts a "Lire aussi :" teaser from the end of a paragraph and keeps the paragraph as printed', () => {
    const para = 'Les derniers soldats français ont quitté Gao lundi, a annoncé l’état-major.';
    const text = `${para} Lire aussi : Mali, la junte dénonce les accords de défense`;
    const blocks = classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] });
    expect(blocks.map((b) => [b.kind, b.reason ?? null, text.slice(b.start, b.end)])).toEqual([
      ['body', null, para],
      ['furniture', 'teaser for another story', 'Lire aussi : Mali, la junte dénonce les accords de défense'],
    ]);
  });
});

describe('classifyBlocks on lines judged against the rest of their page', () => {
  const blocksOf = (text: string, title: string | null, language = 'en') =>
    classifyBlocks(text, splitParagraphs(text), { title, furnitureHints: [], language }).map((b) => [
      b.kind,
      b.reason ?? null,
      text.slice(b.start, b.end),
    ]);

  it("drops another story's headline set between the paragraphs, and keeps a subheading that shares the article's words", () => {
    const first = 'The last French soldiers left the Gao base on Monday, the general staff said in Paris.';
    const teaser = 'Flooding Forces Thousands From Their Homes Across Coastal Bangladesh';
    const subheading = 'Gao base handed to the Malian army';
    const second = 'The Malian army took over the base the same day, ending nine years of French presence.';
    const short = 'What the engineers built over a decade';
    const text = [first, teaser, subheading, second, short, second.replace('same', 'next')].join('\n\n');
    expect(blocksOf(text, 'France completes its withdrawal from Mali')).toEqual([
      ['body', null, first],
      [
        'furniture',
        'teaser for another story (a headline set between the paragraphs that shares 0 of its 7 words with this article)',
        teaser,
      ],
      ['heading', 'subheading', subheading],
      ['body', null, second],
      // Too few words to judge by (engineer, built, decade): kept as a subheading.
      ['heading', 'subheading', short],
      ['body', null, second.replace('same', 'next')],
    ]);
  });

  it("judges a French page's lines with French stems, and leaves the items of a list the paragraph introduces", () => {
    const first =
      'Les militaires français ont quitté le camp de Ménaka lundi, selon l’état-major des armées.';
    const intro = 'Deux unités maliennes occupent désormais le camp :';
    const item = '- Le bataillon du génie, arrivé de Bamako en juillet dernier avec ses engins';
    const teaser = 'Coupe du monde : les Bleus qualifiés pour les huitièmes de finale au Qatar';
    const last = 'Le transfert du camp de Ménaka avait été annoncé en février par le président français.';
    const text = [first, intro, item, teaser, last].join('\n');
    expect(blocksOf(text, 'Barkhane quitte le camp de Ménaka', 'fr').map(([k, , t]) => [k, t])).toEqual([
      ['body', first],
      ['heading', intro],
      ['heading', item],
      ['furniture', teaser],
      ['body', last],
    ]);
  });

  it('drops one or two lower-case words alone between paragraphs, and keeps a capitalised subheading', () => {
    const para = 'The ambassador was given 72 hours to leave the country.';
    expect(blocksOf(`${para}\n\nblank\n\n${para.replace('72', '48')}`, null)).toEqual([
      ['body', null, para],
      ['furniture', 'one or two lower-case words alone (a placeholder, a label or a name)', 'blank'],
      ['body', null, para.replace('72', '48')],
    ]);
    expect(blocksOf(`${para}\n\nReactions\n\n${para.replace('72', '48')}`, null)).toEqual([
      ['body', null, para],
      ['heading', 'subheading', 'Reactions'],
      ['body', null, para.replace('72', '48')],
    ]);
  });

  it('cuts a publication stamp whose time follows an en dash, and keeps the sentence it runs into', () => {
    const para =
      'Two months after the announcement, the keys to the base were handed over to the Malian army.';
    expect(blocksOf(`Published on: 04/19/2022 \u2013 15:48 ${para}`, null)).toEqual([
      ['furniture', 'date stamp', 'Published on: 04/19/2022 \u2013 15:48'],
      ['body', null, para],
    ]);
  });

  it('cuts a "Lire aussi" teaser run into the middle of a paragraph, and keeps the prose on both sides as printed', () => {
    const before = 'La force Barkhane a été lancée le 1er août 2014.';
    const teaser = '\u2192 Lire aussi : Le Mali suspend la diffusion de deux radios étrangères';
    const after = 'Le président français avait annoncé en juin un désengagement progressif du Sahel.';
    const text = `${before} ${teaser} ${after}`;
    expect(blocksOf(text, null, 'fr')).toEqual([
      ['body', null, before],
      ['furniture', 'teaser for another story (run into a paragraph)', teaser],
      ['body', null, after],
    ]);
  });

  it('drops a caption dated after a comma the way agencies date pictures, and keeps a sentence dating an event', () => {
    const caption = 'Peacekeepers patrol in Timbuktu, Mali, December 8, 2021. (Source: AFP) |';
    const prose = 'The mission closed its last camp in Timbuktu on December 8, 2023.';
    expect(blocksOf(`${prose}\n\n${caption}\n\n${prose.replace('last', 'final')}`, null)).toEqual([
      ['body', null, prose],
      ['furniture', 'photo caption (the day the photo was taken closes a sentence)', caption],
      ['body', null, prose.replace('last', 'final')],
    ]);
  });
});

describe('classifyBlocks on the shapes of wave 14', () => {
  const blocksOf = (text: string) =>
    classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [] }).map((b) => [
      b.kind,
      b.reason ?? null,
      text.slice(b.start, b.end),
    ]);
  const first =
    'The Estonian contingent based in Gao will return home by the end of June, the ministry said.';
  const second =
    'A new mission may be sent to the region later, the undersecretary told reporters in Tallinn.';

  it('drops an alt text printed again in its caption, whose credit names a web address', () => {
    const alt = 'Soldiers of the contingent at the Gao base.';
    const text = [first, alt, `${alt} Photo: army.example`, second].join('\n');
    expect(blocksOf(text)).toEqual([
      ['body', null, first],
      ['furniture', 'image alt text printed again in its caption', alt],
      ['furniture', 'photo caption with credit', `${alt} Photo: army.example`],
      ['body', null, second],
    ]);
  });

  it("drops a video feed of durations and headlines, and keeps a live blog's timed sentences", () => {
    const feed = [
      '01:03',
      'Hundreds march in the capital for the "departure of France"',
      '00:52',
      'Leaders trade arrest warrants',
    ];
    expect(blocksOf([first, second, ...feed].join('\n'))).toEqual([
      ['body', null, first],
      ['body', null, second],
      ['furniture', 'no words (a separator or a counter)', '01:03'],
      ['furniture', "video feed (a video's duration, then its headline)", feed[1]],
      ['furniture', 'no words (a separator or a counter)', '00:52'],
      ['furniture', "video feed (a video's duration, then its headline)", feed[3]],
    ]);
    const blog = [
      '10:30',
      'French troops crossed the border at dawn, the army said.',
      '11:05',
      'The convoy reached Niamey.',
    ];
    expect(blocksOf([first, ...blog].join('\n')).filter(([k]) => k !== 'furniture')).toEqual([
      ['body', null, first],
      ['body', null, blog[1]],
      ['body', null, blog[3]],
    ]);
  });

  it("names a one-word label over a paragraph opening with the same word by its shape, not as an image's alt text", () => {
    const text = `Mali\nMali's ruling junta said on Monday it was ending its defence accords with France.\n${second}`;
    expect(blocksOf(text)[0]).toEqual([
      'furniture',
      'page furniture by its shape (outside the article, no sentence punctuation, short)',
      'Mali',
    ]);
  });

  it('drops a "Lire la suite ›" link closed by a single guillemet', () => {
    expect(blocksOf(`${first}\nLire la suite \u203A`)).toEqual([
      ['body', null, first],
      ['furniture', 'a reader control or link ("Find out more", "Lire la suite")', 'Lire la suite \u203A'],
    ]);
  });
});

describe('classifyBlocks on the shapes of wave 15', () => {
  const blocksOf = (text: string, title: string | null) =>
    classifyBlocks(text, splitParagraphs(text), { title, furnitureHints: [], language: 'en' }).map((b) => [
      b.kind,
      text.slice(b.start, b.end),
    ]);
  const first =
    'The junta gave the mission spokesman 72 hours to leave the country on Wednesday, the ministry said.';
  const second = 'The United Nations said it deeply regretted the decision and would follow it up in Bamako.';

  it('keeps a subheading above the last paragraph when the page was cut a few words into it', () => {
    const cut = 'The incident takes place against a b';
    expect(blocksOf([first, second, 'Instability', cut].join('\n'), null)).toEqual([
      ['body', first],
      ['body', second],
      ['heading', 'Instability'],
      ['heading', cut],
    ]);
  });

  it('drops a byline above the article that reads as a headline but shares no words with the title', () => {
    const text = ['from JANE DOE in Bamako, Mali', 'Mali Bureau', first, second].join('\n\n');
    expect(
      blocksOf(text, 'Expulsion of the UN spokesman strains ties')
        .slice(0, 2)
        .map(([k]) => k),
    ).toEqual(['furniture', 'furniture']);
    // The headline printed above the article, in other words than the title, is kept.
    const headed = ['UN spokesman expelled from Mali', first, second].join('\n\n');
    expect(blocksOf(headed, 'Mali expels the UN mission spokesman')[0]).toEqual([
      'heading',
      'UN spokesman expelled from Mali',
    ]);
  });

  it("drops an agency's name signing off as the page's last line, and keeps a cut sentence there", () => {
    expect(blocksOf([first, second, '\u2013 CAJ News'].join('\n\n'), null)[2]).toEqual([
      'furniture',
      '\u2013 CAJ News',
    ]);
    expect(blocksOf([first, second, 'Mali has been in crisis since'].join('\n\n'), null)[2]).toEqual([
      'heading',
      'Mali has been in crisis since',
    ]);
  });
});

describe('classifyBlocks on the shapes of wave 17', () => {
  /** A rules-split page read as corpus:add reads it: its furniture ("reason: text") and its passages. */
  const readPage = (id: string) => {
    const article = articleOfPage(readAnnotatedPages(join(PAGE_FIXTURES_DIR, `${id}.json`))[0]!);
    const slice = (b: { start: number; end: number }) => article.text.slice(b.start, b.end);
    return {
      furniture: article.blocks.filter((b) => b.kind === 'furniture').map((b) => `${b.reason}: ${slice(b)}`),
      passages: article.passages.map((p) => p.text),
    };
  };
  const blocksOf = (
    text: string,
    extra: { title?: string | null; outlet?: string | null; language?: string } = {},
  ) =>
    classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [], ...extra }).map((b) => [
      b.kind,
      text.slice(b.start, b.end),
    ]);
  const first =
    'The Malian army said on Friday it had uncovered a mass grave close to a base France handed back.';
  const second =
    'France officially handed control of the Gossi base to the Malian army on Tuesday, the army said.';

  it("Public Sénat: the header's labels left without their values, its minutes and the outlet's name are dropped", () => {
    expect(readPage('publicsenat-2022-02-17-retrait-coordonne-du-territoire-malien').furniture).toEqual([
      'repeated headline: Emmanuel Macron annonce le retrait de la « présence militaire » de la France au Mali',
      expect.stringMatching(
        /^repeated paragraph \(the page prints it again\): L’Elysée a décidé le « retrait coordonné/u,
      ),
      "the outlet's name alone (the site's signature or byline): Public Sénat",
      'a field label left without its value ("Publié le", "Reading time:"): Temps de lecture :',
      'reading time (its minutes alone): 5 min',
      'a field label left without its value ("Publié le", "Reading time:"): Publié le',
      'a field label left without its value ("Publié le", "Reading time:"): Mis à jour le',
    ]);
  });

  it('drops the same labels in English, and keeps a sentence that names the outlet or ends on a preposition', () => {
    const text = [
      'Sahel Wire',
      'By Sahel Wire',
      'Published on',
      'Reading time:',
      '3 minutes',
      first,
      second,
    ].join('\n');
    expect(blocksOf(text, { outlet: 'Sahel Wire' }).map(([k]) => k)).toEqual([
      'furniture',
      'furniture',
      'furniture',
      'furniture',
      'furniture',
      'body',
      'body',
    ]);
    const named = 'Sahel Wire reported on Friday that the base was handed over to the Malian army.';
    expect(blocksOf([first, named, second].join('\n'), { outlet: 'Sahel Wire' }).map(([k]) => k)).toEqual([
      'body',
      'body',
      'body',
    ]);
    // A site's name with its domain ending is the outlet's name too; another name alone is not.
    expect(blocksOf(['Kaceto.net', first, second].join('\n'), { outlet: 'Kaceto.net' })[0]).toEqual([
      'furniture',
      'Kaceto.net',
    ]);
  });

  it("Zeppelin: a gallery's captions opened by the picture's place and date in brackets are dropped, its standfirst indexed", () => {
    const page = readPage('zeppelin-2021-09-barkhane-retrait-du-nord-mali');
    const reason = "photo caption (opened by the picture's place and date): ";
    const captions = page.furniture.filter((f) => f.startsWith(reason)).map((f) => f.slice(reason.length));
    expect(captions.map((c) => c.slice(0, 30))).toEqual([
      '[Région de Gao, Mali, 4 septem',
      '[Gao, Mali, 6 septembre 2021] ',
      '[Gao, Mali, 2 septembre 2021] ',
      '[Niamey, Niger, 1er septembre ',
      '[Gao, Mali, 2 septembre 2021] ',
      '[Gao, Mali, 2 septembre 2021] ',
      '[Gao, Mali, 3 septembre 2021] ',
    ]);
    expect(page.passages[0]).toBe(
      "Avec plus de 5000 militaires déployés dans cinq pays du Sahel, Barkhane est la plus importante opération extérieure actuellement menée par l'armée française.",
    );
  });

  it("drops an agency's picture dated the EFE way, and keeps a story's dateline that names its agency", () => {
    const efe =
      "Paris (France), 17/02/2022.- French President Emmanuel Macron holds a joint press conference with Ghana's President.";
    const agp =
      'LIBREVILLE, 20 février 2025 (AGP) – La France a rétrocédé, ce jeudi, à l’armée ivoirienne, le camp militaire de Port-Bouët.';
    expect(blocksOf([efe, first, second].join('\n'))[0]).toEqual(['furniture', efe]);
    expect(blocksOf([agp, first].join('\n'), { language: 'fr' })[0]).toEqual(['body', agp]);
  });

  it('UPI: a caption closed by "File Photo by Name/Agency" is dropped whole, and a sentence left open on a comma stays body', () => {
    const page = readPage('upi-2022-01-31-mali-expels-french-ambassador');
    expect(page.furniture).toEqual([
      'photo caption with credit: Mali\'s interim president, Col. Assimi Goita, and his ruling military junta expelled the French ambassador Monday, after comments Friday from the French Foreign Minister saying the junta was "out of control." File Photo by H. Diakite/EPA-EFE',
    ]);
    expect(page.passages).toContain(
      'Goita was behind the coup to dethrone President Boubacar Ibrahim Keita in August 2020,',
    );
    expect(page.passages).not.toContain('File Photo by H.');
  });

  it('The New Arab: a caption credited "[Getty]" is dropped, and of a paragraph printed twice the printing among the paragraphs is kept', () => {
    const page = readPage('newarab-2022-04-mali-army-says-uncovered-mass-grave');
    const standfirst =
      "The announcement comes just hours after the French army said it had filmed Russian mercenaries burying bodies near the base to falsely accuse France's departing forces of leaving behind mass graves.";
    expect(page.furniture).toEqual([
      `repeated paragraph (the page prints it again): ${standfirst}`,
      'reading time: 2 min read',
      'photo caption with credit: The defence ministry has been asked to open an investigation. [Getty]',
    ]);
    // Indexed once, in its place between the first and the third paragraph.
    expect(page.passages.filter((p) => p === standfirst)).toHaveLength(1);
    expect(page.passages.indexOf(standfirst)).toBe(1);
    // Two printings with paragraphs on both sides: the first is kept, as before.
    expect(blocksOf([first, second, first, second].join('\n\n')).map(([k]) => k)).toEqual([
      'body',
      'body',
      'furniture',
      'furniture',
    ]);
  });

  it('The Sun Daily: an agency credit glued to the last full stop ("…mercenaries.-AFP") is cut, the sentence kept as printed', () => {
    const page = readPage('thesundaily-2022-04-23-mali-army-says-uncovered-mass-grave');
    expect(page.furniture).toEqual(['date stamp: date 2022-04-23', 'photo or agency credit: -AFP']);
    expect(page.passages.at(-1)).toBe(
      "France's pull-out from Mali came as swathes of territory remained under the control of rebels linked to Al-Qaeda and the Islamic State group and as tensions spiked between Paris and Bamako over the alleged deployment of Wagner mercenaries.",
    );
  });
});

describe("classifyBlocks on the vocabulary of a page's controls and metadata", () => {
  const between = (line: string) =>
    classify(`${BODY}\n\n${line}\n\nThe last convoy crossed into Niger on Monday, the army said.`);

  it('drops a control, a metadata field, a counter, a breadcrumb or a notice set between two paragraphs', () => {
    for (const line of [
      'Previous article',
      'Article précédent',
      'Show caption',
      'Enlarge this image',
      'Suivez-nous sur Facebook',
      'Signaler une erreur',
      'Écouter cet article',
      'Texte par : David Baché',
      'Author: Jane Doe',
      'Filed under: Africa, Mali',
      'Posted in Africa',
      'Nombre de lectures : 211 fois',
      'Views: 1,234',
      'Vu 211 fois',
      '345 lectures',
      'Home > News > Africa',
      'Accueil / Afrique / Mali',
      'This article is more than 2 years old',
      'Loading...',
      'Page 1 of 2',
      'AFP via Getty Images',
      'Media caption, French soldiers patrol near Gao',
      'Jane Doe – 17 février 2022',
      'Par Jane Doe - 17 février 2022 à 10h35',
      'Jane Doe, AFP',
      '(AFP) -',
      'Notre correspondant à Dakar',
      'Jane Doe, envoyée spéciale à Gao',
      'Lire plus tard',
      'Offrir cet article',
      'Follow @sahelwire on Twitter',
      'Like Loading...',
      'Post navigation',
      'Source link',
      'Tagged: Mali, France',
      'Originally published at sahelwire.com',
      'Image 1 of 5',
      'About the author',
      'A post shared by Jane Doe (@janedoe)',
      'Video duration 02:15',
      'Manage consent',
      'Gérer mes choix',
      'Partner content',
      'Vidéo : les soldats français quittent Gao',
      'Conforms to The Trust Project criteria',
    ])
      expect(between(line), line).toEqual([
        ['body', BODY],
        ['furniture', line],
        ['body', 'The last convoy crossed into Niger on Monday, the army said.'],
      ]);
  });

  it("keeps subheadings that use a control's word beside the story's own words, and sentences about views and pages", () => {
    for (const line of [
      'Next steps for the Sahel',
      'Last convoy to Niger',
      'Plus de soldats au Niger',
      'Home for the troops',
      'Page turned in Gao',
      'Views of the junta',
      'Source of tension',
      'Related issues in Gao',
      'Mali – France: la rupture',
      'Good news for Mali',
      'Up to 300 soldiers',
      'Now, the withdrawal',
      'Back home',
    ])
      expect(
        kept(between(line)).map(([, t]) => t),
        line,
      ).toContain(line);
    for (const sentence of [
      'Notre correspondant à Dakar a été expulsé par la junte en février.',
      'La rédaction vous conseille de relire le discours du président, a ironisé le ministre.',
      "Vidéo : la preuve, selon l'armée, que Wagner a mis en scène le charnier près de Gossi.",
    ])
      expect(kept(between(sentence)).map(([, t]) => t)).toContain(sentence);
    const sentence = 'Author of the report, the general said the base was handed over on time.';
    expect(kept(between(sentence)).map(([, t]) => t)).toContain(sentence);
  });

  it("keeps the page's last line when it stops on a comma, cut off when the page was saved", () => {
    const text = `${BODY}\n\nThe mission's mandate was not renewed by the council on Friday.\n\nUntil Dec. 31,`;
    expect(kept(classify(text, 'UN ends mission')).map(([, t]) => t)).toContain('Until Dec. 31,');
  });
});

describe('classifyBlocks on captions that name things in quotation marks or are credited "AP"', () => {
  const onPage = (line: string) =>
    classify(
      `Troops leave Gao\n\n${line}\n\n${BODY}\n\nThe last convoy crossed into Niger on Monday, the army said.`,
      'Troops leave Gao',
    );

  it('drops a caption whose quotation marks hold only a name, and keeps a line that quotes someone', () => {
    const caption =
      'This photograph taken on 2 May 2022 shows soldiers of the operation known as "Barkhane" lowering a flag at a base in Gao.';
    expect(onPage(caption)).toContainEqual(['furniture', caption]);
    const quote =
      'This photograph taken on 2 May 2022 was "the last one of the operation in Gao", the colonel said on Monday.';
    expect(kept(onPage(quote)).map(([, t]) => t)).toContain(quote);
  });

  it('drops a one-sentence caption closed by "AP" whole, and cuts only the name after a paragraph', () => {
    const caption = 'French soldiers leave their base in Gao, Mali, on Wednesday 9 June 2021. AP';
    expect(onPage(caption)).toContainEqual(['furniture', caption]);
    const paragraph =
      'French soldiers left their base in Gao on Wednesday, the army said, and the convoy reached Niamey two days later after a long drive through the desert. AP';
    const blocks = onPage(paragraph);
    expect(blocks).toContainEqual(['body', paragraph.slice(0, -3)]);
    expect(blocks).toContainEqual(['furniture', 'AP']);
  });

  it('drops a French caption naming the photographs taken, and a translation credit opened by an asterisk', () => {
    const caption = 'Photographies prises à Gao au Mali, en janvier 2021.';
    expect(onPage(caption)).toContainEqual(['furniture', caption]);
    expect(onPage('*Translated from Arabic by Jane Doe')).toContainEqual([
      'furniture',
      '*Translated from Arabic by Jane Doe',
    ]);
  });
});

describe('classifyBlocks on the forms of photo credits outlets share', () => {
  const around = (line: string) =>
    classify(
      `Troops leave Gao\n\n${BODY}\n\nThe last convoy crossed into Niger on Monday, the army said.\n\n${line}`,
      'Troops leave Gao',
    );

  it('drops a short caption closed by a labelled, slashed, barred or bracketed credit, or opened by one', () => {
    for (const line of [
      'French soldiers patrol in Gao. Photograph: Jane Doe/AFP/Getty Images',
      'Des soldats français patrouillent à Gao. Crédit : AFP',
      'Des soldats français patrouillent à Gao (photo AFP)',
      'Des soldats français patrouillent à Gao (Crédits : AFP)',
      'Des soldats de la force Barkhane à Gao, en 2021. Photo AFP / Jane Doe',
      'French soldiers patrol in Gao. [Photo: AFP]',
      'French soldiers patrol in Gao. Picture: AFP',
      'French soldiers patrol in Gao. | AFP',
      'French soldiers patrol in Gao in 2021. Jane Doe / AFP',
      'French soldiers patrol in Gao (Getty Images)',
      'AFP/Jane Doe - French soldiers patrol in Gao.',
    ])
      expect(kept(around(line)), line).toEqual([
        ['heading', 'Troops leave Gao'],
        ['body', BODY],
        ['body', 'The last convoy crossed into Niger on Monday, the army said.'],
      ]);
  });

  it('keeps a sentence that ends on a bank named Credit, and a dateline naming its agency in brackets', () => {
    const bank =
      'The loan was arranged by a consortium of banks led by Credit Agricole, the minister said on Friday.';
    const dateline = 'PARIS (AP) — French troops left Gao on Monday, the army said.';
    for (const line of [bank, dateline])
      expect(
        kept(around(line)).map(([, t]) => t),
        line,
      ).toContain(line);
  });
});

describe("classifyBlocks on the outlet's description of itself", () => {
  const page = (line: string) => {
    const text = `Troops leave Gao\n\n${BODY}\n\n${line}\n\nThe last convoy crossed into Niger on Monday, the army said.`;
    return classifyBlocks(text, splitParagraphs(text), {
      title: 'Troops leave Gao',
      furnitureHints: [],
      outlet: 'Sahel Wire',
    }).map((b) => [b.kind, text.slice(b.start, b.end)]);
  };

  it("drops the site's box that names the outlet and says what it is, and keeps a sentence about the outlet", () => {
    const box = 'Sahel Wire News Network is the in-house news collection and distribution agency.';
    expect(page(box)).toContainEqual(['furniture', box]);
    const story = 'Sahel Wire reported on Monday that the last convoy had left Gao.';
    expect(page(story)).toContainEqual(['body', story]);
  });
});

describe('classifyBlocks on captions that point at their picture', () => {
  const between = (line: string) =>
    classify(`${BODY}\n\n${line}\n\nThe last convoy crossed into Niger on Monday, the army said.`);

  it('drops a caption opened by a pointer, labelled alone, a handout picture or one taken on a day', () => {
    for (const line of [
      'Pictured: French soldiers in Gao.',
      'Ci-dessus : des soldats français à Gao.',
      'Sur la photo, des soldats français à Gao.',
      'Illustration.',
      "Image d'archives",
      'This handout picture released by the French army shows soldiers boarding a plane in Gao.',
      'A picture taken on June 9, 2021 shows soldiers boarding a plane in Gao.',
      'Des soldats français à Gao, le 9 juin 2021 (illustration).',
    ])
      expect(between(line), line).toContainEqual(['furniture', line]);
  });

  it('keeps prose that opens with the same words or speaks of pictures', () => {
    for (const line of [
      'Above all, France wants to keep its troops in the region, the minister said.',
      'The army said images taken by a drone showed men burying bodies near the base.',
    ])
      expect(
        kept(between(line)).map(([, t]) => t),
        line,
      ).toContain(line);
  });
});

describe('classifyBlocks on a name alone between paragraphs', () => {
  const story = (line: string) =>
    classify(
      `${BODY}\n\n${line}\n\nPresident Emmanuel Macron said Operation Barkhane would end once the last convoy reached Niger.`,
    );

  it('drops a name the article never mentions (a byline set apart), and keeps one it does (a subheading)', () => {
    expect(story('Jane Doe')).toContainEqual(['furniture', 'Jane Doe']);
    expect(story('JANE DOE')).toContainEqual(['furniture', 'JANE DOE']);
    expect(story('Emmanuel Macron')).toContainEqual(['heading', 'Emmanuel Macron']);
    expect(story('Operation Barkhane')).toContainEqual(['heading', 'Operation Barkhane']);
  });
});

describe('classifyBlocks on the headline printed again below it', () => {
  const TITLE = 'French troops leave the Gao base';
  const page = (line: string) =>
    classify(
      `${TITLE}\n\n${BODY}\n\n${line}\n\nThe last convoy crossed into Niger on Monday, the army said.`,
      TITLE,
    );

  it('drops it with a site name, a section or a label around it, or cut with an ellipsis', () => {
    for (const line of [
      'French troops leave the Gao base | Sahel Wire',
      'Mali: French troops leave the Gao base',
      'French troops leave the Gao base (video)',
      'French troops leave the Gao base…',
      'French troops leave the…',
    ])
      expect(page(line), line).toContainEqual(['furniture', line]);
  });

  it('keeps a sentence that opens with the headline and goes on', () => {
    const line =
      'French troops leave the Gao base, and the army says the last convoy reached Niger on Monday after a long drive.';
    expect(kept(page(line)).map(([, t]) => t)).toContain(line);
  });
});

describe('classifyBlocks on shapes of wave 20 that other outlets share', () => {
  // Each line below is as printed on a wave-20 page (The Week, Malijet, Guinéematin, Ghanaweb, The
  // Tribune); the stories around them are made up.
  it('drops a sales line set between two subscription prompts, and keeps a paragraph after one prompt', () => {
    const sales =
      'Escape your echo chamber. Get the facts behind the news, plus analysis from multiple perspectives.';
    const blocks = classify(
      `${BODY}\n\nThe last convoy crossed into Niger on Monday, the army said.\n\nSubscribe to The Week\n\n${sales}\n\nSign up for The Week's Free Newsletters`,
    );
    expect(blocks).toContainEqual(['furniture', sales]);
    expect(kept(blocks).map(([, t]) => t)).toEqual([
      BODY,
      'The last convoy crossed into Niger on Monday, the army said.',
    ]);
  });

  it('drops everything below the comment form once the article has been printed', () => {
    const brief =
      "Le Real Madrid a profité de la trêve internationale pour traiter le dossier Toni Kroos. Selon Fabrizio Romano, l'international allemand s'est mis d'accord verbalement avec le club pour prolonger d'un an, soit jusqu'en 2025.";
    const blocks = classify(
      `${BODY}\n\nThe last convoy crossed into Niger on Monday, the army said.\n\nCommentaires\n\nLes commentaires ( 0 )\n\nCanal+\n\nBrèves\n\n${brief}`,
    );
    expect(kept(blocks).map(([, t]) => t)).toEqual([
      BODY,
      'The last convoy crossed into Niger on Monday, the army said.',
    ]);
    expect(blocks).toContainEqual(['furniture', brief]);
  });

  it('keeps the article after a comment count printed under its first paragraph', () => {
    const blocks = classify(
      `${BODY}\n\nThe last convoy crossed into Niger on Monday, the army said.\n\n12 comments\n\nThe base at Gao was handed to the Malian army after nine years.`,
    );
    expect(kept(blocks).map(([, t]) => t)).toContain(
      'The base at Gao was handed to the Malian army after nine years.',
    );
  });

  it("drops a portrait's caption (a name, a comma and a title) and keeps a subheading with a verb", () => {
    const page = (line: string) =>
      classify(
        `Crise diplomatique ouverte avec le Mali\n\n${line}\n\nLe gouvernement malien a sommé lundi l'ambassadeur de France de quitter le territoire dans 72 heures.\n\nJoël Meyer, ambassadeur de France au Mali\n\nLa France a annoncé avoir pris note de la décision des autorités maliennes.`,
        'Crise diplomatique ouverte avec le Mali',
      );
    const caption = "Jean-Yves Le Drian, ministre français de l'Europe et des Affaires étrangères";
    expect(page(caption)).toContainEqual(['furniture', caption]);
    expect(page(caption)).toContainEqual(['furniture', 'Joël Meyer, ambassadeur de France au Mali']);
    const subheading = 'Assimi Goïta, qui a pris le pouvoir en 2020';
    expect(page(subheading)).toContainEqual(['heading', subheading]);
  });

  it('keeps a sentence that lost its full stop and attributes in the past, whatever words it shares', () => {
    const line =
      'France said it will, however, continue to participate in anti-terrorism operations in the wider Sahel region';
    const blocks = classify(
      `Paris announced last week that all its troops in Mali were to be withdrawn and relocated to Niger.\n${line}\nThe allies say they want to extend the geographical scope of their support, a BBC report noted.`,
    );
    expect(blocks).toContainEqual(['body', line]);
  });

  it('keeps a dateline printed on its own line above the first paragraph', () => {
    const blocks = classify(
      'Paris, February 17\nFrance will withdraw its troops from Mali nine years after it first intervened, President Emmanuel Macron said on Thursday.\nUnlock Exclusive Insights with The Tribune Premium',
      'France, EU to withdraw troops from Mali, remain in region',
    );
    expect(kept(blocks).map(([, t]) => t)).toContain('Paris, February 17');
  });
});

describe('classifyBlocks on a section label in front of the headline', () => {
  const TITLE = 'La France officialise le retrait de ses troupes militaires du Mali';
  const PARAGRAPH =
    "« Les conditions ne sont plus réunies pour poursuivre efficacement leur engagement militaire actuel », a affirmé Emmanuel Macron au cours d'une conférence de presse.";

  it('cuts the label and the byline run onto the headline, and keeps the headline (Saphirnews, wave 20)', () => {
    const line = `Sur le vif ${TITLE} Rédigé par Lina Farelli | Jeudi 17 Février 2022 à 15:30`;
    expect(classify(`${line}\n\n${PARAGRAPH}`, TITLE)).toEqual([
      ['furniture', 'Sur le vif'],
      ['heading', TITLE],
      ['furniture', 'Rédigé par Lina Farelli | Jeudi 17 Février 2022 à 15:30'],
      ['body', PARAGRAPH],
    ]);
  });

  it('keeps a dateline in front of the headline words, and a breadcrumb ending in the headline whole', () => {
    const dated = `Bamako, Feb. 17 -- ${TITLE} après neuf ans de présence, selon l'Élysée.`;
    expect(classify(`${dated}\n\n${PARAGRAPH}`, TITLE)).toContainEqual(['body', dated]);
    const crumb = `Home News Africa ${TITLE}`;
    expect(classify(`${crumb}\n\n${PARAGRAPH}`, TITLE)[0]).toEqual(['furniture', crumb]);
  });
});

describe("classifyBlocks on a writer's name and the outlet written for", () => {
  const story = (line: string) =>
    classify(
      `${BODY}\n\nPresident Emmanuel Macron said Operation Barkhane would end once the last convoy reached Niger.\n\n${line}`,
    );

  it('drops it signing off the article, and keeps a subheading naming what something is for', () => {
    expect(story('Mamadou Baïlo Keïta pour Guinéematin')).toContainEqual([
      'furniture',
      'Mamadou Baïlo Keïta pour Guinéematin',
    ]);
    expect(story('Jane Doe for Al Jazeera')).toContainEqual(['furniture', 'Jane Doe for Al Jazeera']);
    expect(kept(story('Un avenir pour Bamako')).map(([, t]) => t)).toContain('Un avenir pour Bamako');
  });
});

describe("classifyBlocks on lines above the headline that are off the article's subject", () => {
  /** Lines of a real page fixture, by number, as collected. */
  const linesOf = (id: string, numbers: number[]) => {
    const all = readAnnotatedPages(join(PAGE_FIXTURES_DIR, `${id}.json`))[0]!.text.split('\n');
    return numbers.map((n) => all[n - 1]!.trim());
  };
  const judge = (lines: string[], title: string | null, language: string) => {
    const text = lines.join('\n\n');
    return classifyBlocks(text, splitParagraphs(text), { title, furnitureHints: [], language }).map((b) => [
      b.kind,
      text.slice(b.start, b.end),
    ]);
  };

  it('sets aside a cookie consent panel printed above the headline (Le Canard libéré, wave 21)', () => {
    const id = 'lecanardlibere-2022-01-le-mali-expulse-l-ambassadeur-de-france';
    const [necessary, alwaysOn, cookies, none, headline, paragraph] = linesOf(id, [5, 7, 9, 11, 29, 33]);
    expect(judge([necessary!, alwaysOn!, cookies!, none!, headline!, paragraph!], headline!, 'fr')).toEqual([
      ['furniture', necessary],
      ['furniture', alwaysOn],
      ['furniture', cookies],
      ['furniture', none],
      ['heading', headline],
      ['body', paragraph],
    ]);
  });

  it('sets aside a menu above the headline, which no rule names (AOAV, wave 21)', () => {
    const id = 'aoav-2022-will-frances-withdrawal-from-mali-see-a-rise-in-russian-influence';
    const [menu, headline, paragraph] = linesOf(id, [1, 3, 5]);
    expect(judge([menu!, headline!, paragraph!], headline!, 'en')).toEqual([
      ['furniture', menu],
      ['heading', headline],
      ['body', paragraph],
    ]);
  });

  it('keeps a standfirst printed above the headline, which speaks of the same subject (Atalayar, wave 13)', () => {
    const id = 'atalayar-2022-08-18-france-outlines-its-new-strategy-in-the-sahel';
    const [standfirst, headline, paragraph] = linesOf(id, [1, 3, 7]);
    expect(judge([standfirst!, headline!, paragraph!], headline!, 'en')).toEqual([
      ['body', standfirst],
      ['heading', headline],
      ['body', paragraph],
    ]);
  });

  it('keeps the lede of a short article printed above its headline repeated lower down (AOAV, wave 21)', () => {
    const id = 'aoav-2022-will-frances-withdrawal-from-mali-see-a-rise-in-russian-influence';
    const [headline, lede, later] = linesOf(id, [3, 5, 13]);
    expect(judge([lede!, headline!, later!], headline!, 'en')).toEqual([
      ['body', lede],
      ['heading', headline],
      ['body', later],
    ]);
  });

  it('judges nothing when the headline is not printed below those lines', () => {
    const id = 'lecanardlibere-2022-01-le-mali-expulse-l-ambassadeur-de-france';
    const [necessary, paragraph] = linesOf(id, [5, 33]);
    expect(judge([necessary!, paragraph!], 'Le Mali expulse l’ambassadeur de France', 'fr')).toEqual([
      ['body', necessary],
      ['body', paragraph],
    ]);
  });
});

describe("classifyBlocks on a portrait's caption with a full stop or its role first", () => {
  const linesOf = (id: string, numbers: number[]) => {
    const all = readAnnotatedPages(join(PAGE_FIXTURES_DIR, `${id}.json`))[0]!.text.split('\n');
    return numbers.map((n) => all[n - 1]!.trim());
  };

  it('drops "Name, role." below the headline (Le Canard libéré, wave 21)', () => {
    const id = 'lecanardlibere-2022-01-le-mali-expulse-l-ambassadeur-de-france';
    const [headline, caption, paragraph] = linesOf(id, [29, 31, 33]);
    expect(classify([headline, caption, paragraph].join('\n\n'), headline!)).toEqual([
      ['heading', headline],
      ['furniture', caption],
      ['body', paragraph],
    ]);
  });

  it('drops "The role, Name" above the first paragraph of a page without its headline (Financial Afrik, wave 21)', () => {
    const id = 'financialafrik-2022-05-03-bamako-denonce-le-traite-de-cooperation-en-matiere-de-defense';
    const [caption, paragraph] = linesOf(id, [1, 2]);
    expect(
      classify(
        `${caption}\n${paragraph}`,
        'Mali-France : Bamako dénonce le traité de coopération en matière de défense',
      ),
    ).toEqual([
      ['furniture', caption],
      ['body', paragraph],
    ]);
  });

  it('keeps a sentence or a subheading opened by a preposition and a name (Koaci, wave 13; Jeune Afrique, wave 10)', () => {
    const sentence =
      'Pour Takuba, les effectifs encore au Mali sont à Gao et préparent leur prochaine réarticulation.';
    const subheading = 'Au Burkina Faso, dans les coulisses du départ de Sabre';
    const opening =
      'Les forces spéciales françaises de Sabre ont quitté le Burkina Faso, a annoncé l’état-major.';
    const blocks = classify(`${opening}\n\n${subheading}\n\n${sentence}`);
    expect(blocks).toContainEqual(['body', sentence]);
    expect(blocks).toContainEqual(['heading', subheading]);
  });
});

describe('classifyBlocks on markup printed as text and the marks where a site cut its text', () => {
  const linesOf = (id: string, numbers: number[]) => {
    const all = readAnnotatedPages(join(PAGE_FIXTURES_DIR, `${id}.json`))[0]!.text.split('\n');
    return numbers.map((n) => all[n - 1]!.trim());
  };
  const judge = (lines: string[], language: string) => {
    const text = lines.join('\n');
    return classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [], language }).map(
      (b) => [b.kind, text.slice(b.start, b.end)],
    );
  };

  it('cuts the HTML tags around each paragraph, and keeps the paragraph the feed cut (Burkina Info, wave 21)', () => {
    const id = 'burkinainfo-2022-07-01-la-france-officialise-la-fin-de-la-force-europeenne-takuba';
    const [first, second, third] = linesOf(id, [1, 2, 3]);
    const inner = (s: string) => s.replace(/^<p>/u, '').replace(/<\/p>$/u, '');
    expect(judge([first!, second!, third!], 'fr')).toEqual([
      ['furniture', '<p>'],
      ['body', inner(first!)],
      ['furniture', '</p>'],
      ['furniture', '<p>'],
      ['body', inner(second!)],
      ['furniture', '</p>'],
      ['furniture', '<p>'],
      ['body', 'Takuba, montée à grand-peine par l’ancienne ministre des Armées Florence Parl'],
      ['furniture', '[&#8230;]aOuaga.com Actualité'],
      ['furniture', '</p>'],
    ]);
  });

  it('cuts a cut mark glued to a word, and keeps an elision set apart by spaces (Mediapart, wave 21; Black Dignity Media, wave 17)', () => {
    const [opening, cutShort] = linesOf(
      'mediapi-2022-01-les-tensions-s-aggravent-entre-la-france-et-le-mali',
      [2, 4],
    );
    expect(judge([opening!, cutShort!], 'fr')).toEqual([
      ['body', opening],
      ['body', cutShort!.replace('[...]', '')],
      ['furniture', '[...]'],
    ]);
    const [elided] = linesOf('blackdignitymedia-2021-eventuel-depart-de-barkhane', [1]);
    expect(judge([elided!, opening!], 'fr')[0]).toEqual(['body', elided]);
  });
});

describe('classifyBlocks on shapes of pages collected outside the fixture waves', () => {
  const blocksOf = (text: string, title: string | null, language = 'en') =>
    classifyBlocks(text, splitParagraphs(text), { title, furnitureHints: [], language }).map((b) => [
      b.kind,
      b.reason ?? null,
      text.slice(b.start, b.end),
    ]);
  const first = 'The last French soldiers left the Gao base on Monday, the general staff said in Paris.';
  const second = 'The Malian army took over the base the same day, ending nine years of French presence.';

  it('drops a headline printed twice or more in a row on one line, glued or a space apart, with a link label after it', () => {
    const head = 'Macron announces French troops to leave after nine years';
    const link = `${head}${head} ${head} External link`;
    expect(blocksOf([first, link, second].join('\n\n'), null)[1]).toEqual([
      'furniture',
      'a headline printed twice in a row on one line (a link and its alt text)',
      link,
    ]);
    // A sentence closed by a full stop, a unit of three words, or a repeat with a sentence after
    // it is not a link printed twice.
    const sentence = 'The troops left on Monday. The troops left on Monday.';
    const short = 'Gao base Gao base handed over';
    const tail = `${head} ${head} as the army said on Monday.`;
    for (const line of [sentence, short, tail])
      expect(blocksOf([first, line, second].join('\n\n'), null)[1]![0]).not.toBe('furniture');
  });

  it("drops an author's name with a published or updated stamp after it, in English and in French", () => {
    const en = 'Jane Doe Published August 05, 2023 | 07:30 AM';
    const fr = 'Jeanne Dupont, publié le 15/08/2022 à 14h03';
    const by = 'By Jane Doe Updated 3 hours ago';
    const title = 'France completes its withdrawal from Mali';
    expect(blocksOf([title, en, first, second].join('\n\n'), title)[1]).toEqual([
      'furniture',
      'byline with a date stamp',
      en,
    ]);
    expect(blocksOf([title, fr, first, second].join('\n\n'), title, 'fr')[1]).toEqual([
      'furniture',
      'byline with a date stamp',
      fr,
    ]);
    expect(blocksOf([title, by, first, second].join('\n\n'), title)[1]).toEqual([
      'furniture',
      'byline with a date stamp',
      by,
    ]);
  });

  it('reads a French stamp alone on its line ("Modifié le …"), which a word boundary after "é" never matched', () => {
    const stamp = 'Modifié le 17 février 2022';
    expect(blocksOf([first, second, stamp].join('\n\n'), null, 'fr')[2]).toEqual([
      'furniture',
      'date stamp',
      stamp,
    ]);
  });

  it("drops a headline touching another story's teaser when fewer than half its words are the article's, and keeps a subheading there", () => {
    const teaser = 'Flooding Forces Thousands From Their Homes Across Coastal Bangladesh';
    const next = 'Mali junta courts Wagner fighters';
    const subheading = 'Gao base handed to the Malian army';
    const text = [first, teaser, next, subheading, second].join('\n\n');
    expect(blocksOf(text, 'France completes its withdrawal from Mali')).toEqual([
      ['body', null, first],
      [
        'furniture',
        'teaser for another story (a headline set between the paragraphs that shares 0 of its 7 words with this article)',
        teaser,
      ],
      [
        'furniture',
        'teaser for another story (a headline next to another teaser that shares 1 of its 5 words with this article)',
        next,
      ],
      ['heading', 'subheading', subheading],
      ['body', null, second],
    ]);
  });
  it("cuts the headline printed again at the end of a paragraph, and keeps a closing sentence that is the page's first-sentence title", () => {
    const title = 'The identities of Wagner mercenaries lost in a Mali ambush revealed';
    const standfirst =
      "Several of the men had survived the siege of Bakhmut, which the group's founder called a “meat grinder.”";
    const line = `${standfirst} ${title}`;
    expect(blocksOf([title, line, second].join('\n\n'), title)).toEqual([
      ['heading', 'headline', title],
      ['body', null, standfirst],
      ['furniture', 'the headline printed again, run onto the end of a paragraph', title],
      ['body', null, second],
    ]);
    // A page without a headline takes its first sentence as the title: that sentence, closed by
    // its full stop at the end of a paragraph, is the paragraph's own.
    const sentence = 'The ambassador was given 72 hours to leave the country.';
    const own = `${first} ${sentence}`;
    expect(blocksOf([own, second].join('\n\n'), sentence)[0]).toEqual(['body', null, own]);
  });
});

describe('classifyBlocks on shapes that name no outlet or agency in a list', () => {
  const blocksOf = (text: string, extra: { title?: string | null; outlet?: string | null } = {}) =>
    classifyBlocks(text, splitParagraphs(text), { title: null, furnitureHints: [], ...extra }).map((b) => [
      b.kind,
      b.kind === 'furniture' ? (b.reason ?? null) : null,
      text.slice(b.start, b.end),
    ]);
  const first =
    'The Malian army said on Friday it had uncovered a mass grave close to a base France handed back.';
  const second =
    'France officially handed control of the Gossi base to the Malian army on Tuesday, the army said.';
  const SELF = 'the site naming itself (its logo, welcome, follow or visit prompt)';

  it("drops the page's short lines that name its own site, in any spelling of the name, and keeps its dateline, headline and reports", () => {
    const lines = [
      'Welcome to SaltWire',
      'Saltwire Logo',
      'SaltWire.com would like to send you notifications for breaking news alerts.',
      'Follow Sahel Wire on Facebook, Twitter and Instagram',
      'For more African news, visit sahelwire.com',
    ];
    expect(blocksOf([first, ...lines.slice(0, 3), second].join('\n\n'), { outlet: 'SaltWire' })).toEqual([
      ['body', null, first],
      ...lines.slice(0, 3).map((l) => ['furniture', SELF, l]),
      ['body', null, second],
    ]);
    expect(blocksOf([first, ...lines.slice(3), second].join('\n\n'), { outlet: 'Sahel Wire' })).toEqual([
      ['body', null, first],
      ...lines.slice(3).map((l) => ['furniture', SELF, l]),
      ['body', null, second],
    ]);
    // The outlet's own dateline, its headline, a report to it and its name as a common word stay.
    const title = 'Sahel Wire learns the Gossi base is handed over';
    const kept = [
      title,
      'BAMAKO (Sahel Wire) - The last French soldiers left Gossi on Tuesday.',
      'The minister told Sahel Wire the base was empty.',
      first,
    ];
    expect(blocksOf(kept.join('\n\n'), { outlet: 'Sahel Wire', title }).map(([k]) => k)).toEqual([
      'heading',
      'body',
      'body',
      'body',
    ]);
    expect(
      blocksOf([first, 'Le monde regarde Gao', second].join('\n\n'), { outlet: 'Le Monde' }).map(([k]) => k),
    ).toEqual(['body', 'heading', 'body']);
  });

  it('drops a post by its emoji or its hashtags outside quotation marks, and keeps a sentence quoting a post', () => {
    const post = '➡🔴Sur le retrait de la France du #Mali : 🗣️ @JY_LeDrian : "Ce n\'est pas un retrait"';
    const tags = 'Churchill School for Students | SaltWire #fundraiser #nhl #hockey';
    const quoting =
      'A tweet from an account called Dia Diarra said: “This is what the French left behind when they left #Gossi base #Mali #France.”';
    expect(blocksOf([first, post, tags, quoting, second].join('\n\n'))).toEqual([
      ['body', null, first],
      [
        'furniture',
        'embedded social-media post (emoji, or three hashtags or handles, outside quotation marks)',
        post,
      ],
      [
        'furniture',
        'embedded social-media post (emoji, or three hashtags or handles, outside quotation marks)',
        tags,
      ],
      ['body', null, quoting],
      ['body', null, second],
    ]);
    // The copyright sign is no emoji: a credit keeps its own reason.
    expect(blocksOf([first, '© Agence France-Presse', second].join('\n\n'))[1]![1]).not.toMatch(
      /social-media/u,
    );
  });

  it('takes two names joined by a slash after the last sentence as a photo credit, whoever the agency is', () => {
    const caption =
      'Un militaire français de Barkhane sur un toit de Ménaka au Mali, le 22 mars 2019. RFI/Olivier Fourt';
    const reversed =
      'Russian and Malian ministers meet in Moscow on May 10, 2025. Russian Defense Ministry / TASS';
    const sentence = 'The ministry said the 1/3 share of the troops would leave by August.';
    expect(blocksOf([first, caption, reversed, sentence, second].join('\n\n'))).toEqual([
      ['body', null, first],
      ['furniture', 'photo caption with credit', caption],
      ['furniture', 'photo caption with credit', reversed],
      ['body', null, sentence],
      ['body', null, second],
    ]);
  });

  it("takes a name with its surname in capitals as a byline, and the two lines after it as the page's, even indented", () => {
    const third = 'The last convoy crossed into Niger on Monday, ending nine years of operations.';
    const teaser = 'L’armée française neutralise au moins 40 terroristes près de la frontière';
    const opening = 'Nouvel exploit de l’armée française. Après la capture d’Oumeya O';
    const blocks = blocksOf([first, second, third, ' Manassé AGBOSSAGA', teaser, opening].join('\n\n'));
    expect(blocks.map(([k]) => k)).toEqual(['body', 'body', 'body', 'furniture', 'furniture', 'furniture']);
    expect(blocks[3]).toEqual(['furniture', 'byline or agency line', 'Manassé AGBOSSAGA']);
    // The story's opening, a sentence with its full stop, is set aside only as what follows the sign-off.
    expect(blocks[5]).toEqual([
      'furniture',
      'after the article\'s sign-off "Manassé AGBOSSAGA" (a bio or a notice)',
      opening,
    ]);
    // Three lines or more after it are the article going on.
    expect(
      blocksOf([first, 'Bourama KEITA', second, third, first.replace('Friday', 'Monday')].join('\n\n')).map(
        ([k]) => k,
      ),
    ).toEqual(['body', 'furniture', 'body', 'body', 'body']);
  });

  it("drops YouTube's player label", () => {
    expect(blocksOf([first, 'Watch on YouTube: "Churchill School"', second].join('\n\n'))[1]![0]).toBe(
      'furniture',
    );
  });
});
