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
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { trendsCsv } from './trends-csv';
import { TrendsService } from './trends.service';

@Controller()
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Endpoint('hotspots.top')
  hotspots(@Query(new ZodPipe(hotspotsQuerySchema)) q: HotspotsQuery): Promise<ScoredHotspotsResponse> {
    return this.trends.hotspots(q);
  }

  @Endpoint('trends.series')
  series(@Query(new ZodPipe(trendSeriesQuerySchema)) q: TrendSeriesQuery): Promise<TrendSeriesResponse> {
    return this.trends.series(q);
  }

  @Endpoint('trends.csv')
  async csv(
    @Query(new ZodPipe(trendSeriesQuerySchema)) q: TrendSeriesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const series = await this.trends.series(q);
    void reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trends.csv"');
    return trendsCsv(series.points);
  }

  @Endpoint('trends.yoy')
  yearOnYear(@Query(new ZodPipe(yearOnYearQuerySchema)) q: YearOnYearQuery): Promise<YearOnYearResponse> {
    return this.trends.yearOnYear(q);
  }

  @Endpoint('trends.breakdown')
  breakdown(@Query(new ZodPipe(breakdownQuerySchema)) q: BreakdownQuery): Promise<BreakdownResponse> {
    return this.trends.breakdown(q);
  }
}
