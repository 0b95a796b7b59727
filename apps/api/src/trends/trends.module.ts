import { Module } from '@nestjs/common';
import { TrendsController } from './trends.controller';
import { TrendsRepository } from './trends.repository';
import { TrendsService } from './trends.service';

@Module({ controllers: [TrendsController], providers: [TrendsRepository, TrendsService] })
export class TrendsModule {}
