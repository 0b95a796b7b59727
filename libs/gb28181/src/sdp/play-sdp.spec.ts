import { Gb28181Error } from '../gb28181-error';
import { buildPlayOffer, parseSdpAnswer, playSsrc } from './play-sdp';

// The standard's live-play offer (GB/T 28181-2016 附录 F / 2022 §9.2) as lower platforms expect it,
// and a device answer in the shape Hikvision/Dahua IPCs send (sendonly, PS, their own y=).
const DEVICE_ANSWER = [
  'v=0',
  'o=51190200001310000001 0 0 IN IP4 192.168.1.64',
  's=Play',
  'c=IN IP4 192.168.1.64',
  't=0 0',
  'm=video 15060 RTP/AVP 96',
  'a=sendonly',
  'a=rtpmap:96 PS/90000',
  'y=0190000001',
  'f=',
  '',
].join('\r\n');

describe('live-play SDP (GB/T 28181)', () => {
  it.each([
    ['5119000000', 1, '0900000001'],
    ['5119000000', 10_001, '0900000001'],
    ['3402000000', 42, '0200000042'],
  ])('SSRC for domain %s, stream %i: %s (0 = live, domain digits 4-8, 4 unique digits)', (d, n, want) => {
    expect(playSsrc(d, n)).toBe(want);
  });

  it('refuses a domain that is not 10 digits', () => {
    expect(() => playSsrc('5119', 1)).toThrow(Gb28181Error);
  });

  it('offers UDP: s=Play, our address and port, recvonly, PS/90000 as payload 96, y= the SSRC', () => {
    const sdp = buildPlayOffer({
      serverId: '51190000002000000001',
      mediaIp: '10.0.0.5',
      mediaPort: 30000,
      ssrc: '0900000001',
      transport: 'udp',
    });
    expect(sdp.split('\r\n')).toEqual([
      'v=0',
      'o=51190000002000000001 0 0 IN IP4 10.0.0.5',
      's=Play',
      'c=IN IP4 10.0.0.5',
      't=0 0',
      'm=video 30000 RTP/AVP 96 98 97',
      'a=recvonly',
      'a=rtpmap:96 PS/90000',
      'a=rtpmap:98 H264/90000',
      'a=rtpmap:97 MPEG4/90000',
      'y=0900000001',
      '',
    ]);
  });

  it('offers TCP passive with setup and connection lines', () => {
    const sdp = buildPlayOffer({
      serverId: '51190000002000000001',
      mediaIp: '10.0.0.5',
      mediaPort: 30002,
      ssrc: '0900000002',
      transport: 'tcp-passive',
    });
    expect(sdp).toContain('m=video 30002 TCP/RTP/AVP 96 98 97\r\n');
    expect(sdp).toContain('a=setup:passive\r\na=connection:new\r\n');
  });

  it('reads a device answer: its address, port, sendonly, PS and its SSRC', () => {
    const a = parseSdpAnswer(DEVICE_ANSWER);
    expect(a).toMatchObject({
      ip: '192.168.1.64',
      port: 15060,
      transport: 'udp',
      ssrc: '0190000001',
      sendonly: true,
    });
    expect(a.rtpmap.get(96)).toBe('PS/90000');
  });

  it.each([
    ['no m= line', DEVICE_ANSWER.replace(/m=video[^\r]*\r\n/, '')],
    ['no c= line', DEVICE_ANSWER.replace(/c=IN[^\r]*\r\n/, '')],
    ['audio only', DEVICE_ANSWER.replace('m=video', 'm=audio')],
  ])('refuses an answer with %s (SDP_INVALID)', (_what, text) => {
    expect(() => parseSdpAnswer(text)).toThrow(/SDP_INVALID/);
  });
});
