import { randomBytes } from 'node:crypto';
import { buildQuery, serializeRequest, type QueryCmd } from '@fengqiao/gb28181';
import { type Registration } from './registrations';

/** Our MESSAGE requests to a device (Catalog, DeviceInfo, DeviceStatus queries); answers come as MESSAGEs. */
export class DeviceQueries {
  private sn = 1;
  private cseq = 1;

  constructor(
    private readonly serverId: string,
    private readonly domain: string,
    private readonly host: string,
    private readonly port: number,
  ) {}

  send(reg: Registration, cmd: QueryCmd): number {
    const sn = this.sn++;
    const body = buildQuery(cmd, sn, reg.deviceId);
    const { transport, address, port } = reg.peer;
    const branch = `z9hG4bK${randomBytes(8).toString('hex')}`;
    reg.peer.send(
      serializeRequest(
        'MESSAGE',
        `sip:${reg.deviceId}@${address}:${port}`,
        {
          Via: `SIP/2.0/${transport} ${this.host}:${this.port};rport;branch=${branch}`,
          From: `<sip:${this.serverId}@${this.domain}>;tag=${randomBytes(4).toString('hex')}`,
          To: `<sip:${reg.deviceId}@${this.domain}>`,
          'Call-ID': randomBytes(12).toString('hex'),
          CSeq: `${this.cseq++} MESSAGE`,
          'Max-Forwards': '70',
          'Content-Type': 'Application/MANSCDP+xml',
        },
        body,
      ),
    );
    return sn;
  }
}
