/**
 * End to end: `/timeline [topic:]` through the real discord.js client against the local fake
 * Discord: dated events in date order, paged with buttons like /ask.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  buttonsOf,
  callback,
  checkAndStop,
  embedOf,
  finalEdit,
  option,
  startBot,
  type Harness,
} from './harness.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

describe('/timeline', () => {
  it('lists the dated events in date order, five a page, and pages on with "Later events"', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({ commandName: 'timeline' });
    const edit = await finalEdit(h.fake, id);
    const embed = embedOf(edit.body);
    expect(embed.title).toBe('Timeline of the corpus');
    expect(embed.description?.split('\n').slice(0, 3)).toEqual([
      '**2012**',
      '> French troops have been involved in the fight against Islamist militants in Mali since 2012 but in recent months the governing military junta has shown hostility towards the foreign troops.',
      'Outlet not named · published c. 17 Feb 2022 (inferred) · *France and allies to withdraw troops from Mali after nine years of fighting insurgency* · “2012”',
    ]);
    const dates = embed.description!.split('\n').filter((l) => /^\*\*[^[]/.test(l));
    expect(dates).toEqual(['**2012**', '**2013**', '**2013**', '**2015**', '**2020**']);
    expect(embed.footer?.text).toBe(
      'Events 1–5 of 36 · sentences quoted verbatim · “c.” marks an approximate date',
    );
    const later = buttonsOf(edit.body);
    expect(later).toEqual([expect.stringMatching(/^Later events → timeline:page:[a-z0-9]{8}:1$/)]);

    const click = h.fake.sendInteraction({
      customId: later[0]!.split(' → ')[1]!,
      message: h.fake.messages().at(-1)!,
    });
    const page2 = (await callback(h.fake, click.id)).body as { type: number };
    expect(page2.type).toBe(7);
    expect(embedOf(page2).footer?.text).toMatch(/^Events 6–10 of 36 · /);
    expect(buttonsOf(page2).map((b) => b.split(' → ')[0])).toEqual(['Earlier events', 'Later events']);
  });

  it('groups one event reported by several articles and shows their different dates side by side', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'timeline',
      options: [option('topic', 'reneged elections')],
    });
    const embed = embedOf((await finalEdit(h.fake, id)).body);
    expect(embed.title).toBe('Timeline: reneged elections');
    expect(embed.description).toBe(
      [
        '**Feb 2022** · 2 articles',
        "> Relations have deteriorated between Paris and Bamako since Mali's military leaders reneged on an agreement to hold elections in February.",
        'DW · published 17 Feb 2022 · *France announces military withdrawal from Mali* · “February”',
        'Also: Outlet not named (c. 17 Feb 2022)',
        '⚠️ Dates differ: Feb 2022 (DW) · c. Jan 2022 (Outlet not named)',
        '',
        '**c. Feb 2022**',
        '> Mali has served as a primary headquarters for the French anti-Islamist force operating in the Sahel region, but relations between Paris and Bamako soured as the ruling military junta reneged on its pledge to hold a democratic election in February, and proposed remaining in power until 2025.',
        'Brussels Morning Newspaper · published c. 17 Feb 2022 (inferred) · *(no headline)* · “February”',
      ].join('\n'),
    );
    expect(buttonsOf((await finalEdit(h.fake, id)).body)).toEqual([]);
  });

  it('says plainly when no dated event is about the topic', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({ commandName: 'timeline', options: [option('topic', 'bitcoin')] });
    expect(((await finalEdit(h.fake, id)).body as { content: string }).content).toBe(
      'No dated event in the corpus is about “bitcoin”. Try fewer or other words.',
    );
  });
});
