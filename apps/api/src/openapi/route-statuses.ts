import { Injectable, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ROUTE_ID } from '../routes/endpoint.decorator';
import { type RouteId } from '../routes/route-table';

/**
 * The success status each handler really answers, read from the mounted controllers: `@HttpCode`
 * where given, else Nest's default (201 for POST, 200 otherwise). The route table does not say, and
 * a document that guessed declared 200 where `video.play` answered 201 (found by the fuzz tier).
 */
@Injectable()
export class RouteStatuses {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  read(): ReadonlyMap<RouteId, number> {
    const statuses = new Map<RouteId, number>();
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (instance === undefined || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const id = Reflect.getMetadata(ROUTE_ID, handler) as RouteId | undefined;
        if (id === undefined) continue;
        const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        statuses.set(id, code ?? (method === RequestMethod.POST ? 201 : 200));
      }
    }
    return statuses;
  }
}
