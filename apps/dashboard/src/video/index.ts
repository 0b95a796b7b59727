export { SnapshotImage } from './SnapshotImage';
export { VideoTile, type TileCamera, type VideoTileProps } from './VideoTile';
export { requestPlayGrant, type PlayGrant, type RequestPlayGrant, type WatchReason } from './play-grant';
export { TILE_STATE_LABEL, type TileState } from './tile-state';
export { type PlayMode } from './useHlsPlayer';
