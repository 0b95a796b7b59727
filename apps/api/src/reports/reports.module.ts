import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { type DbPool } from '@fengqiao/db';
import { PdfRenderer, ReportGenerator } from '@fengqiao/reports-app';
import { type Clock } from '../infra/api-options';
import { CLOCK, DB_POOL } from '../infra/tokens';
import { ReportsController } from './reports.controller';
import { REPORT_GENERATOR, ReportsService } from './reports.service';

const PDF_RENDERER = Symbol('PdfRenderer');

/** Lists, downloads and on-demand generation of cadence reports (the scheduler is apps/reports). */
@Module({
  controllers: [ReportsController],
  providers: [
    { provide: PDF_RENDERER, useFactory: () => new PdfRenderer() },
    {
      provide: REPORT_GENERATOR,
      inject: [DB_POOL, PDF_RENDERER, CLOCK],
      useFactory: (pool: DbPool, pdf: PdfRenderer, clock: Clock) =>
        new ReportGenerator({ pool, pdf, clock: () => clock.now().getTime() }),
    },
    ReportsService,
  ],
})
export class ReportsModule implements OnModuleDestroy {
  constructor(@Inject(PDF_RENDERER) private readonly pdf: PdfRenderer) {}

  /** The browser is launched on the first on-demand PDF and must not outlive the API. */
  async onModuleDestroy(): Promise<void> {
    await this.pdf.close();
  }
}
