import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OpenApiController } from './openapi.controller';
import { RouteStatuses } from './route-statuses';

@Module({ imports: [DiscoveryModule], controllers: [OpenApiController], providers: [RouteStatuses] })
export class OpenApiModule {}
