import {
  cameraSearchQuerySchema,
  cameraSearchResponseSchema,
  cameraStatusQuerySchema,
  cameraStatusResponseSchema,
} from '../api/cameras-api';
import { scoredHotspotsResponseSchema } from '../api/hotspot-scores';
import {
  breakdownQuerySchema,
  breakdownResponseSchema,
  hotspotsQuerySchema,
  trendSeriesQuerySchema,
  trendSeriesResponseSchema,
  yearOnYearQuerySchema,
  yearOnYearResponseSchema,
} from '../api/hotspots-api';
import { EXPORTERS, type RouteSpec, WATCHERS } from './route-spec';

/** Hotspots, trend series and the camera registry (spread into ROUTES). */
export const TREND_ROUTES = {
  'hotspots.top': {
    method: 'GET',
    path: 'hotspots',
    summary: 'The busiest townships over the last hours',
    access: WATCHERS,
    regionScope: 'region',
    query: hotspotsQuerySchema,
    response: scoredHotspotsResponseSchema,
  },
  'trends.series': {
    method: 'GET',
    path: 'trends/series',
    summary: 'Counts per bucket × region × category',
    access: WATCHERS,
    regionScope: 'region',
    query: trendSeriesQuerySchema,
    response: trendSeriesResponseSchema,
  },
  'trends.csv': {
    method: 'GET',
    path: 'trends/series.csv',
    summary: 'The same series as CSV',
    access: EXPORTERS,
    regionScope: 'region',
    query: trendSeriesQuerySchema,
    produces: 'text/csv',
  },
  'trends.yoy': {
    method: 'GET',
    path: 'trends/yoy',
    summary: 'A range against the same range a year earlier',
    access: WATCHERS,
    regionScope: 'region',
    query: yearOnYearQuerySchema,
    response: yearOnYearResponseSchema,
  },
  'trends.breakdown': {
    method: 'GET',
    path: 'trends/breakdown',
    summary: 'Drill-down: totals one level below (city → county → township)',
    access: WATCHERS,
    regionScope: 'region',
    query: breakdownQuerySchema,
    response: breakdownResponseSchema,
  },
  'cameras.search': {
    method: 'GET',
    path: 'cameras',
    summary: 'Search the camera registry',
    access: WATCHERS,
    regionScope: 'region',
    query: cameraSearchQuerySchema,
    response: cameraSearchResponseSchema,
  },
  'cameras.status': {
    method: 'GET',
    path: 'cameras/status',
    summary: 'Online share by county or township',
    access: WATCHERS,
    regionScope: 'region',
    query: cameraStatusQuerySchema,
    response: cameraStatusResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
