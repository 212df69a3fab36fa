/**
 * The messages of `GET /v1/tenants/{id}/events` (text/event-stream). OpenAPI 3.0 has no words
 * for a stream of messages, so the response's schema describes one message: its SSE `event`
 * name, its `id` (the stream revision) and its `data` (the JSON after `data:`). The web's
 * progress page switches on `event` over this union, so an event type added here without a
 * consumer fails its typecheck. The event names come from the catalogue (TENANT_EVENT_TYPES).
 */
import type { SchemaObject } from '@nestjs/swagger';
import { TENANT_EVENT_TYPES } from '@tlc/tenant-events';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const TENANT_STREAM_SCHEMAS: Record<string, SchemaObject> = {
  TenantStreamSnapshot: {
    type: 'object',
    description: 'First message of a stream opened without Last-Event-ID: the tenant as of revision `id`.',
    required: ['event', 'id', 'data'],
    properties: { event: { type: 'string', enum: ['snapshot'] }, id: { type: 'integer' }, data: ref('TenantStatusView') },
  },
  TenantStreamEventData: {
    type: 'object',
    description: 'A tenant event as the history shows it, with the status it leads to.',
    required: ['revision', 'position', 'type', 'data', 'metadata', 'recordedAt', 'status'],
    properties: {
      revision: { type: 'integer' },
      position: { type: 'integer' },
      type: ref('TenantEventType'),
      data: { type: 'object', additionalProperties: true, description: "The event's data; sealed secrets and hashes read `[redacted]`." },
      metadata: ref('EventMetadata'),
      recordedAt: { type: 'string', format: 'date-time' },
      status: ref('TenantStatus'),
    },
  },
  TenantStreamEvent: {
    type: 'object',
    description: 'One tenant event; `event` is its type, `id` its stream revision (send it back as Last-Event-ID to resume).',
    required: ['event', 'id', 'data'],
    properties: { event: { type: 'string', enum: [...TENANT_EVENT_TYPES] }, id: { type: 'integer' }, data: ref('TenantStreamEventData') },
  },
  TenantStreamMessage: {
    description: 'One Server-Sent Events message (event, id, data). Comment lines (`: heartbeat`) and `retry:` carry no message.',
    oneOf: [ref('TenantStreamSnapshot'), ref('TenantStreamEvent')],
  },
};
