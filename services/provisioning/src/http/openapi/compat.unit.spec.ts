import { breakingChanges } from './compat.js';

type Json = Record<string, any>;
const base = (): Json => ({
  paths: {
    '/v1/things/{id}': {
      get: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'mode', in: 'query', required: false, schema: { type: 'string', enum: ['a', 'b'] } },
        ],
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { content: { 'application/problem+json': { schema: { type: 'object' } } } },
        },
      },
      post: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['x', 'y'] } } } } },
        },
        responses: { 202: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    },
  },
  components: {
    schemas: { Thing: { type: 'object', required: ['id', 'tags'], properties: { id: { type: 'string' }, size: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } },
  },
});

describe('breakingChanges', () => {
  it('finds nothing between a document and itself, nor in additions', () => {
    const live = base();
    live.paths['/v1/other'] = { get: { responses: { 200: {} } } };
    live.components.schemas.Thing.properties.extra = { type: 'string' };
    live.paths['/v1/things/{id}'].get.responses[409] = { content: {} };
    live.paths['/v1/things/{id}'].get.parameters[1].schema.enum.push('c');
    expect(breakingChanges(base(), base())).toEqual([]);
    expect(breakingChanges(base(), live)).toEqual([]);
  });

  it('names removed operations, statuses and response fields, and fields made optional, nullable or retyped', () => {
    const live = base();
    delete live.paths['/v1/things/{id}'].post;
    delete live.paths['/v1/things/{id}'].get.responses[404];
    live.components.schemas.Thing = { type: 'object', required: [], properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' }, nullable: true } } };
    expect(breakingChanges(base(), live).sort()).toEqual(
      [
        'GET /v1/things/{id} 200.id: type string became integer',
        'GET /v1/things/{id} 200.id: may now be absent',
        'GET /v1/things/{id} 200.size: removed',
        'GET /v1/things/{id} 200.tags: may now be absent',
        'GET /v1/things/{id} 200.tags: may now be null',
        'GET /v1/things/{id} 404: status removed',
        'POST /v1/things/{id}: operation removed',
      ].sort(),
    );
  });

  it('names new required request fields and parameters, removed request fields and narrowed enums', () => {
    const live = base();
    const body = live.paths['/v1/things/{id}'].post.requestBody.content['application/json'].schema;
    body.required.push('owner');
    body.properties.owner = { type: 'string' };
    body.properties.kind.enum = ['x'];
    delete body.properties.name;
    body.required = body.required.filter((f: string) => f !== 'name');
    live.paths['/v1/things/{id}'].get.parameters[1].required = true;
    live.paths['/v1/things/{id}'].get.parameters[1].schema.enum = ['a'];
    expect(breakingChanges(base(), live).sort()).toEqual(
      [
        'GET /v1/things/{id} query:mode: enum narrowed (no longer b)',
        'GET /v1/things/{id} query:mode: newly required',
        'POST /v1/things/{id} body.kind: enum narrowed (no longer y)',
        'POST /v1/things/{id} body.name: removed (clients sending it are refused)',
        'POST /v1/things/{id} body.owner: newly required',
      ].sort(),
    );
  });
});
