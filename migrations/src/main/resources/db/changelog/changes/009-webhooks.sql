--liquibase formatted sql

--changeset trellis:009-webhooks
--comment: Per-tenant webhook endpoints. The signing secret is needed to check signatures, so it is kept encrypted
--comment: (AES-GCM, key from configuration); after a rotation the previous secret is accepted until it expires.
CREATE TABLE webhook_endpoint (
    tenant_id                  uuid        NOT NULL REFERENCES tenant (id),
    id                         uuid        NOT NULL,
    provider                   text        NOT NULL CHECK (provider IN ('GITHUB', 'PAGERDUTY')),
    name                       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    secret_ciphertext          text        NOT NULL,
    secret_hint                text        NOT NULL,
    previous_secret_ciphertext text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    rotated_at                 timestamptz,
    disabled_at                timestamptz,
    last_delivery_at           timestamptz,
    PRIMARY KEY (tenant_id, id)
);
--comment: Every accepted delivery, once: a replay of the same delivery id is answered without doing anything again.
CREATE TABLE webhook_delivery (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    endpoint_id uuid        NOT NULL,
    delivery_ref text        NOT NULL CHECK (length(delivery_ref) BETWEEN 1 AND 200),
    event       text        NOT NULL CHECK (length(event) BETWEEN 1 AND 100),
    outcome     text        NOT NULL CHECK (outcome IN ('RECEIVED', 'CAPTURED', 'IGNORED')),
    detail      text        CHECK (length(detail) <= 500),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, endpoint_id, delivery_ref),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoint (tenant_id, id)
);
CREATE INDEX webhook_delivery_by_time ON webhook_delivery (tenant_id, received_at);
--comment: People seen on an incident (PagerDuty names responders across several events of one incident).
CREATE TABLE incident_responder (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    endpoint_id uuid        NOT NULL,
    incident_ref text        NOT NULL CHECK (length(incident_ref) BETWEEN 1 AND 100),
    account     text        NOT NULL CHECK (length(account) BETWEEN 1 AND 100),
    name        text        CHECK (length(name) <= 200),
    seen_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, endpoint_id, incident_ref, account),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoint (tenant_id, id)
);
--comment: Captured work Trellis could not attribute yet: kept for admins to map, never dropped.
CREATE TABLE unmatched_event (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    id           uuid        NOT NULL,
    endpoint_id  uuid        NOT NULL,
    provider     text        NOT NULL CHECK (provider IN ('GITHUB', 'PAGERDUTY')),
    account      text        NOT NULL CHECK (length(account) BETWEEN 1 AND 100),
    account_name text        CHECK (length(account_name) <= 200),
    kind         text        NOT NULL,
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description  text        NOT NULL CHECK (length(description) <= 20000),
    link         text        CHECK (length(link) <= 2000),
    occurred_on  date        NOT NULL,
    external_id  text        NOT NULL CHECK (length(external_id) BETWEEN 1 AND 500),
    reason       text        NOT NULL CHECK (reason IN ('UNKNOWN_ACCOUNT', 'NO_COMPETENCY')),
    status       text        NOT NULL CHECK (status IN ('PENDING', 'MAPPED', 'DISMISSED')),
    person_id    uuid,
    evidence_id  uuid,
    resolved_by  text,
    resolved_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoint (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id)
);
CREATE UNIQUE INDEX unmatched_event_external ON unmatched_event (tenant_id, provider, external_id);
CREATE INDEX unmatched_event_by_status ON unmatched_event (tenant_id, status, created_at);
CREATE INDEX unmatched_event_by_account ON unmatched_event (tenant_id, provider, account);
ALTER TABLE webhook_endpoint ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoint FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoint
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE webhook_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_delivery
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE incident_responder ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_responder FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON incident_responder
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE unmatched_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE unmatched_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON unmatched_event
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON webhook_endpoint TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON webhook_delivery TO ${app_role};
GRANT SELECT, INSERT ON incident_responder TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON unmatched_event TO ${app_role};
