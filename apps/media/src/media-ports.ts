/**
 * The media service's ports are config (FQ_MEDIA_RTMP_PORT, FQ_MEDIA_HTTP_PORT,
 * FQ_MEDIA_INTERNAL_HTTP_PORT in @fengqiao/config), overridable by CLI flags. What stays here is an
 * invariant: the publish and play URLs of every camera name this application.
 */
/** node-media-server's RTMP application name. */
export const MEDIA_APP = 'live';
