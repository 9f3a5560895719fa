-- S2 the dispatch board, first page: the statements the app sends for
-- GET /api/v1/repairs/board?communityId=..., captured with log_statement = all (since commit 3e8fc46 API answers send no layout queries; since perf-19 no session last-access UPDATE: it is stored once a minute per session).
-- Variables from the runner: sid/spid (a customer-service session), community.
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES FROM SPRING_SESSION S LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID WHERE S.SESSION_ID = :sid;
COMMIT;
BEGIN READ ONLY;
SELECT o.id, o.number, o.community_id, o.building_id, b.number AS building_number, o.unit_code, o.location, o.category, o.status, o.emergency, o.priority, o.reported_at, o.due_at, o.paused_cause, o.paused_at, o.completed_at, o.assignee_staff_id, s.name AS assignee_name, o.version FROM (SELECT * FROM repair_order o WHERE o.community_id = :community AND o.status NOT IN ('CLOSED', 'CANCELLED') ORDER BY o.priority, o.due_at, o.id LIMIT 21) o LEFT JOIN building b ON b.id = o.building_id LEFT JOIN staff s ON s.id = o.assignee_staff_id ORDER BY o.priority, o.due_at, o.id;
COMMIT;
