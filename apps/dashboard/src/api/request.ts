import { routeSpec, routeUrl, type RouteId, type RouteInput } from '@fengqiao/contracts';

type Scalar = string | number | boolean;
/** A call's input once its types have been checked against the route's schemas. */
interface CheckedInput {
  readonly params?: Readonly<Record<string, Scalar>>;
  readonly query?: Readonly<Record<string, Scalar | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
}

/**
 * The URL and request of a call, built from the route table: method and path from the route, path
 * params filled in, the query appended, a POST's body as JSON (`{}` when it has none), the
 * `Idempotency-Key` header where the caller gave one (routes that take it only). Pure: the
 * signed fetch is `call`'s; sign-in and the health check (public routes) fetch with it directly.
 */
export function requestOf<Id extends RouteId>(
  id: Id,
  input?: RouteInput<Id>,
): { readonly url: string; readonly init: RequestInit } {
  const i = ((input as unknown) ?? {}) as CheckedInput;
  const url = routeUrl(id, i.params, i.query);
  if (routeSpec(id).method === 'GET') return { url, init: {} };
  return {
    url,
    init: {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(i.idempotencyKey === undefined ? {} : { 'idempotency-key': i.idempotencyKey }),
      },
      body: JSON.stringify(i.body ?? {}),
    },
  };
}
