import { Controller, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { renderMetrics } from '@fengqiao/process';
import { Endpoint } from '../routes/endpoint.decorator';
import { MetricsService } from './metrics.service';

@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Endpoint('metrics.scrape')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const page = await renderMetrics(this.metrics.registry);
    void reply.type(page.contentType);
    return page.body;
  }
}
