import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { reapOrphans } from '@fengqiao/media';
import { type ComponentStatus, type StackComponent } from './component';
import { hasCommand, portOpen } from './processes';
import { StackError } from './stack-error';

const NAME = 'media';

function ffmpegVersion(): string | undefined {
  if (!hasCommand('ffmpeg')) return undefined;
  const out = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' }).stdout ?? '';
  return /ffmpeg version (\S+)/.exec(out)?.[1] ?? 'unknown version';
}

/** HLS remuxes of any media-service instance of this stack: their output lies under this folder. */
function remuxMarker(config: FengqiaoConfig): string {
  return join(config.stack.runDir, 'media');
}

/** Remuxes left by a media service that died hard; only while no media service is up (they'd be its). */
async function reapLeftovers(config: FengqiaoConfig, say: (line: string) => void): Promise<void> {
  if (await portOpen(config.host, config.media.httpPort)) return;
  const killed = reapOrphans(remuxMarker(config));
  if (killed > 0) say(`media: killed ${killed} leftover ffmpeg remux(es)`);
}

/**
 * The video toolchain of the stack. The media service itself is an app (`npm start` supervises it,
 * see apps.ts); this component makes sure ffmpeg is there, clears remuxes a crashed media service
 * left behind, and reports whether the media gateway answers.
 */
export const mediaComponent: StackComponent = {
  name: NAME,

  async up(config, say) {
    const version = ffmpegVersion();
    if (version === undefined)
      throw new StackError(
        'NOT_READY',
        NAME,
        'ffmpeg is not installed: HLS remuxing and the synthetic cameras need it',
        'run scripts/bootstrap.sh (it installs Debian’s ffmpeg), or `apt-get install -y ffmpeg`',
      );
    await reapLeftovers(config, say);
    say(`media: ffmpeg ${version} ready`);
  },

  async down(config, say) {
    await reapLeftovers(config, say);
  },

  async status(config): Promise<ComponentStatus> {
    const version = ffmpegVersion();
    if (version === undefined) return { name: NAME, state: 'unhealthy', detail: 'ffmpeg is not installed' };
    const url = `http://${config.host}:${config.media.httpPort}/health`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1500) });
      const body = (await res.json()) as { live?: unknown[]; remuxes?: unknown[] };
      const detail = `ffmpeg ${version} · gateway ${url} · ${body.live?.length ?? 0} live, ${body.remuxes?.length ?? 0} HLS remux(es)`;
      return { name: NAME, state: res.ok ? 'running' : 'unhealthy', detail };
    } catch {
      // Not started is fine: only `npm start` runs the media service.
      return {
        name: NAME,
        state: 'external',
        detail: `ffmpeg ${version} · media service not started (npm start runs it)`,
      };
    }
  },
};
