import { Body, Controller, HttpCode, Param, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import {
  reportIdParamsSchema,
  reportListQuerySchema,
  reportRequestSchema,
  type ReportIdParams,
  type ReportListQuery,
  type ReportListResponse,
  type ReportMetadata,
  type ReportRequest,
  type ReportRequestListResponse,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Endpoint('reports.list')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportListQuerySchema)) q: ReportListQuery,
  ): Promise<ReportListResponse> {
    return this.reports.list(user, q);
  }

  @Endpoint('reports.get')
  get(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(reportIdParamsSchema)) p: ReportIdParams,
  ): Promise<ReportMetadata> {
    return this.reports.get(user, p.id);
  }

  @Endpoint('reports.html')
  async html(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(reportIdParamsSchema)) p: ReportIdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.reports.html(user, p.id);
    // The report is a document of its own: no script runs in it, so a strict policy costs nothing.
    void reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .header('content-disposition', `inline; filename="report-${p.id}.html"`);
    return html;
  }

  @Endpoint('reports.pdf')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(reportIdParamsSchema)) p: ReportIdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.reports.pdf(user, p.id);
    void reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="report-${p.id}.pdf"`);
    return pdf;
  }

  /** 202: the report is made by apps/reports; poll `reports.requestStatus` for its state. */
  @Endpoint('reports.request')
  @HttpCode(202)
  request(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(reportRequestSchema)) body: ReportRequest,
  ): Promise<ReportRequestStatus> {
    return this.reports.request(user, body);
  }

  @Endpoint('reports.requests')
  requests(@CurrentUser() user: AuthUser): Promise<ReportRequestListResponse> {
    return this.reports.latestRequests(user);
  }

  @Endpoint('reports.requestStatus')
  requestStatus(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(reportIdParamsSchema)) p: ReportIdParams,
  ): Promise<ReportRequestStatus> {
    return this.reports.requestStatus(user, p.id);
  }
}
