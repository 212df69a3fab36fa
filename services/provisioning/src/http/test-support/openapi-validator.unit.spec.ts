import { OpenApiResponseValidator } from './openapi-validator.js';

const doc = {
  openapi: '3.0.0',
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          200: {
            headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } }, 'X-Count': { required: false, schema: { type: 'integer' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          404: { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/v1/things/{id}/events': {
      get: { responses: { 200: { content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/Message' } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: { type: 'object', required: ['id', 'note'], properties: { id: { type: 'string', format: 'uuid' }, note: { type: 'string', nullable: true } } },
      Problem: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, status: { type: 'integer' } } },
      Message: {
        type: 'object',
        required: ['event', 'id', 'data'],
        properties: { event: { enum: ['tick'] }, id: { type: 'integer' }, data: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } },
      },
    },
  },
};
const ID = '0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11';
const v = new OpenApiResponseValidator(doc);
const json = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1', 'content-length': '10', date: 'now' };
const get = (url: string) => ({ method: 'GET', url });

describe('OpenApiResponseValidator', () => {
  it('accepts a documented answer, null where the schema allows it', () => {
    expect(v.check(get(`/v1/things/${ID}?x=1`), { status: 200, headers: { ...json, 'x-count': '3' }, body: JSON.stringify({ id: ID, note: null }) })).toEqual([]);
  });

  it('refuses an undocumented status, field, header, a missing required header and a wrong type', () => {
    const ok = JSON.stringify({ id: ID, note: 'n' });
    expect(v.check(get(`/v1/things/${ID}`), { status: 409, headers: json, body: ok })[0]).toMatch(/status not documented/);
    expect(v.check(get(`/v1/things/${ID}`), { status: 200, headers: json, body: JSON.stringify({ id: ID, note: 'n', secret: 1 }) })[0]).toMatch(/must NOT have additional properties/);
    expect(v.check(get(`/v1/things/${ID}`), { status: 200, headers: { ...json, 'x-powered-by': 'me' }, body: ok })).toEqual([expect.stringMatching(/header "x-powered-by" not documented/)]);
    const { 'x-request-id': _, ...noId } = json;
    expect(v.check(get(`/v1/things/${ID}`), { status: 200, headers: noId, body: ok })).toEqual([expect.stringMatching(/required header "X-Request-Id" missing/)]);
    expect(v.check(get(`/v1/things/${ID}`), { status: 200, headers: { ...json, 'x-count': 'many' }, body: ok })[0]).toMatch(/X-Count/);
    expect(v.check(get(`/v1/things/${ID}`), { status: 200, headers: json, body: JSON.stringify({ id: 'nope', note: 'n' }) })[0]).toMatch(/format "uuid"/);
    expect(() => v.assert(get(`/v1/things/${ID}`), { status: 409, headers: json, body: ok })).toThrow(/departs from the OpenAPI document/);
  });

  it('checks each message of an event stream', () => {
    const sse = { 'content-type': 'text/event-stream; charset=utf-8' };
    const good = 'retry: 2000\n\nid: 1\nevent: tick\ndata: {"n":1}\n\n: heartbeat\n\n';
    expect(v.check(get(`/v1/things/${ID}/events`), { status: 200, headers: sse, body: good })).toEqual([]);
    expect(v.check(get(`/v1/things/${ID}/events`), { status: 200, headers: sse, body: `${good}id: 2\nevent: tock\ndata: {"n":2}\n\n` })[0]).toMatch(/message 1 \(tock\)/);
  });

  it('wants a problem document for requests no operation matches, and skips /docs and /metrics', () => {
    const problem = { 'content-type': 'application/problem+json' };
    expect(v.check(get('/nowhere'), { status: 404, headers: problem, body: JSON.stringify({ code: 'REQUEST.NOT_FOUND', status: 404 }) })).toEqual([]);
    expect(v.check(get('/nowhere'), { status: 200, headers: json, body: '{}' })[0]).toMatch(/matches no operation/);
    expect(v.check(get('/metrics'), { status: 200, headers: { 'content-type': 'text/plain' }, body: 'x 1' })).toEqual([]);
  });
});
