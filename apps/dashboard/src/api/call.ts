import {
  routeAnswersBlob,
  routeSpec,
  type RouteId,
  type RouteInput,
  type RouteResponse,
  type RouteWithoutInput,
} from '@fengqiao/contracts';
import { ApiRequestError, send } from './http';
import { requestOf } from './request';

/** The arguments of a call: the input may be left out only for routes that take none. */
export type CallArgs<Id extends RouteId> = Id extends RouteWithoutInput
  ? [input?: RouteInput<Id>, signal?: AbortSignal]
  : [input: RouteInput<Id>, signal?: AbortSignal];

/**
 * THE way the dashboard calls the API: `call('alerts.detail', { params: { alertId } })`. Method,
 * path, the input's shape and the answer's schema all come from the route table in
 * @fengqiao/contracts, so a route change breaks the build of every caller. Signs the request with
 * the session's token (refreshing once on a 401), validates the answer against its contract, and
 * fails with an ApiRequestError carrying the server's code (or NETWORK, BAD_RESPONSE, SIGNED_OUT).
 */
export async function call<Id extends RouteId>(
  id: Id,
  ...[input, signal]: CallArgs<Id>
): Promise<RouteResponse<Id>> {
  const { url, init } = requestOf(id, input as RouteInput<Id> | undefined);
  const res = await send(url, signal === undefined ? init : { ...init, signal });
  const spec = routeSpec(id);
  if (spec.response !== undefined) {
    const parsed = spec.response.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success)
      throw new ApiRequestError(res.status, 'BAD_RESPONSE', `${id}: answer does not match its contract`);
    return parsed.data as RouteResponse<Id>;
  }
  if (routeAnswersBlob(id)) return (await res.blob()) as RouteResponse<Id>;
  return undefined as RouteResponse<Id>;
}
