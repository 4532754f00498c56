--liquibase formatted sql

--changeset trellis:001-current-tenant splitStatements:false
--comment: The transaction's tenant, set by the application with set_config('trellis.tenant_id', ..., true). NULL when unset, so every policy on it fails closed.
CREATE FUNCTION trellis_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('trellis.tenant_id', true), '')::uuid $$;

--changeset trellis:001-platform-operator splitStatements:false
--comment: True only in transactions the application opened for a verified platform operator.
CREATE FUNCTION trellis_is_platform_operator() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('trellis.platform_operator', true), '') = 'on' $$;

--changeset trellis:001-schema-usage
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${app_role};
