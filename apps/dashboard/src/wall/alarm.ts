import { useEffect } from 'react';

/** Two short tones every 2 s while `active`: a red alert nobody has acknowledged yet. */
const PERIOD_MS = 2000;

function beep(ctx: AudioContext): void {
  const t = ctx.currentTime;
  for (const [offset, freq] of [
    [0, 880],
    [0.25, 660],
  ] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, t + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t + offset);
    osc.stop(t + offset + 0.22);
  }
}

/** Sounds the alarm via WebAudio; the context is closed on unmount or when the alarm stops. */
export function useRedAlarm(active: boolean): void {
  useEffect(() => {
    if (!active || typeof AudioContext === 'undefined') return undefined;
    const ctx = new AudioContext();
    const sound = (): void => {
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      beep(ctx);
    };
    sound();
    const timer = window.setInterval(sound, PERIOD_MS);
    return () => {
      window.clearInterval(timer);
      void ctx.close().catch(() => undefined);
    };
  }, [active]);
}
