import { Module } from '@nestjs/common';
import { RegionsRepository } from '@fengqiao/db';
import { RegionsController } from './regions.controller';

/** The address hierarchy for the intake form's cascading pickers. */
@Module({
  controllers: [RegionsController],
  providers: [{ provide: RegionsRepository, useValue: new RegionsRepository() }],
})
export class RegionsModule {}
