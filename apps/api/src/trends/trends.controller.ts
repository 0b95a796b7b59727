import { Controller, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import {
  breakdownQuerySchema,
  hotspotsQuerySchema,
  trendSeriesQuerySchema,
  yearOnYearQuerySchema,
  type BreakdownQuery,
  type BreakdownResponse,
  type HotspotsQuery,
  type ScoredHotspotsResponse,
  type TrendSeriesQuery,
  type TrendSeriesResponse,
  type YearOnYearQuery,
  type YearOnYearResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { trendsCsv } from './trends-csv';
import { TrendsService } from './trends.service';

@Controller()
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Endpoint('hotspots.top')
  hotspots(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(hotspotsQuerySchema)) q: HotspotsQuery,
  ): Promise<ScoredHotspotsResponse> {
    return this.trends.hotspots(user, q);
  }

  @Endpoint('trends.series')
  series(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(trendSeriesQuerySchema)) q: TrendSeriesQuery,
  ): Promise<TrendSeriesResponse> {
    return this.trends.series(user, q);
  }

  @Endpoint('trends.csv')
  async csv(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(trendSeriesQuerySchema)) q: TrendSeriesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const series = await this.trends.series(user, q);
    void reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trends.csv"');
    return trendsCsv(series.points);
  }

  @Endpoint('trends.yoy')
  yearOnYear(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(yearOnYearQuerySchema)) q: YearOnYearQuery,
  ): Promise<YearOnYearResponse> {
    return this.trends.yearOnYear(user, q);
  }

  @Endpoint('trends.breakdown')
  breakdown(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(breakdownQuerySchema)) q: BreakdownQuery,
  ): Promise<BreakdownResponse> {
    return this.trends.breakdown(user, q);
  }
}
