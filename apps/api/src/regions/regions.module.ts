import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';

/** The address hierarchy for the intake form's cascading pickers. */
@Module({ controllers: [RegionsController], providers: [RegionsRepository] })
export class RegionsModule {}
