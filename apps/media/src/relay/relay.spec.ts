import { parseRelays, redactSource, RelayConfigError } from './relay-config';
import { relayArgs, relayMarker } from './relay-args';

const CAM = '51190201011318000040';

describe('relay configuration', () => {
  it('parses relays with defaults and drops disabled ones', () => {
    const relays = parseRelays(
      JSON.stringify({
        relays: [
          { cameraId: CAM, source: 'rtsp://admin:pw@10.1.2.3:554/Streaming/Channels/101' },
          { cameraId: '51190201011318000041', source: 'rtmp://nvr.local/live/4', enabled: false },
        ],
      }),
      'relays.json',
    );
    expect(relays).toEqual([
      {
        cameraId: CAM,
        source: 'rtsp://admin:pw@10.1.2.3:554/Streaming/Channels/101',
        transport: 'tcp',
        audio: false,
        enabled: true,
      },
    ]);
  });

  it.each([
    ['not JSON', '{relays', /not JSON/],
    [
      'a local file source',
      JSON.stringify({ relays: [{ cameraId: CAM, source: 'file:///etc/passwd' }] }),
      /source must be one of/,
    ],
    [
      'a bad camera id',
      JSON.stringify({ relays: [{ cameraId: '123', source: 'rtsp://h/x' }] }),
      /relays\.0\.cameraId/,
    ],
    [
      'an unknown key',
      JSON.stringify({ relays: [{ cameraId: CAM, source: 'rtsp://h/x', codec: 'h265' }] }),
      /Unrecognized key/,
    ],
    [
      'a duplicate camera',
      JSON.stringify({
        relays: [
          { cameraId: CAM, source: 'rtsp://h/a' },
          { cameraId: CAM, source: 'rtsp://h/b' },
        ],
      }),
      /duplicate camera/,
    ],
  ])('refuses %s with a coded error naming the problem', (_what, text, message) => {
    let caught: unknown;
    try {
      parseRelays(text, 'relays.json');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RelayConfigError);
    expect((caught as RelayConfigError).code).toBe('MEDIA_RELAY_CONFIG_INVALID');
    expect((caught as Error).message).toMatch(message);
  });

  it('never echoes credentials into logs', () => {
    expect(redactSource('rtsp://admin:s3cret@10.1.2.3:554/ch1?token=abc')).toBe(
      'rtsp://***@10.1.2.3:554/ch1?…',
    );
    expect(redactSource('rtmp://nvr.local/live/4')).toBe('rtmp://nvr.local/live/4');
  });
});

describe('relay ffmpeg arguments', () => {
  const relay = {
    cameraId: CAM,
    source: 'rtsp://10.1.2.3/ch1',
    transport: 'tcp',
    audio: false,
    enabled: true,
  } as const;

  it('copies video without transcoding, drops audio, and carries the orphan marker', () => {
    const args = relayArgs(relay, 'rtmp://127.0.0.1:19350/live/x?sign=s', 19350);
    expect(args.join(' ')).toContain(
      '-rtsp_transport tcp -timeout 10000000 -analyzeduration 1000000 -probesize 1000000 -i rtsp://10.1.2.3/ch1',
    );
    expect(args.join(' ')).toContain('-map 0:v:0 -c:v copy -an');
    expect(args).not.toContain('libx264');
    expect(args).toContain(`comment=${relayMarker(19350)}`);
    expect(args.at(-1)).toBe('rtmp://127.0.0.1:19350/live/x?sign=s');
  });

  it('uses the generic I/O timeout for non-RTSP sources and AAC when audio is wanted', () => {
    const args = relayArgs({ ...relay, source: 'http://nvr/live/4.flv', audio: true }, 'rtmp://x/live/y', 1);
    expect(args.join(' ')).toContain(
      '-rw_timeout 10000000 -analyzeduration 1000000 -probesize 1000000 -i http://nvr/live/4.flv',
    );
    expect(args.join(' ')).toContain('-c:a aac');
    expect(args).not.toContain('-rtsp_transport');
  });
});
