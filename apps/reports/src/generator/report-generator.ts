import { randomUUID } from 'node:crypto';
import { type ReportMetadata, type ReportRequest } from '@fengqiao/contracts';
import { type DbPool, ReportsRepository, type ReportTimings } from '@fengqiao/db';
import { cityNameOf } from '@fengqiao/geo';
import {
  buildReportModel,
  renderReportHtml,
  ReportError,
  targetOf,
  type ReportTarget,
} from '@fengqiao/reports';
import { ReportLoader } from '../data/report-loader';
import { type PdfRenderer } from '../pdf/pdf-renderer';

export interface GenerationResult {
  /** Null when a scheduled run found the report already stored (idempotent skip). */
  readonly metadata: ReportMetadata | null;
  readonly timings: ReportTimings;
}

/** What the generator needs from outside; the clock and ids are ports so tests can fix them. */
export interface GeneratorDeps {
  readonly pool: DbPool;
  readonly pdf: PdfRenderer;
  /** The configured city (config.city): the city report's name and every page's footer. */
  readonly city: { readonly code: string; readonly name?: string | undefined };
  readonly clock?: () => number;
  readonly newId?: () => string;
}

/** Loads, computes, renders (HTML, then PDF when Chromium is there) and stores one report. */
export class ReportGenerator {
  private readonly loader: ReportLoader;
  private readonly cityName: string;
  private readonly store = new ReportsRepository();
  private readonly clock: () => number;
  private readonly newId: () => string;
  private serial: Promise<void> = Promise.resolve();

  constructor(private readonly deps: GeneratorDeps) {
    this.clock = deps.clock ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.cityName = cityNameOf(deps.city);
    this.loader = new ReportLoader({ code: deps.city.code, name: this.cityName });
  }

  /** On demand: replaces a stored report of the same key. */
  async onDemand(request: ReportRequest): Promise<ReportMetadata> {
    const result = await this.generate(targetOf(request, this.clock()), 'on-demand');
    if (result.metadata === null) throw new Error('on-demand save returned no row');
    return result.metadata;
  }

  /**
   * One report at a time per process (the scheduler and the request worker share the generator and
   * its Chromium on 2-core hosts): calls run in the order they were made.
   */
  generate(t: ReportTarget, trigger: 'scheduled' | 'on-demand'): Promise<GenerationResult> {
    const run = this.serial.then(() => this.generateNow(t, trigger));
    this.serial = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async generateNow(t: ReportTarget, trigger: 'scheduled' | 'on-demand'): Promise<GenerationResult> {
    const started = performance.now();
    const input = await this.loader.load(this.deps.pool, t, this.clock());
    if (input.regionName === null)
      throw new ReportError('REGION_UNKNOWN', `region ${t.region} is not in the registry`);
    const loaded = performance.now();
    const model = buildReportModel(input);
    const html = renderReportHtml(model, this.cityName);
    const rendered = performance.now();
    const pdf = await this.deps.pdf.render(html);
    const timings = {
      queryMs: Math.round(loaded - started),
      renderMs: Math.round(rendered - loaded),
      pdfMs: Math.round(performance.now() - rendered),
    };
    const metadata = await this.store.save(
      this.deps.pool,
      {
        id: this.newId(),
        metadata: {
          level: t.level,
          region: t.region,
          regionName: input.regionName,
          period: t.period,
          trigger,
          generatedAt: new Date(input.now).toISOString(),
          pdfUnavailableReason: pdf.reason,
          summary: model.summary,
        },
        html,
        pdf: pdf.pdf,
        timings,
      },
      trigger === 'on-demand',
    );
    return { metadata, timings };
  }
}
