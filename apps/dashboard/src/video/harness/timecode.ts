/**
 * Reads the machine-readable clock the synthetic cameras burn in (apps/media cameras/synthetic-camera.ts,
 * TIMECODE: 24 squares of 16 px at (4, 4), bit i = bit i of floor(capture_ms / 10)) from the frame
 * on screen, and returns now − capture in ms: glass-to-glass latency on one machine, one clock.
 */
const BITS = 24;
const CELL = 16;
const LEFT = 4;
const TOP = 4;
const UNIT_MS = 10;
const WRAP = 2 ** BITS;

let canvas: HTMLCanvasElement | null = null;

export function readTimecode(video: HTMLVideoElement, nowMs: number): number | null {
  if (video.videoWidth === 0) return null;
  canvas ??= document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = CELL + 2 * TOP;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) return null;
  ctx.drawImage(video, 0, 0, video.videoWidth, canvas.height, 0, 0, video.videoWidth, canvas.height);
  const row = ctx.getImageData(0, TOP + CELL / 2, canvas.width, 1).data;
  let value = 0;
  for (let i = 0; i < BITS; i++) {
    const x = LEFT + i * CELL + CELL / 2;
    const luma = row[x * 4] ?? 0;
    if (luma > 128) value += 2 ** i;
  }
  const now = Math.floor(nowMs / UNIT_MS) % WRAP;
  return ((((now - value) % WRAP) + WRAP) % WRAP) * UNIT_MS;
}
