/** What a video tile shows. */
export type TileState = 'connecting' | 'playing' | 'stalled' | 'offline' | 'denied' | 'error';

/** What the player told us; the tile's state is a pure function of the previous state and this. */
export type PlayerSignal =
  | { readonly kind: 'started' }
  | { readonly kind: 'progress' }
  | { readonly kind: 'no-progress'; readonly forMs: number }
  | { readonly kind: 'http-status'; readonly status: number }
  | { readonly kind: 'grant-refused' }
  | { readonly kind: 'fatal' };

/** No new frame for this long while playing: the tile says so (and the player restarts). */
export const STALL_MS = 6000;

export function nextTileState(state: TileState, signal: PlayerSignal): TileState {
  switch (signal.kind) {
    case 'started':
      return 'connecting';
    case 'progress':
      return 'playing';
    case 'no-progress':
      return state === 'playing' && signal.forMs >= STALL_MS ? 'stalled' : state;
    case 'http-status':
      if (signal.status === 404) return 'offline';
      if (signal.status === 401 || signal.status === 403) return 'denied';
      return signal.status === 503 ? 'connecting' : 'error';
    case 'grant-refused':
      return 'denied';
    case 'fatal':
      return 'error';
  }
}

/** Delay before the next attempt: quick while the packager warms up, patient when the camera is off. */
export function retryDelayMs(state: TileState): number {
  switch (state) {
    case 'connecting':
      return 1000;
    case 'offline':
      return 4000;
    case 'stalled':
    case 'error':
      return 3000;
    case 'denied':
      return 30_000;
    case 'playing':
      return 0;
  }
}

export const TILE_STATE_LABEL: Readonly<Record<TileState, string>> = {
  connecting: '连接中',
  playing: '直播',
  stalled: '画面卡顿',
  offline: '离线',
  denied: '无权查看',
  error: '播放异常',
};
