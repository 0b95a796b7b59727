import { type z } from 'zod';
import { type RouteId, type ROUTES, routeSpec } from './route-table';

type Entry<Id extends RouteId> = (typeof ROUTES)[Id];
type Scalar = string | number | boolean;
/** What a URL can carry for a schema field: its input type where scalar, else a string or number. */
type UrlValue<V> = unknown extends V ? string | number : Extract<V, Scalar>;
type UrlFields<S> = S extends z.ZodType ? { [K in keyof z.input<S>]: UrlValue<z.input<S>[K]> } : never;
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

type ParamsPart<E> = E extends { params: infer P } ? { params: UrlFields<P> } : { params?: never };
type QueryPart<E> = E extends { query: infer Q } ? { query?: Optional<UrlFields<Q>> } : { query?: never };
type BodyPart<E> = E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: never };
type KeyPart<E> = E extends { idempotencyKey: 'optional' }
  ? { idempotencyKey?: string }
  : { idempotencyKey?: never };

/**
 * What a caller passes for a route: its path params, query and body, typed from its schemas, and
 * the `Idempotency-Key` header where the route takes one.
 */
export type RouteInput<Id extends RouteId> = ParamsPart<Entry<Id>> &
  QueryPart<Entry<Id>> &
  BodyPart<Entry<Id>> &
  KeyPart<Entry<Id>>;

/**
 * What a route answers once parsed: its response schema's output; a Blob for documents (CSV, HTML,
 * a PDF: a GET without a JSON schema); nothing for a POST without one (204).
 */
export type RouteResponse<Id extends RouteId> =
  Entry<Id> extends { response: infer R extends z.ZodType }
    ? z.output<R>
    : Entry<Id> extends { produces: string } | { method: 'GET' }
      ? Blob
      : undefined;

/** Ids of the routes a caller may pass no input to. */
export type RouteWithoutInput = {
  [Id in RouteId]: Entry<Id> extends { params: unknown } | { body: unknown } ? never : Id;
}[RouteId];

/**
 * The URL of a call: `/api/` + the route's path with each `:param` filled (URI-encoded) and the
 * defined query values appended. Throws on a missing path param rather than calling `…/undefined`.
 */
export function routeUrl(
  id: RouteId,
  params: Readonly<Record<string, Scalar>> = {},
  query: Readonly<Record<string, Scalar | undefined>> = {},
): string {
  const path = routeSpec(id).path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`route ${id} needs the path param ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, String(v));
  const qs = search.toString();
  return `/api/${path}${qs.length === 0 ? '' : `?${qs}`}`;
}

/** Whether a route answers a document rather than JSON (CSV, HTML, a PDF). */
export function routeAnswersBlob(id: RouteId): boolean {
  const spec = routeSpec(id);
  return spec.produces !== undefined || (spec.method === 'GET' && spec.response === undefined);
}
