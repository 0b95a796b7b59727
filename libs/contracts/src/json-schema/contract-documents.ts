import { asyncApiDocument } from './asyncapi';
import { intakeOpenApiDocument } from './intake-openapi';
import { messageJsonSchemas } from './message-schemas';

/** A generated file, relative to the contracts docs folder. */
export interface ContractDocument {
  readonly path: string;
  readonly content: string;
}

const stable = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every published contract document: one JSON Schema per message and the AsyncAPI document, as
 * the exact text checked into docs/contracts (the generator writes it, a test compares it).
 */
export function contractDocuments(version = '1.0.0'): ContractDocument[] {
  const schemas = messageJsonSchemas().map((m) => ({
    path: `schemas/${m.name}.schema.json`,
    content: stable(m.jsonSchema),
  }));
  return [
    ...schemas,
    {
      path: 'asyncapi.json',
      content: stable(asyncApiDocument({ version, server: '127.0.0.1:19092', apiHost: '127.0.0.1:3000' })),
    },
    {
      path: 'intake-openapi.json',
      content: stable(intakeOpenApiDocument({ version, server: 'http://127.0.0.1:3100' })),
    },
  ];
}
