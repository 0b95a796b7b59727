import { z } from 'zod';
import { LIVE_HANDSHAKE, LIVE_SERVER_EVENTS, type LiveEventSpec } from '../api/live-protocol';
import { LIVE_NAMESPACE } from '../api/live-events';
import { type JsonObject } from './message-schemas';

const SCHEMA_FORMAT = 'application/schema+json;version=draft-2020-12';
export const LIVE_CHANNEL_ID = 'live';
export const LIVE_SERVER_ID = 'api';

/** `alerts.replayed` → `LiveAlertsReplayed`, `camera-status.updated` → `LiveCameraStatusUpdated`. */
export function liveMessageId(event: string): string {
  return `Live${event
    .split(/[.-]/)
    .map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}`)
    .join('')}`;
}

function message(name: string, spec: LiveEventSpec): JsonObject {
  // The server sends what the schema outputs; a client sends what it accepts as input.
  const io = name === 'handshake' ? 'input' : 'output';
  const schema =
    spec.payload === undefined
      ? { type: 'null', description: 'No argument: the event itself is the signal.' }
      : (z.toJSONSchema(spec.payload, { io, unrepresentable: 'any' }) as JsonObject);
  return {
    name,
    title: name,
    summary: spec.description,
    contentType: 'application/json',
    payload: { schemaFormat: SCHEMA_FORMAT, schema },
  };
}

/**
 * The Socket.IO `/live` namespace as AsyncAPI: one channel, the handshake the client sends and
 * every event the server sends, each with the JSON Schema of its zod payload.
 */
export function liveAsyncApiParts(apiHost: string): {
  server: JsonObject;
  channel: JsonObject;
  operations: JsonObject;
  messages: JsonObject;
} {
  const events = Object.entries<LiveEventSpec>(LIVE_SERVER_EVENTS);
  const messages: JsonObject = { LiveHandshake: message('handshake', LIVE_HANDSHAKE) };
  for (const [event, spec] of events) messages[liveMessageId(event)] = message(event, spec);
  const ref = (id: string) => ({ $ref: `#/channels/${LIVE_CHANNEL_ID}/messages/${id}` });
  const operations: JsonObject = {
    liveHandshake: {
      action: 'receive',
      title: 'The API authenticates a /live connection',
      description: LIVE_HANDSHAKE.description,
      channel: { $ref: `#/channels/${LIVE_CHANNEL_ID}` },
      messages: [ref('LiveHandshake')],
    },
  };
  for (const [event] of events) {
    const id = liveMessageId(event);
    operations[`send${id}`] = {
      action: 'send',
      title: `The API emits ${event} to a /live client`,
      channel: { $ref: `#/channels/${LIVE_CHANNEL_ID}` },
      messages: [ref(id)],
    };
  }
  return {
    server: {
      host: apiHost,
      pathname: '/socket.io',
      protocol: 'ws',
      description:
        'Socket.IO v4 over WebSocket (Engine.IO at /socket.io). Each message is a Socket.IO event whose name is the message name and whose one argument is the payload.',
    },
    channel: {
      address: LIVE_NAMESPACE,
      title: `Socket.IO namespace ${LIVE_NAMESPACE}`,
      description:
        'The live streams of the dashboard: alerts (replayed from the handshake’s lastSeq), KPI tiles, hotspots and camera status, each limited to the user’s region scope.',
      servers: [{ $ref: `#/servers/${LIVE_SERVER_ID}` }],
      messages: Object.fromEntries(
        Object.keys(messages).map((id) => [id, { $ref: `#/components/messages/${id}` }]),
      ),
    },
    operations,
    messages,
  };
}
