/**
 * Structured logging with pino. Personal data never reaches a log line in full: known fields
 * are redacted by path, and any mainland mobile or resident ID number left in a message or
 * string field is masked on the way out.
 */
import pino, { type Logger } from 'pino';
import { maskSensitiveText } from './privacy/mask';

const REDACT_PATHS = [
  'phone', 'idNumber', 'password', 'token',
  '*.phone', '*.idNumber', '*.password', '*.token',
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization',
];

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSensitiveText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: maskSensitiveText(value.message), stack: value.stack && maskSensitiveText(value.stack) };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'onewindow' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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

let current: Logger | undefined;

/** The process logger (installed at boot; a quiet default before that). */
export function logger(): Logger {
  return (current ??= createLogger(process.env.LOG_LEVEL ?? 'info'));
}

export function useLogger(next: Logger): Logger {
  current = next;
  return next;
}
