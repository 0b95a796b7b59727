import { remuxArgs } from './remux-args';

describe('the HLS remux command', () => {
  const args = remuxArgs({
    inputUrl: 'http://127.0.0.1:1/live/x.flv?sign=1-a',
    outDir: '/tmp/hls/x',
    listSize: 6,
  });
  const after = (flag: string): string | undefined => args[args.indexOf(flag) + 1];

  it.each([
    ['copies the streams, never transcodes', '-c', 'copy'],
    ['cuts 1 s segments', '-hls_time', '1'],
    ['keeps a rolling window', '-hls_list_size', '6'],
    ['gives up on a silent input after 3 s', '-rw_timeout', '3000000'],
    ['writes HLS', '-f', 'hls'],
  ])('%s', (_title, flag, value) => {
    expect(after(flag)).toBe(value);
  });

  it('deletes old segments and never ends the live playlist', () => {
    expect(after('-hls_flags')).toBe('delete_segments+independent_segments+omit_endlist');
  });

  it('reads the input given and writes into the camera folder, which is also the orphan marker', () => {
    expect(after('-i')).toBe('http://127.0.0.1:1/live/x.flv?sign=1-a');
    expect(args.at(-1)).toBe('/tmp/hls/x/index.m3u8');
    expect(after('-hls_segment_filename')).toBe('/tmp/hls/x/seg_%d.ts');
  });
});
