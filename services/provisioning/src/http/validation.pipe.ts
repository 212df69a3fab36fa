/**
 * class-validator with whitelist + forbidNonWhitelisted, reporting every field problem as a
 * coded VALIDATION.FAILED. A body that is not a JSON object (an array, a string, null) is
 * refused before class-transformer sees it.
 */
import { Injectable, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '../shared/domain-error.js';

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: rule === 'whitelistValidation' ? 'FIELD.NOT_ALLOWED' : `FIELD.${rule.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      message: rule === 'whitelistValidation' ? `The field "${field}" is not part of this request.` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => {
        const list = flatten(errors);
        return new DomainError('VALIDATION.FAILED', list[0]?.message ?? 'The request is not valid.', { field: list[0]?.field, errors: list });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      // No body at all reads as an empty object: required fields then fail by name.
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new DomainError('VALIDATION.FAILED', 'The body must be a JSON object.', { errors: [{ field: '', code: 'FIELD.NOT_OBJECT', message: 'The body must be a JSON object.' }] });
      }
      // class-validator's whitelist sees `constructor` as a known property of every object.
      const forbidden = Object.keys(value).filter((k) => FORBIDDEN_KEYS.has(k));
      if (forbidden.length > 0) {
        const errors = forbidden.map((field) => ({ field, code: 'FIELD.NOT_ALLOWED', message: `The field "${field}" is not part of this request.` }));
        throw new DomainError('VALIDATION.FAILED', errors[0].message, { field: forbidden[0], errors });
      }
    }
    return super.transform(value, metadata);
  }
}
