import { streamHealthSchema } from '@fengqiao/contracts';
import { classifyStream, coveredSeconds, DEFAULT_THRESHOLDS, type StreamSample } from './classify';
import { parseDetections, parsePackets } from './ffmpeg-output';

/** A 5 s sample of `fps` frames per second, `kbps` bit rate, with the given detector intervals. */
function sample(
  fps: number,
  kbps: number,
  d: Partial<StreamSample['detections']> = {},
  seconds = 5,
): StreamSample {
  const n = Math.round(fps * seconds);
  return {
    reachable: true,
    sampleS: 5,
    packets: {
      packets: n,
      bytes: Math.round((kbps * 1000 * seconds) / 8),
      firstS: 10,
      lastS: 10 + (n - 1) / fps,
    },
    detections: { frozen: d.frozen ?? [], black: d.black ?? [] },
  };
}

describe('stream health classification', () => {
  it('a lively 25 fps, 800 kbit/s stream is ok, with its measurement', () => {
    expect(classifyStream(sample(25, 800))).toEqual({
      verdict: 'ok',
      sampleS: 5,
      fps: 25,
      bitrateKbps: 800,
      frozenS: 0,
      blackS: 0,
    });
  });

  it('answers in the camera status contract', () => {
    for (const s of [
      sample(25, 800),
      sample(2, 10, { black: [{ start: 10 }] }),
      { ...sample(1, 1), reachable: false },
    ])
      expect(streamHealthSchema.parse(classifyStream(s))).toEqual(classifyStream(s));
  });

  it('unreachable, no packets or one packet is no signal', () => {
    expect(classifyStream({ ...sample(25, 800), reachable: false }).verdict).toBe('no-signal');
    expect(classifyStream({ ...sample(25, 800), packets: { packets: 0, bytes: 0 } }).verdict).toBe(
      'no-signal',
    );
    expect(classifyStream(sample(25, 800, {}, 0.04)).verdict).toBe('no-signal');
  });

  it('a stream that delivers under half the sample dropped: no signal, with what it did deliver', () => {
    const h = classifyStream(sample(25, 800, {}, 2));
    expect(h).toMatchObject({ verdict: 'no-signal', fps: 25 });
  });

  it('black over 80 % of the sample is black (before frozen: a black picture is also still)', () => {
    const still = { start: 10, end: 15 };
    expect(classifyStream(sample(25, 50, { black: [still], frozen: [still] }))).toMatchObject({
      verdict: 'black',
      blackS: 5,
    });
  });

  it('a freeze still going at the end counts to the end; under 80 % is a passing scene', () => {
    expect(classifyStream(sample(25, 300, { frozen: [{ start: 10.5 }] }))).toMatchObject({
      verdict: 'frozen',
      frozenS: 4.5,
    });
    expect(classifyStream(sample(25, 300, { frozen: [{ start: 10, end: 13 }] })).verdict).toBe('ok');
  });

  it('low frame rate and low bit rate, at the thresholds', () => {
    expect(classifyStream(sample(2, 400))).toMatchObject({ verdict: 'low-fps', fps: 2 });
    expect(classifyStream(sample(DEFAULT_THRESHOLDS.minFps, 400)).verdict).toBe('ok');
    expect(classifyStream(sample(25, 20))).toMatchObject({ verdict: 'low-bitrate', bitrateKbps: 20 });
  });

  it('counts overlapping intervals once and clips them to the sample', () => {
    expect(coveredSeconds([{ start: 0, end: 3 }, { start: 2, end: 4 }, { start: 8 }], 1, 10)).toBe(5);
  });
});

describe('reading ffmpeg', () => {
  it('parses freezedetect and blackdetect lines as ffmpeg 5.1 prints them', () => {
    const stderr = [
      '[freezedetect @ 0x55d0c0] lavfi.freezedetect.freeze_start: 1.04',
      '[freezedetect @ 0x55d0c0] lavfi.freezedetect.freeze_duration: 2.5',
      '[freezedetect @ 0x55d0c0] lavfi.freezedetect.freeze_end: 3.54',
      '[freezedetect @ 0x55d0c0] lavfi.freezedetect.freeze_start: 4.2',
      '[blackdetect @ 0x55d0c8] black_start:0 black_end:5.04 black_duration:5.04',
      'frame=  125 fps= 25 q=-0.0 Lsize=N/A time=00:00:05.00 bitrate=N/A speed=1.0x',
    ].join('\n');
    expect(parseDetections(stderr)).toEqual({
      frozen: [{ start: 1.04, end: 3.54 }, { start: 4.2 }],
      black: [{ start: 0, end: 5.04 }],
    });
  });

  it('parses framecrc packets of stream 0 with its time base', () => {
    const out = [
      '#software: Lavf59.27.100',
      '#tb 0: 1/1000',
      '#media_type 0: video',
      '0,          0,          0,       40,     5120, 0x1f2e3d4c',
      '0,         40,         40,       40,      880, 0x0a0b0c0d, F=0x0',
      '1,          0,          0,       23,      300, 0x01020304',
      '0,         80,         80,       40,     1000, 0x0a0b0c0e',
    ].join('\n');
    expect(parsePackets(out)).toEqual({ packets: 3, bytes: 7000, firstS: 0, lastS: 0.08 });
  });
});
