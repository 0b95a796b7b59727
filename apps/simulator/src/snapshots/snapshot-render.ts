import { spawn } from 'node:child_process';

/** What a simulated snapshot shows: the camera, what its analytics saw, and when. */
export interface SnapshotScene {
  readonly cameraId: string;
  readonly kind: string;
  readonly occurredAt: string;
}

/** The HH:MM:SS of an instant in the city's zone (UTC+8, no daylight saving). */
function cityTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 19);
}

/**
 * The ffmpeg filter of one scene: a test pattern tinted per camera, a red detection box placed per
 * camera, and a caption (camera, kind, time; colons escaped as drawtext needs). Only digits, ASCII
 * letters and '-' reach the caption, so nothing in it can break out of the filter graph.
 */
export function snapshotFilter(s: SnapshotScene): string {
  const safe = (t: string): string => t.replace(/[^A-Za-z0-9-]/g, '');
  const seed = Number(s.cameraId.slice(-6)) || 0;
  const [x, y] = [40 + (seed % 400), 30 + ((seed >> 3) % 150)];
  const caption = `${safe(s.cameraId)}  ${safe(s.kind)}  ${cityTime(s.occurredAt).replace(/:/g, '\\:')}`;
  return [
    `hue=h=${seed % 360}`,
    `drawbox=x=${x}:y=${y}:w=160:h=180:color=red@0.9:t=3`,
    `drawtext=font=Sans:text='${caption}':x=12:y=h-32:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6`,
  ].join(',');
}

/** A 640×360 JPEG of the scene, rendered by ffmpeg (the stack's own dependency) to stdout. */
export function renderSnapshot(s: SnapshotScene, ffmpeg = 'ffmpeg'): Promise<Buffer> {
  const args = ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=1', '-frames:v', '1'];
  args.push('-vf', snapshotFilter(s), '-q:v', '5', '-f', 'mjpeg', 'pipe:1');
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`ffmpeg exited ${String(code)}: ${Buffer.concat(err).toString().slice(0, 300)}`)),
    );
  });
}
