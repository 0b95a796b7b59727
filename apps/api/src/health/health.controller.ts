import { Controller, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { type HealthResponse } from '@fengqiao/contracts';
import { Endpoint } from '../routes/endpoint.decorator';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Public on purpose: load balancers and the stack status call it. 503 when degraded. */
  @Endpoint('health.check')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const result = await this.health.check();
    void reply.status(result.status === 'ok' ? 200 : 503);
    return result;
  }
}
