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

const SKIES = ['0x1e3a5f', '0x27496d', '0x334e68', '0x2c3e50', '0x3b4a6b'] as const;

/** Figures standing in the picture: a crowd is many, anything else a few. */
function figures(kind: string, seed: number): { x: number; y: number }[] {
  const n = kind === 'crowd' ? 9 : 2;
  return Array.from({ length: n }, (_, i) => {
    // A multiplicative hash per camera and figure: neighbouring ids land far apart.
    const h = (Math.imul(seed + 1, 2654435761) ^ Math.imul(i + 1, 40503)) >>> 0;
    return { x: 180 + (h % 240), y: 190 + ((h >>> 8) % 50) };
  });
}

/**
 * The ffmpeg filter of one scene: a schematic street (sky, ground, figures placed per camera), a red
 * detection box round the figures, a "SNAPSHOT" tag and a caption (camera, kind, city time; colons
 * escaped as drawtext needs). Only digits, ASCII letters and '-' reach a caption, so nothing in it
 * can break out of the filter graph.
 */
export function snapshotFilter(s: SnapshotScene): string {
  const safe = (t: string): string => t.replace(/[^A-Za-z0-9-]/g, '');
  const seed = Number(s.cameraId.slice(-6)) || 0;
  const people = figures(s.kind, seed);
  const [left, top] = [Math.min(...people.map((p) => p.x)) - 12, Math.min(...people.map((p) => p.y)) - 12];
  const [right, bottom] = [
    Math.max(...people.map((p) => p.x)) + 30,
    Math.max(...people.map((p) => p.y)) + 60,
  ];
  const caption = `${safe(s.cameraId)}  ${safe(s.kind)}  ${cityTime(s.occurredAt).replace(/:/g, '\\:')}`;
  const text = 'font=Sans:fontcolor=white:box=1:boxborderw=6';
  return [
    `drawbox=x=0:y=0:w=iw:h=150:color=${SKIES[seed % SKIES.length] ?? '0x1e3a5f'}:t=fill`,
    `drawbox=x=0:y=230:w=iw:h=ih-230:color=0x3f3f46:t=fill`,
    ...people.map((p) => `drawbox=x=${p.x}:y=${p.y}:w=18:h=48:color=0xe2e8f0:t=fill`),
    `drawbox=x=${left}:y=${top}:w=${right - left}:h=${bottom - top}:color=red:t=3`,
    `drawtext=${text}:text='SNAPSHOT':x=12:y=12:fontsize=18:boxcolor=0xb45309`,
    `drawtext=${text}:text='${caption}':x=12:y=h-32:fontsize=20:boxcolor=black@0.6`,
  ].join(',');
}

/** A 640×360 JPEG of the scene, rendered by ffmpeg (the stack's own dependency) to stdout. */
export function renderSnapshot(s: SnapshotScene, ffmpeg = 'ffmpeg'): Promise<Buffer> {
  const args = ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=0x1e293b:s=640x360:r=1', '-frames:v', '1'];
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
