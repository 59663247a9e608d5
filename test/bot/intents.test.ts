/**
 * The intent table against real-style resident messages (test/fixtures/bot-utterances.json): every
 * message must get its intent and slots; the summary line reports the table's accuracy per intent.
 */
import utterances from '../fixtures/bot-utterances.json';
import { matchIntent, type Expect } from '../../bot/intents/match';
import { INTENTS } from '../../bot/intents/table';

interface Utterance {
  text: string;
  intent: string;
  slots?: Record<string, unknown>;
  context?: { expect?: Expect };
}

const cases = utterances as Utterance[];

it('has at least 100 messages and covers every intent', () => {
  expect(cases.length).toBeGreaterThanOrEqual(100);
  const covered = new Set(cases.map((c) => c.intent));
  expect(INTENTS.filter((i) => !covered.has(i))).toEqual([]);
});

it.each(cases.map((c) => [c.text, c.context?.expect ?? '-', c] as const))('%s (waiting for %s)', (_text, _expect, c) => {
  const got = matchIntent(c.text, c.context ?? {});
  expect(got.intent).toBe(c.intent);
  if (c.slots) expect(got.slots).toMatchObject(c.slots);
});

afterAll(() => {
  const perIntent = new Map<string, { ok: number; all: number }>();
  let ok = 0;
  for (const c of cases) {
    const got = matchIntent(c.text, c.context ?? {});
    const right = got.intent === c.intent && (!c.slots || Object.entries(c.slots).every(([k, v]) => JSON.stringify(got.slots[k]) === JSON.stringify(v)));
    const entry = perIntent.get(c.intent) ?? { ok: 0, all: 0 };
    entry.all++;
    if (right) {
      entry.ok++;
      ok++;
    }
    perIntent.set(c.intent, entry);
  }
  const lines = [...perIntent].map(([i, e]) => `${i} ${e.ok}/${e.all}`).join(', ');
  process.stdout.write(`\n[intents] ${ok}/${cases.length} utterances right (${((100 * ok) / cases.length).toFixed(1)}%): ${lines}\n`);
});
