import { z } from 'zod';
import { escalationLevelSchema } from '../alerts/alert';
import { instantSchema } from '../ids';

/** A roster region: a county, township, village or grid code, or `city` for the city's own duty. */
export const rosterRegionSchema = z
  .string()
  .regex(/^(city|[1-8]\d{5}(\d{3}){0,3})$/, 'a county, township, village or grid code, or city');
export const dutyShiftSchema = z.enum(['day', 'night']);
const weekday = z.number().int().min(0).max(6);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Someone who can hold a shift. */
export const dutyPersonSchema = z.object({ userId: z.string().uuid(), displayName: z.string() }).strict();
export type DutyPerson = z.infer<typeof dutyPersonSchema>;

/** One weekday of a region's weekly pattern for one shift. */
export const rosterPatternSchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    /** 0 = Sunday … 6 = Saturday (city calendar). */
    weekday,
    primary: dutyPersonSchema,
    backup: dutyPersonSchema.nullable(),
  })
  .strict();
export type RosterPattern = z.infer<typeof rosterPatternSchema>;

export const rosterExceptionSchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    date,
    primary: dutyPersonSchema,
    backup: dutyPersonSchema.nullable(),
    reason: z.string(),
  })
  .strict();
export type RosterExceptionEntry = z.infer<typeof rosterExceptionSchema>;

export const rosterQuerySchema = z.object({ region: rosterRegionSchema.optional() }).strict();
export const rosterResponseSchema = z
  .object({ patterns: z.array(rosterPatternSchema), exceptions: z.array(rosterExceptionSchema) })
  .strict();
export type RosterResponse = z.infer<typeof rosterResponseSchema>;

const holders = {
  primaryUserId: z.string().uuid(),
  backupUserId: z.string().uuid().nullable().optional(),
};
/** Sets who holds a region's shift on the given weekdays (replacing what was there). */
export const setRosterRequestSchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    weekdays: z.array(weekday).min(1).max(7),
    ...holders,
  })
  .strict();
export type SetRosterRequest = z.infer<typeof setRosterRequestSchema>;
export const clearRosterRequestSchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    weekdays: z.array(weekday).min(1).max(7),
  })
  .strict();
export type ClearRosterRequest = z.infer<typeof clearRosterRequestSchema>;
/** One date's shift held by someone else (leave, swap), with why. */
export const setRosterExceptionRequestSchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    date,
    ...holders,
    reason: z.string().trim().min(1).max(200),
  })
  .strict();
export type SetRosterExceptionRequest = z.infer<typeof setRosterExceptionRequestSchema>;

/** Who holds each rostered region's current shift. */
export const onDutyNowSchema = z
  .object({
    at: instantSchema,
    items: z.array(
      z
        .object({
          regionCode: rosterRegionSchema,
          regionName: z.string(),
          shift: dutyShiftSchema,
          shiftDate: date,
          endsAt: instantSchema,
          primary: dutyPersonSchema,
          backup: dutyPersonSchema.nullable(),
          source: z.enum(['pattern', 'exception']),
        })
        .strict(),
    ),
  })
  .strict();
export type OnDutyNow = z.infer<typeof onDutyNowSchema>;

export const dutyCandidatesSchema = z.object({ items: z.array(dutyPersonSchema) }).strict();

export const NOTIFY_CHANNELS = ['email', 'sms', 'wecom', 'dingtalk', 'feishu', 'webhook'] as const;
export const notifyChannelSchema = z.enum(NOTIFY_CHANNELS);
/** How the caller is reached: a channel, its address, and an optional daily quiet period (city time). */
export const notificationPreferenceSchema = z
  .object({
    channel: notifyChannelSchema,
    address: z.string().trim().min(1).max(200),
    quietFrom: hhmm.nullable(),
    quietTo: hhmm.nullable(),
  })
  .strict()
  .refine((p) => (p.quietFrom === null) === (p.quietTo === null), {
    message: 'a quiet period has both ends or none',
    path: ['quietTo'],
  });
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;
export const notificationPreferenceResponseSchema = z
  .object({ preference: notificationPreferenceSchema.nullable() })
  .strict();

/** One notification about an alert: to whom, by which channel, and whether it arrived. */
export const alertNotificationSchema = z
  .object({
    notificationId: z.string().uuid(),
    reason: z.enum(['first', 'backup', 'escalated', 'digest']),
    level: escalationLevelSchema,
    dutyRole: z.enum(['primary', 'backup']),
    person: dutyPersonSchema.nullable(),
    channel: notifyChannelSchema.nullable(),
    status: z.enum(['scheduled', 'delivered', 'failed', 'cancelled']),
    attempts: z.number().int().min(0),
    lastError: z.string().nullable(),
    dueAt: instantSchema,
    deliveredAt: instantSchema.nullable(),
  })
  .strict();
export type AlertNotification = z.infer<typeof alertNotificationSchema>;
export const alertNotificationsSchema = z.object({ items: z.array(alertNotificationSchema) }).strict();
export type AlertNotifications = z.infer<typeof alertNotificationsSchema>;

/** Acknowledge from the message: the link's token, as the signed-in person it was sent to. */
export const ackLinkRequestSchema = z
  .object({ token: z.string().min(10).max(400), note: z.string().trim().min(1).max(1000).optional() })
  .strict();
export type AckLinkRequest = z.infer<typeof ackLinkRequestSchema>;

/** One stored version of the roster document: every edit is one, the newest active (issue 19). */
export const rosterVersionSchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(['proposed', 'active', 'retired']),
    /** Patterns and exceptions the version holds (city-wide). */
    entries: z.number().int().min(0),
    /** What changed, e.g. `duty.roster.set 511902`. */
    note: z.string(),
    changedBy: z.string(),
    changedAt: instantSchema,
  })
  .strict();
export const rosterVersionListSchema = z.object({ items: z.array(rosterVersionSchema) }).strict();
export type RosterVersionList = z.infer<typeof rosterVersionListSchema>;
