// The publish/loopback signature lives in @fengqiao/media-tokens: the GB/T 28181 receiver
// (apps/gb28181) publishes played channels into this service's RTMP ingest with it.
export { streamSign, streamSignSecret } from '@fengqiao/media-tokens';
