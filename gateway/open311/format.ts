/**
 * Open311 answers in the format the path asks for (`.json` or `.xml`). The XML is the spec's
 * schemaless, namespace-free form; JSON is its Spark-convention mapping (lists become arrays, the
 * list's item element disappears). Errors are a list of `{code, description}` in either format.
 */
import type { Context } from 'koa';

export type Format = 'json' | 'xml';

/** The element each list holds, per the spec's examples. */
const ITEM_ELEMENT: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
};

// Characters XML 1.0 cannot carry at all.
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name];
    if (!item) throw new Error(`Open311 XML: no item element for list "${name}"`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** An XML document whose root element is `root`. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

export function formatOf(path: string): Format {
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

/** Writes `value` (a list under `root` in XML, or one object named `root`) in the path's format. */
export function respond(ctx: Context, root: string, value: unknown, status = 200): void {
  ctx.status = status;
  if (formatOf(ctx.path) === 'json') {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = JSON.stringify(value);
  } else {
    ctx.type = 'text/xml; charset=utf-8';
    ctx.body = toXml(root, value);
  }
}
