/**
 * The chat bot under load through the official mock puppet (wechaty-puppet-mock): mock residents
 * each send a fixed script of real resident messages (a guide question and its follow-ups, a status
 * query with the phone's last four digits, how to book, thanks, help), one at a time, each waiting
 * for the bot's reply, like people chatting. Latency runs from a message being said to the first
 * reply arriving; the mock puppet lives in the bot's process, so the bot, the puppet and the
 * residents share this process's event loop (the gateway is its own process). The baseline,
 * measured in the same run: the same mock puppet (a new instance: a mocker serves one puppet) and
 * the same contacts driving a bare Wechaty bot that answers every message at once with a fixed
 * text, so the ratio is what the bot's own work (intent matching, gateway HTTP calls, conversation
 * state in MongoDB) costs over the puppet's. The real bot runs with its send pacing off and its
 * per-contact limits raised (the heading says so): with the defaults it sends at most 2.5 messages
 * a second. Every reply is judged against the step of the script it answers; error texts are counted.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { log as wechatyLog, WechatyBuilder, type Wechaty } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { botRuntime, createBot, stopBot } from '../../bot';
import { createBotLogger } from '../../bot/logger';
import { demoGuides } from '../../gateway/seed/guides';
import { GUIDE_QUESTIONS, judge, percentile, RESIDENT_SCRIPT, type ResidentContext } from './bot-replies';
import { record } from './figures';
import type { ChildServer } from './servers';

export interface BotBenchContext {
  gateway: ChildServer;
  botToken: string;
  mongoUri: string;
}

type ContactMock = ReturnType<mock.Mocker['createContact']>;
type MessageMock = { payload: { talkerId: string; roomId?: string; listenerId?: string; text?: string } };

const RESIDENTS = Number(process.env.BENCH_BOT_RESIDENTS ?? 20);
const ROUNDS = Number(process.env.BENCH_BOT_ROUNDS ?? 3);
/** The bare bot answers ~30 times faster: more rounds of the same script give it a measurable duration. */
const BASELINE_ROUNDS = Number(process.env.BENCH_BOT_BASELINE_ROUNDS ?? ROUNDS * 10);
/** Longest wait for one reply; a resident whose reply does not come stops (its later replies could not be told apart). */
const REPLY_TIMEOUT_MS = Number(process.env.BENCH_BOT_REPLY_TIMEOUT_MS ?? 20_000);
/** Longest a phase may run: no new message is said after this. */
const PHASE_SECONDS = Number(process.env.BENCH_BOT_MAX_SECONDS ?? 120);
/** Settings of the real bot for the run (BOT_SEND_GAP_MS, BOT_RATE_PER_MINUTE, BOT_RATE_PER_HOUR). */
const THROUGHPUT_SETTINGS = { sendGapMs: 0, ratePerMinute: 1000, ratePerHour: 10_000 };
const BARE_REPLY = '收到，谢谢您的留言。';
const BOT_USER = { id: 'bench-bot-user', name: '政务小助手' };

/** A mock resident: what the bot said to them in private, with arrival times. */
class Resident {
  readonly replies: Array<{ text: string; at: number }> = [];
  private wake?: () => void;

  constructor(
    readonly contact: ContactMock,
    botUserId: string,
  ) {
    contact.on('message', (m: MessageMock) => {
      if (m.payload.talkerId !== botUserId || m.payload.roomId || m.payload.listenerId !== contact.id) return;
      this.replies.push({ text: m.payload.text ?? '', at: performance.now() });
      this.wake?.();
    });
  }

  /** Says `text` to the bot; resolves with the latency to the first reply, or undefined after `timeoutMs`. */
  say(text: string, to: ContactMock, timeoutMs: number): Promise<number | undefined> {
    const from = this.replies.length;
    return new Promise((resolve) => {
      const t0 = performance.now();
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.wake = () => {
        if (this.replies.length <= from) return;
        clearTimeout(timer);
        this.wake = undefined;
        resolve(this.replies[from].at - t0);
      };
      this.contact.say(text).to(to);
    });
  }
}

interface PhaseResult {
  messages: number;
  answered: number;
  seconds: number;
  latencies: number[];
  errors: number;
  offScript: number;
  unanswered: number;
  samples: string[];
  /** Latencies by script step, for the per-step line. */
  byStep: number[][];
  /** CPU seconds used meanwhile by this process (puppet, residents and the bot itself) and by the gateway. */
  cpu: { here: number; gateway: number };
}

/**
 * Every resident runs the script `rounds` times, one message at a time. `settle` runs after the first
 * reply to a message so that all of that message's replies have arrived before the next is said
 * (the real bot queues a turn's replies together; the bare bot sends one).
 */
async function runPhase(
  gateway: ChildServer,
  rounds: number,
  residents: Resident[],
  contexts: ResidentContext[],
  botUser: ContactMock,
  settle: () => Promise<void>,
  judgeStep: (replies: string[], step: (typeof RESIDENT_SCRIPT)[number], ctx: ResidentContext) => 'ok' | 'error' | 'off-script',
): Promise<PhaseResult> {
  const result: PhaseResult = { messages: 0, answered: 0, seconds: 0, latencies: [], errors: 0, offScript: 0, unanswered: 0, samples: [], byStep: RESIDENT_SCRIPT.map(() => []), cpu: { here: 0, gateway: 0 } };
  const cpu0 = process.cpuUsage();
  const gateway0 = childCpuSeconds(gateway);
  const deadline = Date.now() + PHASE_SECONDS * 1000;
  const planned = residents.length * rounds * RESIDENT_SCRIPT.length;
  const started = performance.now();
  let lastReply = started;
  await Promise.all(
    residents.map(async (resident, i) => {
      const ctx = { ...contexts[i] };
      for (let round = 0; round < rounds; round++) {
        for (const [n, step] of RESIDENT_SCRIPT.entries()) {
          if (Date.now() > deadline) return;
          const text = step.text(ctx);
          const from = resident.replies.length;
          result.messages++;
          const latency = await resident.say(text, botUser, REPLY_TIMEOUT_MS);
          if (latency === undefined) {
            result.unanswered++;
            if (result.samples.length < 5) result.samples.push(`no reply to "${text}" within ${REPLY_TIMEOUT_MS} ms`);
            return;
          }
          await settle();
          result.answered++;
          result.latencies.push(latency);
          result.byStep[n].push(latency);
          lastReply = Math.max(lastReply, resident.replies[resident.replies.length - 1].at);
          const replies = resident.replies.slice(from).map((r) => r.text);
          const verdict = judgeStep(replies, step, ctx);
          if (verdict === 'error') result.errors++;
          if (verdict === 'off-script') result.offScript++;
          if (verdict !== 'ok' && result.samples.length < 5) result.samples.push(`${verdict}: "${text}" → ${replies.join(' | ').replace(/\n/g, ' ').slice(0, 160)}`);
        }
      }
    }),
  );
  result.unanswered += planned - result.messages;
  result.seconds = (lastReply - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  result.cpu = { here: (cpu.user + cpu.system) / 1e6, gateway: childCpuSeconds(gateway) - gateway0 };
  return result;
}

/** CPU seconds (user + system) a child process has used so far, from /proc. */
function childCpuSeconds(child: ChildServer): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Where the time went: CPU per process, and the median latency of each step of the script. */
function describe(label: string, r: PhaseResult): void {
  console.log(`    ${label}: ${r.answered} replies in ${r.seconds.toFixed(2)} s; CPU ${r.cpu.here.toFixed(2)} s in this process (puppet, residents, bot), ${r.cpu.gateway.toFixed(2)} s in the gateway`);
  const steps = RESIDENT_SCRIPT.map((step, i) => `${step.label} ${Math.round(percentile(r.byStep[i], 50))}`);
  console.log(`    ${label} p50 ms by step: ${steps.join(', ')}`);
}

/** A logger for the real bot that keeps what it logs at warn and above (counted, and the first shown). */
function countingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createBotLogger('warn', { write: (line: string) => void lines.push(line.trim()) });
  return { logger, lines };
}

async function waitForLogin(bot: Wechaty): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!bot.isLoggedIn) {
    if (Date.now() > deadline) throw new Error('the bot did not log in on the mock puppet');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The bot's own database: the benchmark's MongoDB with its own database name. */
function botDatabaseUri(mongoUri: string): string {
  return mongoUri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, '$1/bench_bot');
}

/** Applications for the status query, one per resident, registered by the demo clerk through the API. */
async function registerApplications(gatewayUrl: string, n: number): Promise<Array<{ number: string; last4: string }>> {
  const json = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${gatewayUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { token } = await json('/api/v1/auth/staff-login', { username: 'clerk', password: 'Demo@2026' });
  const food = demoGuides.find((g) => g.name === '食品经营许可')!;
  const apps: Array<{ number: string; last4: string }> = [];
  for (let i = 0; i < n; i++) {
    const phone = `1380016${String(i).padStart(4, '0')}`;
    const app = await json('/api/v1/staff/applications', { guideCode: food.code, applicant: { name: '测试', phone } }, token);
    apps.push({ number: app.number, last4: phone.slice(-4) });
  }
  return apps;
}

/** A mock puppet with the bot's account and RESIDENTS residents; the same ids and names every time. */
function mockWorld() {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact(BOT_USER);
  const residents = Array.from({ length: RESIDENTS }, (_, i) => new Resident(mocker.createContact({ id: `bench-resident-${i}`, name: `居民${i + 1}` }), botUser.id));
  /** One unmeasured "你好" from every resident (first calls are slow everywhere). */
  const warmUp = (settle: () => Promise<void>) =>
    Promise.all(
      residents.map(async (r) => {
        await r.say('你好', botUser, REPLY_TIMEOUT_MS);
        await settle();
      }),
    );
  return { mocker, puppet, botUser, residents, warmUp };
}

function recordPhase(label: string, r: PhaseResult, baseline?: PhaseResult): void {
  const rate = (p: PhaseResult) => (p.seconds > 0 ? p.answered / p.seconds : 0);
  record(`${label} messages handled/s`, rate(r), 'msg/s', baseline ? rate(baseline) : null);
  record(`${label} reply p50 latency`, percentile(r.latencies, 50), 'ms', baseline ? percentile(baseline.latencies, 50) : null);
  record(`${label} reply p99 latency`, percentile(r.latencies, 99), 'ms', baseline ? percentile(baseline.latencies, 99) : null);
}

export async function benchBot(ctx: BotBenchContext): Promise<void> {
  console.log(
    `\nChat bot through wechaty-puppet-mock: ${RESIDENTS} residents × ${RESIDENT_SCRIPT.length} messages × ${ROUNDS} rounds (bare bot ${BASELINE_ROUNDS} rounds), each waiting for its reply` +
      `\n  (run with BOT_SEND_GAP_MS=0, BOT_RATE_PER_MINUTE=1000, BOT_RATE_PER_HOUR=10000 for throughput; the defaults, 400 ms / 12 / 120, cap a real account at 2.5 replies/s)`,
  );
  // Fail clearly when the gateway was started without this BOT_TOKEN (every reply would be an error).
  const me = await fetch(`${ctx.gateway.url}/api/v1/bot/me`, { headers: { authorization: `Bot ${ctx.botToken}`, 'x-chat-user': 'bench-check' } });
  if (!me.ok) throw new Error(`the gateway refuses the bot token (HTTP ${me.status}): start it with the same BOT_TOKEN`);
  const apps = await registerApplications(ctx.gateway.url, RESIDENTS);

  const contexts: ResidentContext[] = apps.map((application, i) => ({ guideQuestion: GUIDE_QUESTIONS[i % GUIDE_QUESTIONS.length], application }));
  wechatyLog.level('silent');

  // Baseline: a bare Wechaty bot on the mock puppet, answering every message at once.
  const first = mockWorld();
  const bare = WechatyBuilder.build({ puppet: first.puppet });
  bare.on('message', (msg) => {
    if (msg.self()) return;
    msg.say(BARE_REPLY).catch(() => undefined);
  });
  let baseline: PhaseResult;
  try {
    await bare.start();
    first.mocker.login(first.botUser);
    await waitForLogin(bare);
    await first.warmUp(async () => undefined);
    baseline = await runPhase(ctx.gateway, BASELINE_ROUNDS, first.residents, contexts, first.botUser, async () => undefined, (replies) => judge(replies, (r) => r === BARE_REPLY));
  } finally {
    await bare.stop();
  }
  recordPhase('bare Wechaty bot (fixed reply)', baseline);
  record('bare Wechaty bot messages unanswered', baseline.unanswered, 'count');

  // The real bot on a new mock puppet with the same contacts (a mocker serves one puppet), and a fresh database of its own.
  const second = mockWorld();
  const { logger, lines } = countingLogger();
  const bot = createBot({ puppet: second.puppet, gatewayUrl: ctx.gateway.url, botToken: ctx.botToken, mongoUri: botDatabaseUri(ctx.mongoUri), logger, ...THROUGHPUT_SETTINGS });
  wechatyLog.level('silent');
  let real: PhaseResult;
  let logged = 0;
  try {
    const { connection, pacer } = botRuntime(bot);
    await connection.asPromise();
    await connection.dropDatabase();
    await bot.start();
    second.mocker.login(second.botUser);
    await waitForLogin(bot);
    const settle = () => pacer.idle();
    await second.warmUp(settle);
    real = await runPhase(ctx.gateway, ROUNDS, second.residents, contexts, second.botUser, settle, (replies, step, c) => judge(replies, (r) => step.answers(r, c)));
    // Counted before stopping: a stop logs a logout warning of its own.
    logged = lines.length;
  } finally {
    await stopBot(bot);
  }
  recordPhase('chat bot (mock puppet)', real, baseline);
  record('chat bot error replies', real.errors, 'count');
  record('chat bot off-script replies', real.offScript, 'count');
  record('chat bot messages unanswered', real.unanswered, 'count');
  record('chat bot warnings + errors logged', logged, 'count');
  describe('bare', baseline);
  describe('bot', real);
  for (const s of [...baseline.samples.map((s) => `bare: ${s}`), ...real.samples]) console.log(`    ${s}`);
  for (const line of lines.slice(0, Math.min(logged, 5))) console.log(`    bot log: ${line.slice(0, 200)}`);
}
