--liquibase formatted sql

--changeset trellis:004-audit-event
--comment: Append-only: the runtime role may insert and read, never update or delete.
CREATE TABLE audit_event (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    id             bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_kind     text        NOT NULL,
    actor_ref      text        NOT NULL,
    action         text        NOT NULL,
    target_type    text        NOT NULL,
    target_ref     text        NOT NULL,
    summary        jsonb       NOT NULL DEFAULT '{}',
    correlation_id text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_by_time ON audit_event (tenant_id, occurred_at DESC, id DESC);
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
CREATE POLICY platform_operator ON audit_event
    USING (trellis_is_platform_operator()) WITH CHECK (trellis_is_platform_operator());
GRANT SELECT, INSERT ON audit_event TO ${app_role};
