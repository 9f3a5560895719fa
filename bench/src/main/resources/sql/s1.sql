-- S1 a resident reports a repair: the statements the app sends for POST /api/v1/portal/repairs,
-- captured with log_statement = all (since commit 3e8fc46 API answers send no layout queries; since perf-19 no session last-access UPDATE: it is stored once a minute per session) (same order, same transactions; JSON literals are built with
-- jsonb_build_object because pgbench reads :name inside strings as a variable). Variables from the runner:
-- sid/spid (a resident's session), account, resident, unit, building, community.
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES FROM SPRING_SESSION S LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID WHERE S.SESSION_ID = :sid;
COMMIT;
-- the day's number in its own short transaction (NumberSeries.nextUnique), as the app does
INSERT INTO number_series (series, last_value) VALUES ('BX' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD'), 1) ON CONFLICT (series) DO UPDATE SET last_value = number_series.last_value + 1 RETURNING last_value AS seq \gset
BEGIN;
SELECT u.id, u.community_id, c.name AS community_name, u.building_id, b.number AS building_number, u.entrance, u.floor, u.room_number, u.code, u.floor_area, u.usage FROM unit u JOIN building b ON b.id = u.building_id JOIN community c ON c.id = u.community_id WHERE u.id = :unit;
SELECT EXISTS (SELECT 1 FROM occupancy WHERE resident_id = :resident AND unit_id = :unit AND moved_out IS NULL);
SELECT nextval(pg_get_serial_sequence('repair_order', 'id')) AS oid, target_hours, arrive_minutes FROM repair_category WHERE code = 'WATER_ELECTRIC' AND active \gset
INSERT INTO audit_log (actor, entity_type, entity_id, action, before_state, after_state) VALUES ('resident:' || :resident, 'repair_order', :oid, 'REPORTED', NULL, jsonb_build_object('status', 'REPORTED', 'area', 'UNIT', 'unitCode', '1-1-101', 'location', NULL, 'category', 'WATER_ELECTRIC', 'emergency', false, 'channel', 'PORTAL', 'contactPhone', NULL));
SELECT id FROM deadline_clock WHERE subject_type = 'repair' AND subject_id = :oid::text AND purpose = 'resolve';
INSERT INTO deadline_clock (subject_type, subject_id, purpose, label, link, community_id, assignee_staff_id, started_at, target_seconds, state, due_at, next_level, next_fire_at) VALUES ('repair', :oid::text, 'resolve', '报修单 BX', '/staff/repairs/' || :oid, :community, NULL, now(), 86400, 'RUNNING', now() + interval '24 hours', 'WARNING', now() + interval '1152 minutes') RETURNING id AS cid \gset
INSERT INTO deadline_clock_event (clock_id, type, at, reason, note, actor) VALUES (:cid, 'STARTED', now(), NULL, NULL, 'resident:' || :resident);
WITH o AS (INSERT INTO repair_order (id, number, community_id, building_id, unit_id, unit_code, area, location, category, description, emergency, channel, contact_name, contact_phone, preferred_visit_at, status, reporter_resident_id, reporter_staff_id, reported_at, due_at, arrive_due_at, resolve_clock_id, arrive_clock_id, complaint_id, complaint_number, complaint_request_id) VALUES (:oid, 'BX' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(:seq::text, greatest(4, length(:seq::text)), '0'), :community, :building, :unit, '1-1-101', 'UNIT', NULL, 'WATER_ELECTRIC', '厨房水龙头漏水，关不紧', false, 'PORTAL', '业主', NULL, NULL, 'REPORTED', :resident, NULL, now(), now() + interval '24 hours', NULL, :cid, NULL, NULL, NULL, NULL) RETURNING id, reported_at) INSERT INTO repair_event (order_id, at, type, actor, actor_name, data) SELECT id, reported_at, 'REPORTED', CAST('resident:' || :resident AS varchar), CAST('业主' AS varchar), jsonb_build_object('channel', 'PORTAL', 'emergency', false, 'photos', 0) FROM o;
COMMIT;
