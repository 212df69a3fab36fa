/**
 * The JSON body parser: Fastify's own parser (with its __proto__/constructor poisoning checks),
 * behind the edge checks of json-text.ts. Each refusal is a 400 problem+json that names the
 * rule, raised before class-transformer or any handler sees the body.
 */
import { isUtf8 } from 'node:buffer';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '../shared/domain-error.js';
import { decodeMarkingInvalid, illFormedTextAt, nestedDeeperThan, printablePath } from './json-text.js';

/** No request here needs more than 2 levels; 32 leaves room and keeps every walk shallow. */
export const MAX_JSON_DEPTH = 32;

/** Through Nest's useBodyParser, so Nest does not add its own JSON parser in app.init(). */
export function installJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, bytes, done) => {
    const utf8 = isUtf8(bytes);
    const text = utf8 ? bytes.toString('utf8') : decodeMarkingInvalid(bytes);
    if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new DomainError('REQUEST.TOO_DEEP', `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`), undefined);
      return;
    }
    parse(request as Parameters<typeof parse>[0], text, (err, value) => {
      if (err) {
        done(err, undefined);
        return;
      }
      const at = illFormedTextAt(value);
      if (utf8 && at === undefined) {
        done(null, value);
        return;
      }
      // Not UTF-8 and no field found: a marked byte paired with an escaped high surrogate.
      const field = at === undefined ? '' : printablePath(at);
      const why = utf8 ? 'holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)' : 'holds bytes that are not valid UTF-8';
      const message = field ? `The field "${field}" ${why}.` : `The body ${why}.`;
      done(new DomainError('REQUEST.INVALID_TEXT', message, { field, errors: [{ field, code: 'FIELD.INVALID_TEXT', message }] }), undefined);
    });
  });
}
