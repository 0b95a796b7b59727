import { z } from 'zod';
import { INPUT_TOPICS, OUTPUT_TOPICS, type TopicSpec } from '../topics';

/** A JSON value as the generators emit it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One message type: its versioned name (the `schema` field it carries) and its JSON Schema. */
export interface MessageJsonSchema {
  /** e.g. `case.event.v1`: the value of the message's `schema` field. */
  readonly name: string;
  readonly jsonSchema: JsonObject;
  /** The topics that carry it. */
  readonly topics: readonly string[];
}

/** Every topic of the registry (inputs, then outputs), in registry order. */
export function registryTopics(): readonly (TopicSpec & {
  direction: 'input' | 'output';
  /** Input topics only: the retention of their dead-letter topic. */
  deadLetterRetentionMs?: number;
})[] {
  return [
    ...Object.values(INPUT_TOPICS).map((t) => ({ ...t, direction: 'input' as const })),
    ...Object.values(OUTPUT_TOPICS).map((t) => ({ ...t, direction: 'output' as const })),
  ];
}

/** The `schema` literal a generated JSON Schema pins (first branch of a union). */
function messageName(schema: JsonObject, fallback: string): string {
  const branches = schema.oneOf ?? schema.anyOf;
  const root = Array.isArray(branches) ? branches[0] : schema;
  const props =
    root !== null && typeof root === 'object' && !Array.isArray(root) ? root.properties : undefined;
  const tag = props !== null && typeof props === 'object' && !Array.isArray(props) ? props.schema : undefined;
  const name = tag !== null && typeof tag === 'object' && !Array.isArray(tag) ? tag.const : undefined;
  return typeof name === 'string' ? name : fallback;
}

/**
 * JSON Schema (draft 2020-12) of every message on every topic, generated from the zod schemas. The
 * input side is described: what a producer may send (defaults optional). Refinements that JSON
 * Schema cannot express (a region code extending its parent, a crowd needing a head count) are
 * enforced by the consumer and reported through the dead-letter topics.
 */
export function messageJsonSchemas(): MessageJsonSchema[] {
  const byName = new Map<string, { jsonSchema: JsonObject; topics: string[] }>();
  for (const topic of registryTopics()) {
    const jsonSchema = z.toJSONSchema(topic.schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
    const name = messageName(jsonSchema, topic.name);
    const entry = byName.get(name) ?? { jsonSchema, topics: [] };
    entry.topics.push(topic.name);
    byName.set(name, entry);
  }
  return [...byName].map(([name, { jsonSchema, topics }]) => ({
    name,
    topics,
    jsonSchema: {
      $id: `urn:fengqiao:schema:${name}`,
      title: name,
      description: `Message ${name}, carried on ${topics.join(', ')}.`,
      ...jsonSchema,
    },
  }));
}
