import { encodeManscdp } from './manscdp-charset';

export type QueryCmd = 'Catalog' | 'DeviceInfo' | 'DeviceStatus';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A `<Query>` body for a device (GB2312 by default: what most devices expect). */
export function buildQuery(
  cmd: QueryCmd,
  sn: number,
  deviceId: string,
  charset: 'GB2312' | 'UTF-8' = 'GB2312',
): Buffer {
  const xml =
    `<?xml version="1.0" encoding="${charset}"?>\r\n<Query>\r\n<CmdType>${cmd}</CmdType>\r\n` +
    `<SN>${sn}</SN>\r\n<DeviceID>${escapeXml(deviceId)}</DeviceID>\r\n</Query>\r\n`;
  return encodeManscdp(xml, charset);
}
