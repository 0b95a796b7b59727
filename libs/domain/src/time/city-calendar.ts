import { type WorkingCalendarSpec } from '@fengqiao/contracts';
import { CITY_UTC_OFFSET_MINUTES } from './city-clock';

/**
 * Public holidays and make-up workdays of 2026, checked day by day against 国务院办公厅关于2026年部分
 * 节假日安排的通知 (dated 2025-11-04, published by Xinhua the same day, e.g.
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm): 元旦 1/1-1/3 (1/4 上班); 春节 2/15-2/23
 * (2/14, 2/28 上班); 清明 4/4-4/6; 劳动节 5/1-5/5 (5/9 上班); 端午 6/19-6/21; 中秋 9/25-9/27;
 * 国庆 10/1-10/7 (9/20, 10/10 上班). Data, not code: next year's notice is a new rule-set version.
 */
const HOLIDAYS_2026 = [
  ['2026-01-01', '2026-01-02', '2026-01-03'],
  [
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
  ],
  ['2026-04-04', '2026-04-05', '2026-04-06'],
  ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
  ['2026-06-19', '2026-06-20', '2026-06-21'],
  ['2026-09-25', '2026-09-26', '2026-09-27'],
  ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
].flat();
const MAKEUP_WORKDAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

/**
 * The city's working-day calendar for 2026: weekends off, the State Council's public holidays off,
 * its make-up workdays (调休) on. The default rule set carries it; an activated rule set may carry
 * another (next year's notice), and deadlines follow the active one.
 */
export const CITY_CALENDAR_2026: WorkingCalendarSpec = {
  utcOffsetMinutes: CITY_UTC_OFFSET_MINUTES,
  weekend: [0, 6],
  holidays: HOLIDAYS_2026,
  makeupWorkdays: MAKEUP_WORKDAYS_2026,
};
