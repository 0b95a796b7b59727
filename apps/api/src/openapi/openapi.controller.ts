import { Controller, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { DOCS_CSP } from '../common/security-headers';
import { Endpoint } from '../routes/endpoint.decorator';
import { DOCS_HTML, DOCS_JS } from './docs-page';
import { buildOpenApiDocument } from './openapi-document';
import { RouteStatuses } from './route-statuses';

const VERSION = '0.1.0';

/** Public on purpose: the description of the API holds no data (every operation still checks roles). */
@Controller()
export class OpenApiController {
  private document: Record<string, unknown> | undefined;

  constructor(private readonly statuses: RouteStatuses) {}

  @Endpoint('docs.openapi')
  openapi(): Record<string, unknown> {
    // Built on first request: by then every module's controllers are mounted and can be read.
    this.document ??= buildOpenApiDocument(VERSION, this.statuses.read());
    return this.document;
  }

  @Endpoint('docs.page')
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('text/html; charset=utf-8').header('content-security-policy', DOCS_CSP);
    return DOCS_HTML;
  }

  @Endpoint('docs.script')
  script(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('application/javascript; charset=utf-8');
    return DOCS_JS;
  }
}
