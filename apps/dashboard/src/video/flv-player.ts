import mpegts from 'mpegts.js';

/** A running FLV player; `destroy` releases the connection, the MediaSource and the element. */
export interface FlvHandle {
  destroy(): void;
}

export function flvSupported(): boolean {
  return mpegts.isSupported() && mpegts.getFeatureList().mseLivePlayback;
}

/**
 * HTTP-/WS-FLV through mpegts.js for the one focused tile where latency matters (≈1 s against ≈1.3 s
 * for HLS here, and no remux process). node-media-server 4 flags every stream as having audio: a
 * video-only camera stalls unless told `hasAudio: false`. Latency chasing keeps it near the edge;
 * source-buffer cleanup bounds the back-buffer like hls.js's `backBufferLength`.
 */
export function startFlv(video: HTMLVideoElement, url: string, onError: () => void): FlvHandle {
  const player = mpegts.createPlayer(
    { type: 'flv', isLive: true, url, hasAudio: false, hasVideo: true },
    {
      enableStashBuffer: false,
      lazyLoad: false,
      liveBufferLatencyChasing: true,
      liveBufferLatencyMaxLatency: 1.5,
      liveBufferLatencyMinRemain: 0.3,
      autoCleanupSourceBuffer: true,
      autoCleanupMaxBackwardDuration: 10,
      autoCleanupMinBackwardDuration: 5,
    },
  );
  player.on(mpegts.Events.ERROR, onError);
  player.attachMediaElement(video);
  player.load();
  const started = player.play();
  if (started instanceof Promise) started.catch(() => undefined);
  return {
    destroy() {
      player.off(mpegts.Events.ERROR, onError);
      player.pause();
      player.unload();
      player.detachMediaElement();
      player.destroy();
    },
  };
}
