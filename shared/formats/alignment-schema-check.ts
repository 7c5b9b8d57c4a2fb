/**
 * Validation against the alignment schema, with the first problem reported as
 * a `BitextError` naming the file and the field (a JSON pointer) and, for a
 * link, the link. Apart from alignment-json.ts so that a writer of a part of
 * the file (alignment-paragraphs.ts, in a worker) does not load ajv's compiler.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { BitextError } from '../errors.ts';

/** Validates `value`, found at `at` (a JSON pointer) in the file; the error names the field. */
export function validate(validator: ValidateFunction, value: unknown, fileName: string, versionNote: string, at = ''): void {
  let valid: boolean;
  try {
    valid = validator(value) as boolean;
  } catch (error) {
    // Validation recurses into some values (uniqueItems compares deeply); absurd nesting can overflow the stack.
    throw new BitextError('invalid-alignment', `not an alignment: the content is too deeply nested${versionNote}`, { file: fileName }, { cause: error });
  }
  if (valid) return;
  const error = validator.errors?.[0];
  if (!error) throw new BitextError('invalid-alignment', `not an alignment${versionNote}`, { file: fileName });
  const { field, message } = describeSchemaError(error);
  throw new BitextError('invalid-alignment', `${message}${versionNote}`, location(fileName, `${at}${field}`));
}

function describeSchemaError(error: ErrorObject): { field: string; message: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { field: `${error.instancePath}/${escapePointer(String(params['additionalProperty']))}`, message: 'unknown field' };
    case 'required':
      return { field: `${error.instancePath}/${escapePointer(String(params['missingProperty']))}`, message: 'required field is missing' };
    case 'enum':
      return {
        field: error.instancePath,
        message: `must be one of ${(params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'const':
      return { field: error.instancePath, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    default:
      return { field: error.instancePath, message: error.message ?? `fails the schema's ${error.keyword} rule` };
  }
}

function escapePointer(key: string): string {
  const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
  return escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped;
}

export function location(file: string, field: string): { file: string; field: string; link?: number } {
  const link = /^\/links\/([0-9]+)(?:\/|$)/.exec(field);
  return link ? { file, field: field || '/', link: Number(link[1]) } : { file, field: field || '/' };
}
