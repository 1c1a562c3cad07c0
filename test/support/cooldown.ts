import { expect } from 'vitest';

/**
 * Checks a cooldown refusal ("You are asking quickly: try again in N s.") against the clock rather
 * than a fixed N: the wait left can be no more than the cooldown and no less than what remains of it
 * since `askedAt`, taken just before the first question was sent. A fixed "29 or 30" failed on a busy
 * machine where the second reply came three seconds after the first.
 */
export function expectWaitLeft(content: unknown, askedAt: number, cooldownSeconds: number): void {
  expect(content).toMatch(/^You are asking quickly: try again in \d+ s\.$/);
  const left = Number(/in (\d+) s/.exec(String(content))![1]);
  const elapsed = (Date.now() - askedAt) / 1000;
  expect(left).toBeLessThanOrEqual(cooldownSeconds);
  expect(left).toBeGreaterThanOrEqual(Math.floor(cooldownSeconds - elapsed));
}
