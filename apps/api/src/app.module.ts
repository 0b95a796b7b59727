import { type DynamicModule, Module } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { AccountsModule } from './accounts/accounts.module';
import { AlertCasesModule } from './alert-cases/alert-cases.module';
import { AlertsModule } from './alerts/alerts.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CamerasModule } from './cameras/cameras.module';
import { CasesModule } from './cases/cases.module';
import { DutyModule } from './duty/duty.module';
import { HealthModule } from './health/health.module';
import { type ApiOptions, type Clock } from './infra/api-options';
import { InfraModule } from './infra/infra.module';
import { KpisModule } from './kpis/kpis.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotifyPolicyModule } from './notify-policy/notify-policy.module';
import { OpenApiModule } from './openapi/openapi.module';
import { RegionsModule } from './regions/regions.module';
import { ReportsModule } from './reports/reports.module';
import { RoutingModule } from './routing/routing.module';
import { RulesModule } from './rules/rules.module';
import { SilencesModule } from './silences/silences.module';
import { TrendsModule } from './trends/trends.module';
import { VideoModule } from './video/video.module';

@Module({})
export class AppModule {
  static register(config: FengqiaoConfig, options: ApiOptions, clock: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfraModule.register(config, options, clock),
        MetricsModule,
        AuthModule,
        AccountsModule,
        AuditModule,
        AlertsModule,
        LiveModule,
        TrendsModule,
        CamerasModule,
        VideoModule,
        OpenApiModule,
        HealthModule,
        RulesModule,
        SilencesModule,
        CasesModule,
        AlertCasesModule,
        DutyModule,
        NotifyPolicyModule,
        KpisModule,
        ReportsModule,
        RegionsModule,
        RoutingModule,
        AssessmentsModule,
      ],
    };
  }
}
