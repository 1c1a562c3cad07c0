/**
 * End to end: `/ask` within an outlet or dates, through the real discord.js client against the
 * local fake Discord, every body checked against Discord's OpenAPI spec.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callback, checkAndStop, embedOf, finalEdit, option, startBot, type Harness } from './harness.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

describe('/ask outlet: from: to:', () => {
  it('suggests outlets from the corpus as the user types', async () => {
    h = await startBot();
    const suggest = h.fake.sendInteraction({
      type: 4,
      commandName: 'ask',
      options: [option('question', 'troops'), option('outlet', 'jaz', { focused: true })],
    });
    expect((await callback(h.fake, suggest.id)).body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Al Jazeera', value: 'Al Jazeera' }] },
    });
    const all = h.fake.sendInteraction({
      type: 4,
      commandName: 'ask',
      options: [option('question', 'troops'), option('outlet', '', { focused: true })],
    });
    const names = ((await callback(h.fake, all.id)).body as { data: { choices: Array<{ name: string }> } })
      .data.choices;
    expect(names.map((c) => c.name)).toEqual([
      'Al Jazeera',
      'Brussels Morning Newspaper',
      'DW',
      'Phnom Penh Post',
    ]);
  });

  it('answers from the outlet’s passages only, and says which filter it answered within', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      options: [
        option('question', 'How many French troops were in Mali?'),
        option('outlet', 'Al Jazeera'),
        option('from', '2022-08'),
      ],
    });
    const embed = embedOf((await finalEdit(h.fake, id)).body);
    const lines = embed.description!.split('\n');
    expect(lines[0]).toBe('*Within “Al Jazeera”, from 1 Aug 2022 on*');
    expect(lines[1]).toBe('**Answer:** about 2,400 troops [1]');
    const sources = lines.filter((l) => /^\*\*\[\d+\]\*\* /.test(l));
    expect(sources).toHaveLength(3);
    for (const s of sources)
      expect(s).toMatch(/^\*\*\[\d\]\*\* Al Jazeera · published c\. 15 Aug 2022 \(inferred\) · /);
    expect(embed.fields).toBeUndefined();
  });

  it('says plainly when no article is within the filter', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      options: [
        option('question', 'How many French troops were in Mali?'),
        option('outlet', 'dw'),
        option('from', '2022-08'),
        option('to', '2022-08'),
      ],
    });
    const embed = embedOf((await finalEdit(h.fake, id)).body);
    expect(embed.description).toBe(
      '**Nothing to answer from.** No article in the corpus matches “DW”, from 1 Aug 2022 to 31 Aug 2022: DW’s articles fall outside those dates (all dated 17 Feb 2022).',
    );
  });

  it('tells the user privately what is wrong with a date, without searching', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Why did France leave?'), option('to', '2022-02-30')],
    });
    const reply = await callback(h.fake, id);
    expect(reply.body).toMatchObject({
      type: 4,
      data: {
        content: 'Could not use to: "2022-02-30" is not a day of the calendar (2022-02 has 28 days)',
        flags: 64,
      },
    });
  });
});
