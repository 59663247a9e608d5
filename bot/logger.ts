/**
 * The bot's pino logger. Message texts are never logged (only intents and dialogue steps); phone and
 * ID numbers that reach a log line anyway are masked on the way out.
 */
import pino, { type Logger } from 'pino';
import { maskNumbers } from './intents/normalize';

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskNumbers(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export function createBotLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'onewindow-bot' },
      redact: { paths: ['phone', '*.phone', 'text', '*.text', 'token', '*.token'], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
