/**
 * The OpenAPI 3.1 document, generated from the request schemas every route declares, and a
 * plain readable HTML page of it (no CDN: the page must work on a closed government network).
 */
import { z, type ZodType } from 'zod';
import { documentedRoutes, type DocumentedRoute } from './routes';

type JsonSchema = Record<string, any>;

function jsonSchema(schema: ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(route: DocumentedRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const where of ['params', 'query'] as const) {
    const schema = route[where];
    if (!schema) continue;
    const js = jsonSchema(schema);
    for (const [name, prop] of Object.entries<JsonSchema>(js.properties ?? {})) {
      out.push({
        name,
        in: where === 'params' ? 'path' : 'query',
        required: where === 'params' || (js.required ?? []).includes(name),
        description: prop.description,
        schema: prop,
      });
    }
  }
  return out;
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable dotted identifier, e.g. booking.slot_full' },
        message: { type: 'string', description: 'Simplified Chinese message for the user' },
        details: {},
      },
    },
  },
};

let cached: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: JsonSchema = {};
  for (const route of documentedRoutes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: route.tags,
      ...(route.auth ? { security: [{ bearer: [] }] } : {}),
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses: {
        [String(route.status)]: { description: 'Success' },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: { title: 'OneWindow API (一窗通办)', version: '1', description: 'The single HTTP API behind the mini-program and the chat bot.' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: ERROR_SCHEMA } },
    paths,
  };
  return cached;
}

const escape = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function fieldsTable(schema: JsonSchema | undefined): string {
  const props = Object.entries<JsonSchema>(schema?.properties ?? {});
  if (!props.length) return '';
  const required: string[] = schema?.required ?? [];
  const rows = props
    .map(([n, p]) => `<tr><td><code>${escape(n)}</code>${required.includes(n) ? ' *' : ''}</td><td>${escape(p.type ?? (p.enum ? 'enum' : p.anyOf ? 'one of' : ''))}${p.enum ? ` (${escape(p.enum.join(' | '))})` : ''}</td><td>${escape(p.description ?? p.title ?? '')}</td></tr>`)
    .join('');
  return `<table><tr><th>field</th><th>type</th><th>description</th></tr>${rows}</table>`;
}

export function docsPage(): string {
  const doc = openApiDocument();
  const sections = Object.entries<JsonSchema>(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries<JsonSchema>(ops).map(([method, op]) => {
        const params = op.parameters.length
          ? `<table><tr><th>parameter</th><th>in</th><th>description</th></tr>${op.parameters.map((p: JsonSchema) => `<tr><td><code>${escape(p.name)}</code>${p.required ? ' *' : ''}</td><td>${p.in}</td><td>${escape(p.description ?? p.schema?.type ?? '')}</td></tr>`).join('')}</table>`
          : '';
        const body = op.requestBody ? `<p>JSON body:</p>${fieldsTable(op.requestBody.content['application/json'].schema)}` : '';
        return `<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code>${op.security ? ' 🔒' : ''}</h3><p>${escape(op.summary)}</p>${params}${body}</section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>一窗通办 API 文档</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2933}
section{border-top:1px solid #e4e7eb;padding:.5rem 0}h3{font-size:1rem}.m{display:inline-block;min-width:4.5em;padding:2px 6px;border-radius:4px;color:#fff;font-size:.8rem;text-align:center}
.get{background:#2f80ed}.post{background:#27ae60}.put,.patch{background:#f2994a}.delete{background:#eb5757}
table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #e4e7eb;padding:3px 8px;font-size:.85rem;text-align:left}</style></head>
<body><h1>一窗通办 API</h1><p>Errors always come as <code>{"error":{"code","message","details"}}</code>. 🔒 = needs <code>Authorization: Bearer &lt;token&gt;</code>.
Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>${sections}</body></html>`;
}
