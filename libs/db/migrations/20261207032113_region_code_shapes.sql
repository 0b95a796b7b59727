-- Region codes and camera ids are checked by their GB/T 2260 / GB/T 28181 shape, not against one city
-- (issue 21: another city by configuration). The checks that named Bazhong's prefecture (5119) are
-- replaced: a region code is a 6-digit county (or city, prefecture + 00) code with 0-3 levels of
-- 3 digits below; a camera id is 20 digits. Which city a database serves is its data: the regions
-- table the seed fills from FQ_CITY_CODE's divisions. The duty tables may already be gone (the
-- versioned duty roster replaces them), hence IF EXISTS. Plain constraints, both engines alike.

-- migrate:up
ALTER TABLE regions DROP CONSTRAINT IF EXISTS regions_code_check;
ALTER TABLE regions ADD CONSTRAINT regions_code_shape CHECK (code ~ '^[1-8][0-9]{5}([0-9]{3}){0,3}$');

ALTER TABLE cameras DROP CONSTRAINT IF EXISTS cameras_camera_id_check;
ALTER TABLE cameras ADD CONSTRAINT cameras_camera_id_shape CHECK (camera_id ~ '^[1-8][0-9]{19}$');

ALTER TABLE reports DROP CONSTRAINT IF EXISTS reports_region_check;
ALTER TABLE reports ADD CONSTRAINT reports_region_shape CHECK (region ~ '^[1-8][0-9]{5}([0-9]{3}){0,3}$');

ALTER TABLE report_requests DROP CONSTRAINT IF EXISTS report_requests_region_check;
ALTER TABLE report_requests
  ADD CONSTRAINT report_requests_region_shape CHECK (region ~ '^[1-8][0-9]{5}([0-9]{3}){0,3}$');

ALTER TABLE IF EXISTS duty_rosters DROP CONSTRAINT IF EXISTS duty_rosters_region_code_check;
ALTER TABLE IF EXISTS duty_rosters
  ADD CONSTRAINT duty_rosters_region_code_shape
  CHECK (region_code = 'city' OR region_code ~ '^[1-8][0-9]{5}([0-9]{3}){0,3}$');

ALTER TABLE IF EXISTS duty_roster_exceptions DROP CONSTRAINT IF EXISTS duty_roster_exceptions_region_code_check;
ALTER TABLE IF EXISTS duty_roster_exceptions
  ADD CONSTRAINT duty_roster_exceptions_region_code_shape
  CHECK (region_code = 'city' OR region_code ~ '^[1-8][0-9]{5}([0-9]{3}){0,3}$');

-- migrate:down
-- The Bazhong-only checks come back NOT VALID: a database that holds another city's rows can still
-- step down (new rows are checked, old ones kept).
ALTER TABLE IF EXISTS duty_roster_exceptions DROP CONSTRAINT IF EXISTS duty_roster_exceptions_region_code_shape;
ALTER TABLE IF EXISTS duty_roster_exceptions
  ADD CONSTRAINT duty_roster_exceptions_region_code_check
  CHECK (region_code = 'city' OR region_code ~ '^5119[0-9]{2}([0-9]{3}){0,3}$') NOT VALID;

ALTER TABLE IF EXISTS duty_rosters DROP CONSTRAINT IF EXISTS duty_rosters_region_code_shape;
ALTER TABLE IF EXISTS duty_rosters
  ADD CONSTRAINT duty_rosters_region_code_check
  CHECK (region_code = 'city' OR region_code ~ '^5119[0-9]{2}([0-9]{3}){0,3}$') NOT VALID;

ALTER TABLE report_requests DROP CONSTRAINT IF EXISTS report_requests_region_shape;
ALTER TABLE report_requests
  ADD CONSTRAINT report_requests_region_check CHECK (region ~ '^5119[0-9]{2}([0-9]{3}){0,3}$') NOT VALID;

ALTER TABLE reports DROP CONSTRAINT IF EXISTS reports_region_shape;
ALTER TABLE reports ADD CONSTRAINT reports_region_check CHECK (region ~ '^5119[0-9]{2}([0-9]{3}){0,3}$') NOT VALID;

ALTER TABLE cameras DROP CONSTRAINT IF EXISTS cameras_camera_id_shape;
ALTER TABLE cameras ADD CONSTRAINT cameras_camera_id_check CHECK (camera_id ~ '^5119[0-9]{16}$') NOT VALID;

ALTER TABLE regions DROP CONSTRAINT IF EXISTS regions_code_shape;
ALTER TABLE regions ADD CONSTRAINT regions_code_check CHECK (code ~ '^5119[0-9]{2}([0-9]{3}){0,3}$') NOT VALID;
