import { analyticsEventOf, registryEventOf, type ChannelContext } from './channel-events';
import { gbIdKind } from './gb-id';

const ctx: ChannelContext = {
  eventId: '7d444840-9dc0-11d1-b245-5ffdce74fad2',
  at: new Date('2026-12-06T10:00:00Z'),
  townships: [
    { code: '511902001', lon: 106.75, lat: 31.86 },
    { code: '511902002', lon: 106.9, lat: 31.7 },
    { code: '511921001', lon: 107.25, lat: 31.91 },
  ],
  siteType: 'road',
  department: 'GB28181 平台',
};
const cam = { deviceId: '51190200001310000001', parental: false, name: '巴州区北门' };

describe('registryEventOf', () => {
  it.each([
    ['a 9-digit civil code names the township', { civilCode: '511902002' }, '511902002'],
    [
      'a county civil code: nearest township',
      { civilCode: '511902', longitude: 106.89, latitude: 31.71 },
      '511902002',
    ],
    ['no civil code: the county of the id, its first township', {}, '511902001'],
  ])('%s', (_t, extra, township) => {
    const out = registryEventOf({ ...cam, ...extra }, ctx);
    expect(out.kind === 'camera' && out.event.region).toEqual({ county: '511902', township });
  });

  it('keeps the channel id, name and coordinates; the township centre when coordinates are outside the city', () => {
    const inside = registryEventOf({ ...cam, longitude: 106.754, latitude: 31.858, owner: '巴州公安' }, ctx);
    expect(inside.kind === 'camera' && inside.event).toMatchObject({
      cameraId: cam.deviceId,
      name: '巴州区北门',
      location: { lon: 106.754, lat: 31.858 },
      department: '巴州公安',
      streamKey: cam.deviceId,
    });
    const outside = registryEventOf({ ...cam, longitude: 0, latitude: 0 }, ctx);
    expect(outside.kind === 'camera' && outside.event.location).toEqual({ lon: 106.75, lat: 31.86 });
  });

  it.each([
    ['a region item', { deviceId: '511902', parental: true }, 'not-a-camera'],
    ['a business group', { deviceId: '51190200002150000001', parental: true }, 'not-a-camera'],
    ['an NVR with children', { deviceId: '51190200001180000001', parental: true }, 'not-a-camera'],
    ['a camera of another city', { deviceId: '34020000001320000001', parental: false }, 'outside-city'],
    ['a county without townships', { deviceId: '51192300001320000001', parental: false }, 'unknown-region'],
  ])('skips %s', (_t, item, reason) => {
    expect(registryEventOf(item, ctx)).toEqual({ kind: 'skipped', reason });
  });

  it.each([
    ['51190200001310000001', 'camera'],
    ['51190200001320000001', 'camera'],
    ['51190200001180000001', 'device'],
    ['51190000002000000001', 'platform'],
    ['51190200002160000001', 'group'],
    ['51190200', 'region'],
    ['123', 'unknown'],
  ])('gbIdKind(%s) = %s', (id, kind) => expect(gbIdKind(id)).toBe(kind));
});

describe('analyticsEventOf', () => {
  const alarm = {
    kind: 'alarm' as const,
    sn: 1,
    deviceId: cam.deviceId,
    priority: 1,
    method: '5',
    alarmType: 6,
  };

  it('maps a video intrusion alarm of priority 1 to intrusion with the highest confidence', () => {
    expect(analyticsEventOf(alarm, ctx.at, ctx.eventId, '5119')).toMatchObject({
      schema: 'camera.analytics.v1',
      cameraId: cam.deviceId,
      kind: 'intrusion',
      confidence: 0.95,
    });
  });

  it.each([
    ['a device-fault alarm', { method: '6' }],
    ['a video alarm type without an analytics kind (manual)', { alarmType: 1 }],
    ['a video alarm without a type', { alarmType: undefined }],
    ['an alarm of a camera outside the city', { deviceId: '34020000001320000001' }],
  ])('drops %s', (_t, change) => {
    expect(analyticsEventOf({ ...alarm, ...change }, ctx.at, ctx.eventId, '5119')).toBeUndefined();
  });
});
