import { Controller, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { Endpoint } from '../routes/endpoint.decorator';
import { MetricsService } from './metrics.service';

@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Endpoint('metrics.scrape')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
