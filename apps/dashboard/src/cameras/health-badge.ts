import { type CameraHealth, type StreamHealthVerdict } from '@fengqiao/contracts';

/** 视频质量诊断 verdicts as the duty officers read them. */
export const HEALTH_LABEL: Readonly<Record<StreamHealthVerdict, string>> = {
  'no-signal': '无信号',
  black: '黑屏/遮挡',
  frozen: '画面冻结',
  'low-fps': '帧率过低',
  'low-bitrate': '码率过低',
  ok: '画面正常',
};

/** The badge a camera row shows: only a fault of a stream that is up (an offline camera says so already). */
export function healthBadge(
  health: CameraHealth | undefined,
  online: boolean | null,
): { label: string; title: string; verdict: StreamHealthVerdict } | undefined {
  if (health === undefined || health.verdict === 'ok' || online !== true) return undefined;
  const parts = [
    health.fps === undefined ? undefined : `${health.fps} fps`,
    health.bitrateKbps === undefined ? undefined : `${health.bitrateKbps} kbit/s`,
    health.frozenS > 0 ? `冻结 ${health.frozenS} s` : undefined,
    health.blackS > 0 ? `黑屏 ${health.blackS} s` : undefined,
  ].filter((p): p is string => p !== undefined);
  const title = `${HEALTH_LABEL[health.verdict]}：${health.sampleS} s 采样 ${parts.join('，')}（${health.at}）`;
  return { label: HEALTH_LABEL[health.verdict], title, verdict: health.verdict };
}
