import iconv from 'iconv-lite';
import { Gb28181Error } from '../gb28181-error';
import {
  LUNA_CATALOG_NOTIFY,
  PENG_CONTROL_PTZ,
  PENG_QUERY_DEVICE_INFO,
  STD_CATALOG_BODY,
  STD_KEEPALIVE_BODY,
} from '../testing/public-samples';
import { buildQuery } from './manscdp-build';
import { decodeManscdp } from './manscdp-charset';
import { parseManscdp } from './manscdp-parse';
import { CatalogCollector } from './catalog-collector';

const gb = (s: string): Buffer => iconv.encode(s, 'gb18030');

describe('MANSCDP bodies', () => {
  it('reads the standard Keepalive sample', () => {
    expect(parseManscdp(gb(STD_KEEPALIVE_BODY))).toEqual({
      kind: 'keepalive',
      sn: 43,
      deviceId: '51190200001320000001',
      statusOk: true,
    });
  });

  it('reads the standard Catalog page, GB2312-encoded, ids kept as strings', () => {
    const m = parseManscdp(gb(STD_CATALOG_BODY));
    if (m.kind !== 'catalog') throw new Error(m.kind);
    expect(m).toMatchObject({ root: 'response', sn: 17, sumNum: 2, deviceId: '51190200001180000001' });
    expect(m.items).toEqual([
      expect.objectContaining({
        deviceId: '51190200001310000001',
        name: '巴州区北门',
        civilCode: '511902',
        parental: false,
        parentId: '51190200001180000001',
        online: true,
        longitude: 106.754,
        latitude: 31.858,
      }),
    ]);
  });

  it('decodes a rare character outside GB2312 (萳) from a body that declares GB2312', () => {
    const body = gb(STD_CATALOG_BODY.replace('巴州区北门', '萳溪路口'));
    const m = parseManscdp(body);
    expect(m.kind === 'catalog' && m.items[0]?.name).toBe('萳溪路口');
  });

  it('reads a UTF-8 Catalog NOTIFY sample with an empty ParentID', () => {
    const m = parseManscdp(Buffer.from(LUNA_CATALOG_NOTIFY));
    expect(m).toMatchObject({ kind: 'catalog', root: 'notify', sn: 422214, sumNum: 1 });
    expect(m.kind === 'catalog' && m.items[0]).toMatchObject({
      deviceId: '33010602011187000001',
      parentId: undefined,
    });
  });

  it('falls back to GB18030 when a body has no prolog and is not UTF-8', () => {
    expect(decodeManscdp(gb('<Notify>北门</Notify>'))).toBe('<Notify>北门</Notify>');
  });

  it('survives a bare & in a Hikvision name', () => {
    const m = parseManscdp(gb(STD_CATALOG_BODY.replace('巴州区北门', 'A&B 路口')));
    expect(m.kind === 'catalog' && m.items[0]?.name).toBe('A&B 路口');
  });

  it.each([
    [
      'a DeviceInfo query (PENG)',
      PENG_QUERY_DEVICE_INFO,
      { kind: 'other', root: 'query', cmdType: 'DeviceInfo', sn: 734831 },
    ],
    ['a PTZ control (PENG)', PENG_CONTROL_PTZ, { kind: 'other', root: 'control', cmdType: 'DeviceControl' }],
    [
      'a DeviceInfo response',
      '<?xml version="1.0" encoding="GB2312"?><Response><CmdType>DeviceInfo</CmdType><SN>5</SN><DeviceID>51190200001180000001</DeviceID><DeviceName>NVR</DeviceName><Manufacturer>Dahua</Manufacturer><Model>X</Model><Firmware>2.8</Firmware><Channel>16</Channel><Result>OK</Result></Response>',
      { kind: 'device-info', channel: 16, manufacturer: 'Dahua', resultOk: true },
    ],
    [
      'a DeviceStatus response (case-insensitive names)',
      '<?xml version="1.0"?><response><cmdtype>DeviceStatus</cmdtype><SN>6</SN><DeviceId>51190200001180000001</DeviceId><Result>OK</Result><Online>ONLINE</Online><Status>OK</Status></response>',
      { kind: 'device-status', online: true, statusOk: true },
    ],
    [
      'an Alarm notify with Info/AlarmType',
      '<?xml version="1.0" encoding="GB2312"?><Notify><CmdType>Alarm</CmdType><SN>9</SN><DeviceID>51190200001320000001</DeviceID><AlarmPriority>1</AlarmPriority><AlarmMethod>5</AlarmMethod><AlarmTime>2026-12-06T10:00:00</AlarmTime><Info><AlarmType>6</AlarmType></Info></Notify>',
      { kind: 'alarm', priority: 1, method: '5', alarmType: 6, alarmTime: '2026-12-06T10:00:00' },
    ],
  ])('reads %s', (_title, xml, expected) => {
    expect(parseManscdp(gb(xml))).toMatchObject(expected);
  });

  it.each([
    ['not XML', '<<<>', 'MANSCDP_BAD_XML'],
    ['unclosed', '<Notify><CmdType>Keepalive</CmdType>', 'MANSCDP_BAD_XML'],
    ['an unknown root', '<Hello><CmdType>Keepalive</CmdType></Hello>', 'MANSCDP_UNKNOWN_ROOT'],
    ['no DeviceID', '<Notify><CmdType>Keepalive</CmdType><SN>1</SN></Notify>', 'MANSCDP_MISSING_FIELD'],
    ['an unknown charset', '<?xml version="1.0" encoding="x-klingon"?><Notify/>', 'MANSCDP_BAD_CHARSET'],
  ])('refuses %s with a code', (_title, xml, code) => {
    let got: string | undefined;
    try {
      parseManscdp(Buffer.from(xml));
    } catch (err) {
      got = err instanceof Gb28181Error ? err.code : 'OTHER';
    }
    expect(got).toBe(code);
  });

  it('builds a Catalog query that parses back', () => {
    expect(parseManscdp(buildQuery('Catalog', 12, '51190200001180000001'))).toEqual({
      kind: 'other',
      root: 'query',
      cmdType: 'Catalog',
      sn: 12,
      deviceId: '51190200001180000001',
    });
  });
});

describe('CatalogCollector', () => {
  const item = (n: number) => ({ deviceId: `5119020000131000000${n}`, parental: false });

  it('collects pages by (device, SN) until SumNum distinct items', () => {
    const c = new CatalogCollector(10_000);
    expect(c.add({ deviceId: 'd', sn: 1, sumNum: 3, items: [item(1)] }, 0)).toBeUndefined();
    expect(c.add({ deviceId: 'd', sn: 1, sumNum: 3, items: [item(1)] }, 1)).toBeUndefined();
    expect(c.add({ deviceId: 'd', sn: 2, sumNum: 1, items: [item(9)] }, 1)).toHaveLength(1);
    expect(c.add({ deviceId: 'd', sn: 1, sumNum: 3, items: [item(2), item(3)] }, 2)).toHaveLength(3);
    expect(c.size).toBe(0);
  });

  it('hands over what arrived when the time is up; SumNum 0 is complete at once', () => {
    const c = new CatalogCollector(10_000);
    expect(c.add({ deviceId: 'e', sn: 1, sumNum: 0, items: [] }, 0)).toEqual([]);
    c.add({ deviceId: 'd', sn: 1, sumNum: 3, items: [item(1)] }, 0);
    expect(c.expire(9_999)).toEqual([]);
    expect(c.expire(10_000)).toEqual([{ deviceId: 'd', items: [item(1)] }]);
  });
});
