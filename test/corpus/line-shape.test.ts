import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/corpus/furniture.js';
import {
  dropByLearnedShape,
  fitLogistic,
  furnitureProbability,
  LINE_FEATURES,
  lineFeatures,
  type LineModel,
} from '../../src/corpus/line-shape.js';
import { splitParagraphs } from '../../src/corpus/segment.js';

const TITLE = 'Last French soldiers leave Mali';
/** A headline, two paragraphs, a label the rules keep as a subheading, and a quoted label. */
const PAGE = [
  TITLE,
  'The last French soldiers left Mali on Monday, ending a nine-year deployment, the army said.',
  'Partner content from our sponsors',
  'The convoy crossed into Niger from the base at Gao after the handover to Malian troops.',
  '"Live" coverage from our sponsors',
].join('\n');

function blocksOf(text: string) {
  return classifyBlocks(text, splitParagraphs(text), { title: TITLE, furnitureHints: [], language: 'en' });
}

/** A model that reads one feature only: a kept line scoring it is furniture. */
function oneFeatureModel(name: (typeof LINE_FEATURES)[number], threshold = 0.9): LineModel {
  return {
    features: [...LINE_FEATURES],
    weights: LINE_FEATURES.map((f) => (f === name ? 10 : 0)),
    bias: -5,
    threshold,
  };
}

describe('lineFeatures judges a line against its page', () => {
  it('tells a sentence of the article from a label set between its paragraphs', () => {
    const blocks = blocksOf(PAGE);
    const xs = lineFeatures(PAGE, blocks, TITLE, 'en');
    const at = (i: number, f: (typeof LINE_FEATURES)[number]) => xs[i]![LINE_FEATURES.indexOf(f)];
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'body', 'heading', 'body', 'heading']);
    expect([at(1, 'a verb'), at(1, 'sentence punctuation at the end'), at(1, 'words <= 12')]).toEqual([
      1, 1, 0,
    ]);
    expect([at(2, 'a verb'), at(2, 'sentence punctuation at the end'), at(2, 'words <= 6')]).toEqual([
      0, 0, 1,
    ]);
    // The headline's words are all the headline's; the label shares none with it or the page.
    expect(at(0, 'share of its words in the headline')).toBe(1);
    expect(at(2, 'share of its words in the headline')).toBe(0);
    expect(at(2, 'kept by the rules as a heading')).toBe(1);
    expect(at(4, 'quotation marks')).toBe(1);
    expect(xs.every((x) => x.length === LINE_FEATURES.length)).toBe(true);
  });
});

describe('lineFeatures reads French verbs that end or begin with an accented letter', () => {
  it('finds the verb of a line whose only verb is "a déclaré", "était" or a participle in -é, not of a label', () => {
    const title = 'Le dernier soldat français a quitté le Mali';
    const lines = [
      title,
      'Le chef de la junte a déclaré',
      'La base était vide',
      'Le drapeau malien hissé',
      'Partenaires et annonces',
    ];
    const text = lines.join('\n');
    const blocks = classifyBlocks(text, splitParagraphs(text), { title, furnitureHints: [], language: 'fr' });
    const xs = lineFeatures(text, blocks, title, 'fr');
    const verb = LINE_FEATURES.indexOf('a verb');
    expect(xs.map((x) => x[verb])).toEqual([1, 1, 1, 1, 0]);
  });
});

describe('dropByLearnedShape sets aside what the model scores as furniture', () => {
  it('drops a kept label the model scores above its threshold, never a quoted line, with the probability in the reason', () => {
    const blocks = blocksOf(PAGE);
    dropByLearnedShape(PAGE, blocks, TITLE, 'en', oneFeatureModel('kept by the rules as a heading'));
    expect(blocks.map((b) => [b.kind, PAGE.slice(b.start, b.end)])).toEqual([
      ['furniture', TITLE],
      ['body', PAGE.split('\n')[1]],
      ['furniture', 'Partner content from our sponsors'],
      ['body', PAGE.split('\n')[3]],
      ['heading', '"Live" coverage from our sponsors'],
    ]);
    expect(blocks[2]!.reason).toBe('page furniture by its learned shape (probability 0.99)');
  });

  it('keeps everything when no kept line reaches the threshold', () => {
    const blocks = blocksOf(PAGE);
    const before = blocks.map((b) => b.kind);
    dropByLearnedShape(PAGE, blocks, TITLE, 'en', oneFeatureModel('a date'));
    expect(blocks.map((b) => b.kind)).toEqual(before);
  });

  it("never sets aside a page's only paragraph", () => {
    const text = 'Soldiers leave Mali on Monday after nine years, the army said in Paris.';
    const blocks = blocksOf(text);
    dropByLearnedShape(text, blocks, TITLE, 'en', oneFeatureModel('a verb'));
    expect(blocks.map((b) => b.kind)).toEqual(['body']);
  });

  it('refuses a model fitted on other features, naming the first that differs', () => {
    const model = oneFeatureModel('a date');
    const stale = { ...model, features: ['words <= 2', ...LINE_FEATURES.slice(1)] };
    expect(() => dropByLearnedShape(PAGE, blocksOf(PAGE), TITLE, 'en', stale)).toThrow(
      'line model: feature 0 is "words <= 2", expected "words <= 3"',
    );
    const short = { ...model, features: LINE_FEATURES.slice(0, -1) };
    expect(() => dropByLearnedShape(PAGE, blocksOf(PAGE), TITLE, 'en', short)).toThrow(
      `line model: feature ${LINE_FEATURES.length - 1} is "(missing)", expected "${LINE_FEATURES.at(-1)}"`,
    );
  });
});

describe('fitLogistic', () => {
  it('learns a feature that separates furniture from body lines, and nothing from one that does not', () => {
    const d = LINE_FEATURES.length;
    const row = (on: number[], furniture: boolean) => ({
      x: Array.from({ length: d }, (_, k) => (on.includes(k) ? 1 : 0)),
      furniture,
    });
    // Feature 15 (credit words) marks every furniture row; feature 10 (a verb) is on in half of each.
    const rows = [row([15, 10], true), row([15], true), row([10], false), row([], false)];
    const { weights, bias } = fitLogistic(rows, { steps: 2000 });
    const model: LineModel = { features: [...LINE_FEATURES], weights, bias, threshold: 0.5 };
    expect(rows.map((r) => furnitureProbability(model, r.x) >= 0.5)).toEqual([true, true, false, false]);
    expect(Math.abs(weights[10]!)).toBeLessThan(0.01);
    expect(weights[15]!).toBeGreaterThan(2);
  });

  it('gives an empty set of lines all-zero weights', () => {
    expect(fitLogistic([])).toEqual({ weights: new Array(LINE_FEATURES.length).fill(0), bias: 0 });
  });
});
