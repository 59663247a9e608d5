/**
 * Request validation with zod: the first problem becomes a 400 `request.invalid` whose message a
 * resident can read (zod's Simplified Chinese locale, prefixed with the field's label when the
 * schema gives one through `.meta({ label })`).
 */
import { z, type ZodType } from 'zod';
import { badRequest } from '../errors';

z.config(z.locales.zhCN());

type Meta = { label?: string } | undefined;

function unwrap(schema: ZodType): ZodType {
  let s: any = schema;
  while (s?._zod?.def?.innerType) s = s._zod.def.innerType;
  return s;
}

/** Walks object shapes along an issue path to find the field's human label. */
function labelAt(root: ZodType, path: PropertyKey[]): string | undefined {
  let s: any = unwrap(root);
  let label: string | undefined;
  for (const key of path) {
    const field = s?._zod?.def?.shape?.[key as string] ?? s?._zod?.def?.element;
    if (!field) break;
    label = ((z.globalRegistry.get(field) as Meta)?.label) ?? label;
    s = unwrap(field);
    label = ((z.globalRegistry.get(s) as Meta)?.label) ?? label;
  }
  return label;
}

export function parseOrThrow<S extends ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const first = result.error.issues[0];
  const label = labelAt(schema, first.path) ?? (first.path.length ? first.path.join('.') : undefined);
  const message = label ? `${label}：${first.message}` : first.message;
  throw badRequest('request.invalid', message, { in: where, issues });
}
