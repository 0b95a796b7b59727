-- Compression chosen from a measurement (docs/benchmarks.md "Database engines", decision 0012): the
-- 90 days of history were only 3.4x smaller after compression. Measured chunk by chunk and column by
-- column (bench/db/storage-breakdown.ts), three things held it back, fixed here (TimescaleDB only;
-- plain PostgreSQL has no compression and nothing changes there):
-- * the last 7 days stayed uncompressed (a quarter of what was left): compress chunks once they are
--   a day old. Later writes still land: INSERT ... ON CONFLICT DO NOTHING into a compressed chunk
--   checks the key through the event-id bloom filters and decompresses only a matching batch
--   (redelivery from Kafka, `npm run history` back-filling 90 days, a late device report), and the
--   policy recompresses the chunk at its next run (timescale.int-spec checks both);
-- * camera analytics in 1-day chunks segmented by camera: ~30 rows per camera and day, so every
--   compressed batch was tiny and each chunk carried its fixed cost (emptied chunk indexes, the
--   compressed relation's pages, ~0.3 MB). 7-day chunks segmented by township (the rollups and grid
--   reads group by township; no query reads one camera's analytics history; event-id lookups use the
--   bloom filter): 60 -> 10 MB for the bench's 90 days instead of 77 -> 27 MB;
-- * the random 16-byte event id is most of what a compressed row costs (16 of ~22 bytes a status
--   report) and stays: it is the idempotency key every producer, the fault ledger and the specs use.

-- migrate:up
DO $up$
BEGIN
  IF NOT fq_has_timescale() THEN RETURN; END IF;
  PERFORM set_chunk_time_interval('camera_analytics_events', interval '7 days');
  ALTER TABLE camera_analytics_events SET (timescaledb.compress_segmentby = 'township',
    timescaledb.compress_orderby = 'occurred_at DESC');
  PERFORM remove_compression_policy('case_events', if_exists => true);
  PERFORM remove_compression_policy('camera_status_events', if_exists => true);
  PERFORM remove_compression_policy('camera_analytics_events', if_exists => true);
  PERFORM add_compression_policy('case_events', compress_after => interval '1 day',
    schedule_interval => interval '1 hour');
  PERFORM add_compression_policy('camera_status_events', compress_after => interval '1 day',
    schedule_interval => interval '1 hour');
  PERFORM add_compression_policy('camera_analytics_events', compress_after => interval '1 day',
    schedule_interval => interval '1 hour');
END $up$;

-- migrate:down
DO $down$
BEGIN
  IF NOT fq_has_timescale() THEN RETURN; END IF;
  PERFORM remove_compression_policy('case_events', if_exists => true);
  PERFORM remove_compression_policy('camera_status_events', if_exists => true);
  PERFORM remove_compression_policy('camera_analytics_events', if_exists => true);
  PERFORM add_compression_policy('case_events', interval '7 days');
  PERFORM add_compression_policy('camera_status_events', interval '7 days');
  PERFORM add_compression_policy('camera_analytics_events', interval '7 days');
  -- Chunks compressed under the township segmenting keep it; an earlier down step drops that column,
  -- which TimescaleDB refuses while a chunk is segmented by it: decompress them first.
  PERFORM decompress_chunk(c, if_compressed => true) FROM show_chunks('camera_analytics_events') c;
  ALTER TABLE camera_analytics_events SET (timescaledb.compress_segmentby = 'camera_id',
    timescaledb.compress_orderby = 'occurred_at DESC');
  PERFORM set_chunk_time_interval('camera_analytics_events', interval '1 day');
END $down$;
