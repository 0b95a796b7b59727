/**
 * Default ports of the media service. Wanted in @fengqiao/config (FQ_MEDIA_RTMP_PORT,
 * FQ_MEDIA_HTTP_PORT, FQ_MEDIA_PUBLIC_URL); until then these constants, overridable by CLI flags.
 */
/** RTMP ingest: 1935 is the standard port, 19350 keeps clear of a system RTMP server. */
export const MEDIA_RTMP_PORT = 19350;
/** The public gateway: HLS, HTTP-FLV and WS-FLV, token-checked, with CORS. */
export const MEDIA_HTTP_PORT = 8000;
/** node-media-server's own HTTP-FLV listener, loopback only: the gateway proxies to it. */
export const MEDIA_INTERNAL_HTTP_PORT = 18001;
/** node-media-server's RTMP application name. */
export const MEDIA_APP = 'live';
