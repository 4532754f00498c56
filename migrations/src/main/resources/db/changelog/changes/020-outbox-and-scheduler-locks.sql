--liquibase formatted sql

--changeset trellis:020-outbox-event
--comment: Domain events (evidence endorsed or changed, readiness changed, mentorship state changed, promotion case decided, person provisioned or deactivated...), written in the transaction of the change. Outbound webhooks and live subscriptions are fed from here. data carries ids and states only, never names, emails or free text, so erasing a person never has to rewrite it. seq orders a tenant's events.
CREATE TABLE outbox_event (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    seq         bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
    type        text        NOT NULL CHECK (type ~ '^[a-z_]+(\.[a-z_]+)+$'),
    subject_id  uuid        NOT NULL,
    person_id   uuid,
    data        jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_event_tenant_seq ON outbox_event (tenant_id, seq);
CREATE INDEX outbox_event_tenant_occurred ON outbox_event (tenant_id, occurred_at);
ALTER TABLE outbox_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_event
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, DELETE ON outbox_event TO ${app_role};

--changeset trellis:020-outbox-notify splitStatements:false
--comment: Every instance LISTENs on trellis_outbox; the notification is delivered at commit, only if the change commits, and names the event without its content (readers load it under their own tenant scope).
CREATE FUNCTION trellis_outbox_notify() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('trellis_outbox', json_build_object(
        'tenantId', NEW.tenant_id, 'id', NEW.id, 'seq', NEW.seq, 'type', NEW.type)::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION trellis_outbox_notify();

--changeset trellis:020-shedlock
--comment: Platform table of ShedLock's cluster-wide locks for scheduled jobs (purges, relays): a lock name and who holds it until when, no tenant data.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON shedlock TO ${app_role};
