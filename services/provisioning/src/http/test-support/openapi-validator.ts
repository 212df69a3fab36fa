/**
 * Checks an HTTP answer against the served OpenAPI document, for the specs: the operation must
 * document the status, the content type, every header beyond the transport's own (and carry
 * the required ones), and the body must match the schema with no field the schema does not
 * name (every object schema is read as `additionalProperties: false` unless it says
 * otherwise). A text/event-stream body is checked message by message.
 *
 * Answers to requests no operation matches (an unknown path, a method a path does not take)
 * must be a problem document (components.schemas.Problem). The document itself (/docs) and the
 * Prometheus scrape (/metrics, excluded from the document on purpose) are not checked.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;
export interface CheckedRequest {
  readonly method: string;
  readonly url: string;
}
export interface CheckedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/** Headers HTTP itself adds; any other header an answer carries must be in the document. */
const TRANSPORT = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const UNCHECKED = /^\/(docs|metrics)(\/|$)/;
const DOC_ID = 'openapi.json';
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** OpenAPI 3.0 schemas into JSON Schema: `nullable` as a null branch, objects closed unless they say open. */
function strictSchemas(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictSchemas);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = k === 'example' || k === 'examples' ? v : strictSchemas(v);
  if (out.properties && typeof out.properties === 'object' && out.additionalProperties === undefined && !out.allOf && !out.oneOf) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const pointer = (...parts: string[]): string => `${DOC_ID}#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

function parseEventStream(text: string): Json[] {
  const messages: Json[] = [];
  for (const block of text.split(/\n\n/)) {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const name = i === -1 ? line : line.slice(0, i);
      fields[name] = (fields[name] !== undefined ? `${fields[name]}\n` : '') + (i === -1 ? '' : line.slice(i + 1).replace(/^ /, ''));
    }
    if (fields.data === undefined) continue; // retry: lines and comments carry no message
    messages.push({ event: fields.event ?? 'message', id: Number(fields.id), data: JSON.parse(fields.data) });
  }
  return messages;
}

export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ template: string; pattern: RegExp }>;

  constructor(private readonly doc: Json) {
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    this.ajv.addSchema(strictSchemas({ ...doc, $id: DOC_ID }) as Json);
    const paths = Object.keys(doc.paths as Json);
    this.routes = paths.map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  private validator(ref: string): ValidateFunction {
    let v = this.compiled.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, v);
    }
    return v;
  }

  private schemaErrors(ref: string, value: unknown, what: string): string[] {
    const v = this.validator(ref);
    if (v(value)) return [];
    return [`${what} does not match the document: ${this.ajv.errorsText(v.errors, { separator: '; ', dataVar: 'body' })}`];
  }

  /** Every way the answer departs from the document (empty when it conforms). */
  check(req: CheckedRequest, res: CheckedResponse): string[] {
    const method = req.method.toLowerCase();
    const path = new URL(req.url, 'http://x').pathname;
    if (method === 'head' || method === 'options' || UNCHECKED.test(path)) return [];
    const route = this.routes.find((r) => r.pattern.test(path));
    const op = route ? (((this.doc.paths as Json)[route.template] as Json)[method] as Json | undefined) : undefined;
    const contentType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!route || !op) {
      if (res.status < 400 || contentType !== 'application/problem+json') return [`${req.method} ${path} matches no operation, yet answered ${res.status} ${contentType}`];
      return this.schemaErrors(`${DOC_ID}#/components/schemas/Problem`, JSON.parse(res.body), `${res.status} problem for unmatched ${req.method} ${path}`);
    }
    const responses = op.responses as Json;
    const key = String(res.status) in responses ? String(res.status) : 'default' in responses ? 'default' : undefined;
    const where = `${req.method} ${route.template} ${res.status}`;
    if (!key) return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')})`];
    const response = responses[key] as Json;
    const errors: string[] = [];

    const headers = (response.headers ?? {}) as Record<string, Json>;
    const documented = new Map(Object.entries(headers).map(([name, h]) => [name.toLowerCase(), { name, h }]));
    for (const name of Object.keys(res.headers)) {
      if (!TRANSPORT.has(name.toLowerCase()) && !documented.has(name.toLowerCase())) errors.push(`${where}: header "${name}" not documented`);
    }
    for (const [lower, { name, h }] of documented) {
      const value = res.headers[lower];
      if (value === undefined) {
        if (h.required) errors.push(`${where}: required header "${name}" missing`);
        continue;
      }
      const schema = h.schema as Json | undefined;
      const typed = schema?.type === 'integer' || schema?.type === 'number' ? Number(value) : value;
      errors.push(...this.schemaErrors(pointer('paths', route.template, method, 'responses', key, 'headers', name, 'schema'), typed, `${where} header "${name}"`));
    }

    const content = response.content as Json | undefined;
    if (!content) {
      if (res.body.length > 0) errors.push(`${where}: answered a body, the document says none`);
      return errors;
    }
    if (!(contentType in content)) return [...errors, `${where}: content type "${contentType}" not documented (documented: ${Object.keys(content).join(', ')})`];
    const ref = pointer('paths', route.template, method, 'responses', key, 'content', contentType, 'schema');
    if (contentType === 'text/event-stream') {
      parseEventStream(res.body).forEach((m, i) => errors.push(...this.schemaErrors(ref, m, `${where} message ${i} (${String(m.event)})`)));
    } else if (/json$/.test(contentType)) {
      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch {
        return [...errors, `${where}: body is not JSON`];
      }
      errors.push(...this.schemaErrors(ref, body, `${where} body`));
    }
    return errors;
  }

  /** Throws with every departure listed, so the spec that provoked the answer fails. */
  assert(req: CheckedRequest, res: CheckedResponse): void {
    const errors = this.check(req, res);
    if (errors.length > 0) throw new Error(`Answer departs from the OpenAPI document:\n- ${errors.join('\n- ')}\nbody: ${res.body.slice(0, 500)}`);
  }
}
