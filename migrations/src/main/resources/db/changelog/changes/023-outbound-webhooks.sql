--liquibase formatted sql

--changeset trellis:023-webhook-subscription
--comment: Outbound webhooks: where a tenant wants its domain events POSTed (https), which event types, and the signing secret (encrypted by the SecretVault, bound to tenant and subscription). After a rotation the previous secret still signs until previous_secret_expires_at. disabled_at is set by an admin, by a 410 Gone, or when a delivery failed for the whole retry period.
CREATE TABLE outbound_subscription (
    tenant_id                  uuid        NOT NULL REFERENCES tenant (id),
    id                         uuid        NOT NULL,
    url                        text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description                text        NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    event_types                text[]      NOT NULL CHECK (cardinality(event_types) > 0),
    secret_ciphertext          text        NOT NULL,
    secret_hint                text        NOT NULL,
    previous_secret_ciphertext text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    rotated_at                 timestamptz,
    disabled_at                timestamptz,
    disabled_reason            text        CHECK (disabled_reason IN ('ADMIN', 'GONE', 'FAILING')),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbound_subscription_tenant_created ON outbound_subscription (tenant_id, created_at, id);
ALTER TABLE outbound_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbound_subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbound_subscription
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON outbound_subscription TO ${app_role};

--changeset trellis:023-webhook-delivery
--comment: One outbox event for one subscription: the exact body to POST (ids and states only, like the event), its status, and the attempt bookkeeping. webhook-id is msg_ and event_id, the same for every attempt and replay. next_attempt_at doubles as the lease of a claimed attempt: a relay that dies mid-attempt leaves the delivery due again when the lease ends (at least once). attempts counts claims, so a late relay cannot record over a newer claim.
CREATE TABLE outbound_delivery (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    subscription_id  uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    queued_at        timestamptz NOT NULL DEFAULT now(),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text        CHECK (length(last_error) <= 300),
    finished_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, subscription_id, event_id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES outbound_subscription (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX outbound_delivery_due ON outbound_delivery (tenant_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbound_delivery_newest ON outbound_delivery (tenant_id, created_at DESC, id);
CREATE INDEX outbound_delivery_finished ON outbound_delivery (tenant_id, finished_at) WHERE status <> 'PENDING';
ALTER TABLE outbound_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbound_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbound_delivery
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON outbound_delivery TO ${app_role};

--changeset trellis:023-webhook-due
--comment: Platform table (like tenant, no row-level security): which tenants have pending outbound deliveries, from when, how many, and since when the oldest waits. It holds tenant ids, times and counts only, never tenant data. It lets a relay find due work in one indexed statement whatever the number of tenants, and lets the backlog gauges be read across tenants without opening each tenant's scope. A row exists only while its tenant has pending deliveries.
CREATE TABLE outbound_due (
    tenant     uuid        NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    due_at     timestamptz NOT NULL,
    pending    bigint      NOT NULL CHECK (pending >= 0),
    oldest_at  timestamptz NOT NULL
);
CREATE INDEX outbound_due_by_due_at ON outbound_due (due_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON outbound_due TO ${app_role};

--changeset trellis:023-webhook-fan-out splitStatements:false
--comment: Fan-out in the transaction of the change: each stored outbox event becomes one delivery per enabled subscription of its tenant that chose its type, with the body to POST, and marks the tenant due. Runs as the writer (row-level security applies: only the writer's tenant is read or written).
CREATE FUNCTION trellis_outbound_fan_out() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    added bigint;
BEGIN
    INSERT INTO outbound_delivery (tenant_id, id, subscription_id, event_id, event_type, payload)
    SELECT NEW.tenant_id, gen_random_uuid(), s.id, NEW.id, NEW.type,
           json_build_object(
               'type', NEW.type,
               'timestamp', to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'data', NEW.data || jsonb_strip_nulls(jsonb_build_object(
                   'subjectId', NEW.subject_id, 'personId', NEW.person_id)))::text
    FROM outbound_subscription s
    WHERE s.tenant_id = NEW.tenant_id AND s.disabled_at IS NULL AND NEW.type = ANY (s.event_types);
    GET DIAGNOSTICS added = ROW_COUNT;
    IF added > 0 THEN
        INSERT INTO outbound_due AS d (tenant, due_at, pending, oldest_at)
        VALUES (NEW.tenant_id, now(), added, now())
        ON CONFLICT (tenant) DO UPDATE
            SET due_at = least(d.due_at, now()), pending = d.pending + added, oldest_at = least(d.oldest_at, now());
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_event_outbound_fan_out AFTER INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION trellis_outbound_fan_out();
