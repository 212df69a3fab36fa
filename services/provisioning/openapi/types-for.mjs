/**
 * The typed client's types from an OpenAPI document (openapi-typescript), in one place so that
 * the generator and the staleness spec produce the very same text.
 */
import openapiTS, { astToString } from 'openapi-typescript';

export const TYPES_HEADER =
  "/**\n * Generated from the provisioning API's OpenAPI document by `npm run api:generate`; do not edit.\n" +
  ' * services/provisioning/src/http/openapi/contract.int.spec.ts fails when this file is stale.\n */\n';

export async function typesFor(doc) {
  const ast = await openapiTS(doc, { rootTypes: true, rootTypesNoSchemaPrefix: true, alphabetize: false, defaultNonNullable: false });
  return TYPES_HEADER + astToString(ast);
}
