-- The two database roles of the Wuye Service Center on an external PostgreSQL (13 or newer).
--
--   wuye_owner  owns the database and its schema; runs the migrations (Flyway).
--               The app uses it only at start-up: SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD.
--   wuye_app    the app's connection pool: owns nothing; after every migration run the app grants
--               it SELECT/INSERT/UPDATE/DELETE on its tables, USAGE on the sequences, MAINTAIN
--               (PostgreSQL 17), and only SELECT/INSERT on the append-only audit_log and
--               keycustody_movement (the key chain of custody).
--               SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD.
--
-- Run once, as a superuser (or a role with CREATEROLE and CREATEDB), with psql:
--
--   psql -h DBHOST -U postgres -v owner_password='…' -v app_password='…' -f ops/db-roles.sql
--
-- then start the app with
--
--   SPRING_DATASOURCE_URL=jdbc:postgresql://DBHOST:5432/wuye
--   SPRING_DATASOURCE_USERNAME=wuye_app    SPRING_DATASOURCE_PASSWORD=…
--   SPRING_FLYWAY_USER=wuye_owner          SPRING_FLYWAY_PASSWORD=…
--
-- An existing database whose tables belong to another user: use that user as SPRING_FLYWAY_USER
-- (or REASSIGN OWNED BY it TO wuye_owner), and skip the CREATE DATABASE below.

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE wuye_owner LOGIN PASSWORD %L', :'owner_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wuye_owner') \gexec
SELECT format('CREATE ROLE wuye_app LOGIN PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wuye_app') \gexec

-- the app's role can do nothing beyond what it is granted
ALTER ROLE wuye_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE wuye_owner NOSUPERUSER NOCREATEROLE NOREPLICATION;

SELECT 'CREATE DATABASE wuye OWNER wuye_owner ENCODING ''UTF8'' LC_COLLATE ''C.UTF-8'''
       ' LC_CTYPE ''C.UTF-8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'wuye') \gexec

\connect wuye
ALTER SCHEMA public OWNER TO wuye_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO wuye_app;
