-- Run once by the postgres image, as its superuser, when the data directory is empty
-- (mounted into /docker-entrypoint-initdb.d by deploy/compose.yaml).
-- Same roles and database as org.trellis.persistence.DatabaseProvisioner:
--   trellis_owner: owns the database; the `migrate` service runs the Liquibase migrations as it;
--   trellis_app:   the runtime role: login, not superuser, no BYPASSRLS, cannot create databases or roles,
--                  owns nothing (the migrations grant it table privileges).
-- Passwords are read from the container environment (psql 15+ \getenv); none is stored here.
-- An unset variable leaves :'...' unexpanded, the statement fails and initialisation stops.
\set ON_ERROR_STOP on
\getenv owner_password TRELLIS_DB_OWNER_PASSWORD
\getenv app_password TRELLIS_DB_PASSWORD

CREATE ROLE trellis_owner LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE trellis_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';
ALTER ROLE trellis_app SET statement_timeout = '30s';
CREATE DATABASE trellis OWNER trellis_owner;
REVOKE TEMPORARY ON DATABASE trellis FROM PUBLIC;
