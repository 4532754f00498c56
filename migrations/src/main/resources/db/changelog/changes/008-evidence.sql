--liquibase formatted sql

--changeset trellis:008-evidence
CREATE TABLE evidence (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    id             uuid        NOT NULL,
    person_id      uuid        NOT NULL,
    logged_by      text        NOT NULL,
    on_behalf      boolean     NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('CODE_REVIEW', 'INCIDENT_RESPONSE', 'DESIGN_DOC', 'MENTORING',
                                                        'DOCUMENTATION', 'RELEASE', 'KNOWLEDGE_SHARING', 'DELIVERY', 'OTHER')),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description    text        NOT NULL CHECK (length(description) <= 20000),
    occurred_on    date        NOT NULL,
    links          text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 10),
    impact         text        NOT NULL CHECK (impact IN ('TEAM', 'DEPARTMENT', 'COMPANY')),
    source         text        NOT NULL CHECK (source IN ('MANUAL', 'GITHUB', 'PAGERDUTY', 'API_IMPORT')),
    external_id    text        CHECK (length(external_id) BETWEEN 1 AND 500),
    status         text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ENDORSED',
                                                          'REJECTED', 'WITHDRAWN')),
    review_comment text        CHECK (length(review_comment) <= 5000),
    reviewed_by    uuid,
    reviewed_at    timestamptz,
    version        int         NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, reviewed_by) REFERENCES person (tenant_id, id)
);
CREATE UNIQUE INDEX evidence_external ON evidence (tenant_id, source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX evidence_by_person ON evidence (tenant_id, person_id, occurred_on DESC, id);
CREATE INDEX evidence_by_status ON evidence (tenant_id, status);
CREATE TABLE evidence_competency (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    evidence_id   uuid NOT NULL,
    competency_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, evidence_id, competency_id),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, competency_id) REFERENCES framework_competency (tenant_id, id)
);
CREATE INDEX evidence_competency_by_competency ON evidence_competency (tenant_id, competency_id);
--comment: Mutations with an idempotency key: a retry returns the first result; the same key with another request is refused.
CREATE TABLE idempotency_key (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
    operation    text        NOT NULL,
    request_hash text        NOT NULL,
    result_id    uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);
ALTER TABLE evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE evidence FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON evidence
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE evidence_competency ENABLE ROW LEVEL SECURITY;
ALTER TABLE evidence_competency FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON evidence_competency
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_key
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON evidence TO ${app_role};
GRANT SELECT, INSERT, DELETE ON evidence_competency TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${app_role};
