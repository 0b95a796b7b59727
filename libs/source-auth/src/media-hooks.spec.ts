import { cameraOfStream, HookFormatError, mapNmsNotify, mapZlmHook, zlmReply } from './media-hooks';

const CAM = '51190201011318000040';
const DEVICE = '51190200002000000001';

// Bodies as ZLMediaKit's wiki ("MediaServer支持的HTTP HOOK API") documents them.
const streamChanged = (regist: boolean, schema = 'rtsp', stream = CAM) => ({
  regist,
  aliveSecond: 0,
  app: 'rtp',
  bytesSpeed: 0,
  createStamp: 1796000000,
  mediaServerId: 'your_server_id',
  originSock: { identifier: '', local_ip: '', local_port: 0, peer_ip: '', peer_port: 0 },
  originType: 3,
  originTypeStr: 'rtp_push',
  originUrl: '',
  readerCount: 0,
  schema,
  stream,
  totalReaderCount: 0,
  tracks: [
    { channels: 1, codec_id: 2, codec_id_name: 'CodecAAC', codec_type: 1, ready: true },
    {
      codec_id: 0,
      codec_id_name: 'CodecH264',
      codec_type: 0,
      fps: 25,
      height: 1080,
      ready: true,
      width: 1920,
    },
  ],
  vhost: '__defaultVhost__',
});

describe('ZLMediaKit hooks as camera status', () => {
  it('on_stream_changed regist true/false → online (with fps) / offline, from the rtsp registration only', () => {
    expect(mapZlmHook('on_stream_changed', streamChanged(true))).toEqual({
      kind: 'status',
      status: { cameraId: CAM, online: true, fps: 25 },
    });
    expect(mapZlmHook('on_stream_changed', streamChanged(false))).toEqual({
      kind: 'status',
      status: { cameraId: CAM, online: false },
    });
    expect(mapZlmHook('on_stream_changed', streamChanged(true, 'rtmp'))).toMatchObject({ kind: 'ignored' });
  });

  it('takes the channel of a WVP-style <device>_<channel> stream, ignores streams not named after a camera', () => {
    expect(mapZlmHook('on_stream_changed', streamChanged(true, 'rtsp', `${DEVICE}_${CAM}`))).toMatchObject({
      status: { cameraId: CAM },
    });
    expect(mapZlmHook('on_stream_changed', streamChanged(true, 'rtsp', 'obs-test'))).toMatchObject({
      kind: 'ignored',
    });
    expect(cameraOfStream(`${CAM}_x`)).toBeUndefined();
  });

  it('acknowledges none-reader (never closing the stream) and server keepalive without a status', () => {
    expect(
      mapZlmHook('on_stream_none_reader', {
        app: 'live',
        mediaServerId: 'id',
        schema: 'rtmp',
        stream: CAM,
        vhost: '__defaultVhost__',
      }),
    ).toMatchObject({ kind: 'ignored' });
    expect(zlmReply('on_stream_none_reader')).toEqual({ code: 0, close: false });
    expect(
      mapZlmHook('on_server_keepalive', { data: { Buffer: 12, MediaSource: 3 }, mediaServerId: 'id' }),
    ).toMatchObject({
      kind: 'ignored',
    });
    expect(zlmReply('on_server_keepalive')).toEqual({ code: 0, msg: 'success' });
  });

  it('refuses a body that is not the documented format with a coded error', () => {
    expect(() => mapZlmHook('on_stream_changed', { regist: 'yes', stream: CAM })).toThrow(HookFormatError);
    expect(() => mapZlmHook('on_stream_none_reader', [])).toThrow(/on_stream_none_reader/);
  });
});

describe('node-media-server notify as camera status', () => {
  // The body node-media-server 4.4's notify_server.js posts for each action.
  const notify = (action: string, name = CAM) => ({
    id: 'a1b2',
    ip: '127.0.0.1',
    app: 'live',
    name,
    query: {},
    protocol: 'rtmp',
    createtime: 1,
    endtime: 0,
    inbytes: 0,
    outbytes: 0,
    filePath: '',
    action,
  });

  it('postPublish → online, donePublish → offline, other actions ignored', () => {
    expect(mapNmsNotify(notify('postPublish'))).toEqual({
      kind: 'status',
      status: { cameraId: CAM, online: true },
    });
    expect(mapNmsNotify(notify('donePublish'))).toEqual({
      kind: 'status',
      status: { cameraId: CAM, online: false },
    });
    expect(mapNmsNotify(notify('postPlay'))).toMatchObject({ kind: 'ignored' });
    expect(mapNmsNotify(notify('postPublish', 'demo'))).toMatchObject({ kind: 'ignored' });
    expect(() => mapNmsNotify(notify('explode'))).toThrow(HookFormatError);
  });
});
