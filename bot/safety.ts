/**
 * Protecting the chat account (personal-account puppets get banned for bursts and mass messages):
 * a per-contact rate limit, one paced queue for everything the bot sends, and a supervisor that
 * restarts the puppet with backoff when a logout or a fatal error leaves it offline.
 */
import type { Logger } from 'pino';
import type { Wechaty } from 'wechaty';

export type RateDecision = 'ok' | 'warn' | 'drop';

/** Sliding-window limits per contact, in memory (a restart forgives everyone, which is fine). */
export class ContactRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly warned = new Map<string, number>();
  private checks = 0;

  constructor(
    private readonly perMinute: number,
    private readonly perHour: number,
  ) {}

  /** `warn` the first time a contact goes over (tell them once), then `drop` until they calm down. */
  check(contactId: string, now = Date.now()): RateDecision {
    if (++this.checks % 1000 === 0) this.sweep(now);
    const list = (this.hits.get(contactId) ?? []).filter((t) => t > now - 3600_000);
    const lastMinute = list.filter((t) => t > now - 60_000).length;
    if (lastMinute >= this.perMinute || list.length >= this.perHour) {
      this.hits.set(contactId, list);
      const since = this.warned.get(contactId);
      if (since !== undefined && since > now - 60_000) return 'drop';
      this.warned.set(contactId, now);
      return 'warn';
    }
    list.push(now);
    this.hits.set(contactId, list);
    return 'ok';
  }

  private sweep(now: number): void {
    for (const [id, list] of this.hits) if (!list.some((t) => t > now - 3600_000)) this.hits.delete(id);
    for (const [id, at] of this.warned) if (at < now - 3600_000) this.warned.delete(id);
  }
}

/**
 * One queue for every outgoing message, at least `gapMs` apart, and only while logged in (a
 * message waits up to `offlineWaitMs` for a re-login, then is dropped and logged).
 */
export class SendPacer {
  private tail: Promise<void> = Promise.resolve();
  private lastSentAt = 0;
  private stopped = false;

  constructor(
    private readonly gapMs: number,
    private readonly isOnline: () => boolean,
    private readonly log: Logger,
    private readonly offlineWaitMs = 60_000,
  ) {}

  send(what: string, deliver: () => Promise<unknown>): Promise<boolean> {
    const result = this.tail.then(async () => {
      if (this.stopped) return false;
      const deadline = Date.now() + this.offlineWaitMs;
      while (!this.isOnline()) {
        if (this.stopped || Date.now() > deadline) {
          this.log.warn({ what }, 'not logged in: message dropped');
          return false;
        }
        await sleep(200);
      }
      const wait = this.lastSentAt + this.gapMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        await deliver();
        return true;
      } catch (err) {
        this.log.error({ what, err: (err as Error)?.message }, 'sending failed');
        return false;
      } finally {
        this.lastSentAt = Date.now();
      }
    });
    this.tail = result.then(() => undefined);
    return result;
  }

  /** Resolves when everything queued so far has been sent (or dropped). */
  idle(): Promise<void> {
    return this.tail;
  }

  stop(): void {
    this.stopped = true;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SupervisorStats {
  restarts: number;
  logouts: number;
  errors: number;
}

/**
 * Watches the login: after a logout (or an error while logged out) it gives the puppet `graceMs` to
 * log in again by itself (web and pad puppets show a new QR code), then restarts it, waiting twice
 * as long after each failed attempt (up to 30 minutes).
 */
export class LoginSupervisor {
  readonly stats: SupervisorStats = { restarts: 0, logouts: 0, errors: 0 };
  private timer?: NodeJS.Timeout;
  private attempts = 0;
  private restarting = false;
  private active = true;

  constructor(
    private readonly bot: Wechaty,
    private readonly graceMs: number,
    private readonly log: Logger,
  ) {
    bot.on('scan', (qrcode, status) => {
      this.log.info({ status, url: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` }, 'scan the QR code to log in');
    });
    bot.on('login', (user) => {
      this.attempts = 0;
      this.clear();
      this.log.info({ user: user.id }, 'logged in');
    });
    bot.on('logout', (user, reason) => {
      this.stats.logouts++;
      this.log.warn({ user: user.id, reason }, 'logged out; waiting for a new login');
      this.schedule(this.graceMs);
    });
    bot.on('error', (err) => {
      this.stats.errors++;
      this.log.error({ err: (err as Error)?.message }, 'puppet error');
      if (!this.bot.isLoggedIn) this.schedule(this.graceMs);
    });
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    if (!this.active || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, delayMs);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    if (!this.active || this.restarting || this.bot.isLoggedIn) return;
    this.restarting = true;
    this.attempts++;
    this.stats.restarts++;
    this.log.warn({ attempt: this.attempts }, 'still logged out: restarting the puppet');
    try {
      await this.bot.stop();
      if (this.active) await this.bot.start();
    } catch (err) {
      this.log.error({ err: (err as Error)?.message }, 'restart failed');
    } finally {
      this.restarting = false;
    }
    if (this.active && !this.bot.isLoggedIn) this.schedule(Math.min(this.graceMs * 2 ** this.attempts, 30 * 60_000));
  }

  stop(): void {
    this.active = false;
    this.clear();
  }
}
