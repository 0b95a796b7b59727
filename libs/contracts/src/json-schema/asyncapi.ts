import { DEAD_LETTER_HEADERS, INTAKE_REJECT_CODES } from '../api/intake-api';
import { deadLetterTopicOf } from '../topics';
import { LIVE_CHANNEL_ID, LIVE_SERVER_ID, liveAsyncApiParts } from './live-asyncapi';
import { messageJsonSchemas, registryTopics, type JsonObject, type JsonValue } from './message-schemas';

const KAFKA_BINDING = '0.5.0';
const SCHEMA_FORMAT = 'application/schema+json;version=draft-2020-12';

/** `video.camera-status.reported.v1` → `videoCameraStatusReportedV1`: an AsyncAPI-safe id. */
export function channelId(topic: string): string {
  return topic
    .split(/[.-]/)
    .map((part, i) => (i === 0 ? part : `${part.charAt(0).toUpperCase()}${part.slice(1)}`))
    .join('');
}

/** `case.event.v1` → `CaseEventV1`. */
function messageId(name: string): string {
  const id = channelId(name);
  return `${id.charAt(0).toUpperCase()}${id.slice(1)}`;
}

function kafkaChannelBinding(
  topic: string,
  partitions: number,
  retentionMs: number,
  compacted: boolean,
): JsonObject {
  return {
    kafka: {
      topic,
      partitions,
      replicas: 1,
      topicConfiguration: {
        'cleanup.policy': [compacted ? 'compact' : 'delete'],
        'retention.ms': retentionMs,
      },
      bindingVersion: KAFKA_BINDING,
    },
  };
}

interface Channel {
  readonly id: string;
  readonly body: JsonObject;
  readonly operation: JsonObject;
}

function channelsOfRegistry(names: Map<string, string>): Channel[] {
  return registryTopics().flatMap((t): Channel[] => {
    const id = channelId(t.name);
    const msg = messageId(names.get(t.name) ?? t.name);
    const main: Channel = {
      id,
      body: {
        address: t.name,
        title: t.name,
        description: `${t.description} Keyed by ${t.key}.`,
        messages: { [msg]: { $ref: `#/components/messages/${msg}` } },
        bindings: kafkaChannelBinding(t.name, t.partitions, t.retentionMs, t.compacted),
      },
      operation: {
        action: t.direction === 'input' ? 'receive' : 'send',
        title: t.direction === 'input' ? `Ingest consumes ${t.name}` : `Fengqiao publishes ${t.name}`,
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${msg}` }],
      },
    };
    if (t.direction === 'output') return [main];
    const dlq = deadLetterTopicOf(t.name);
    const dlqId = channelId(dlq);
    const dead: Channel = {
      id: dlqId,
      body: {
        address: dlq,
        title: dlq,
        description: `Dead letters of ${t.name}: every message the ingest refused, byte for byte as it arrived, with the refusal code, reason, source topic, partition and offset in Kafka headers.`,
        messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
        bindings: kafkaChannelBinding(dlq, 1, t.deadLetterRetentionMs ?? t.retentionMs, false),
      },
      operation: {
        action: 'send',
        title: `Ingest dead-letters refused messages of ${t.name}`,
        channel: { $ref: `#/channels/${dlqId}` },
        messages: [{ $ref: `#/channels/${dlqId}/messages/DeadLetter` }],
      },
    };
    return [main, dead];
  });
}

/** The Kafka headers of a dead letter, from the one registry of their names. */
function deadLetterHeadersSchema(): JsonObject {
  const properties: JsonObject = {};
  for (const [key, h] of Object.entries(DEAD_LETTER_HEADERS)) {
    properties[h.name] =
      key === 'code'
        ? { type: 'string', enum: [...INTAKE_REJECT_CODES], description: h.description }
        : { type: 'string', description: h.description };
  }
  const optional = new Set<string>([DEAD_LETTER_HEADERS.truncatedFrom.name, DEAD_LETTER_HEADERS.sha256.name]);
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((n) => !optional.has(n)),
  };
}

function messagesOf(): { components: JsonObject; nameOfTopic: Map<string, string> } {
  const components: JsonObject = {
    DeadLetter: {
      name: 'dead-letter',
      title: 'Dead letter',
      summary: 'A refused message, unchanged; the envelope is in the headers.',
      contentType: 'application/octet-stream',
      headers: { schemaFormat: SCHEMA_FORMAT, schema: deadLetterHeadersSchema() },
      payload: { schemaFormat: SCHEMA_FORMAT, schema: {} },
    },
  };
  const nameOfTopic = new Map<string, string>();
  for (const m of messageJsonSchemas()) {
    for (const t of m.topics) nameOfTopic.set(t, m.name);
    components[messageId(m.name)] = {
      name: m.name,
      title: m.name,
      contentType: 'application/json',
      payload: { schemaFormat: SCHEMA_FORMAT, schema: m.jsonSchema },
      bindings: { kafka: { key: { type: 'string' }, bindingVersion: KAFKA_BINDING } },
    };
  }
  return { components, nameOfTopic };
}

/**
 * The AsyncAPI 3 document of every topic (inputs, outputs, dead letters) from the registry, and of
 * the Socket.IO `/live` protocol from the live-event registry.
 */
export function asyncApiDocument(options: { version: string; server: string; apiHost: string }): JsonObject {
  const { components, nameOfTopic } = messagesOf();
  const channels = channelsOfRegistry(nameOfTopic);
  const live = liveAsyncApiParts(options.apiHost);
  const kafkaServer = [{ $ref: '#/servers/local' }];
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Fengqiao event contracts',
      version: options.version,
      description:
        'Kafka topics and the Socket.IO /live protocol of the Fengqiao risk-warning and video-monitoring platform (the HTTP intake is in intake-openapi.json). Generated from the zod schemas in libs/contracts: do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: options.server, protocol: 'kafka', description: 'The development stack broker.' },
      [LIVE_SERVER_ID]: live.server,
    },
    channels: {
      ...Object.fromEntries(channels.map((c) => [c.id, { ...c.body, servers: kafkaServer }])),
      [LIVE_CHANNEL_ID]: live.channel,
    },
    operations: {
      ...Object.fromEntries(
        channels.map((c): [string, JsonValue] => [
          `on${c.id.charAt(0).toUpperCase()}${c.id.slice(1)}`,
          c.operation,
        ]),
      ),
      ...live.operations,
    },
    components: { messages: { ...components, ...live.messages } },
  };
}
