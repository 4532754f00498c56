--liquibase formatted sql

--changeset trellis:017-readiness-summary
--comment: One packed row per person: the readiness the dashboard shows (verdict, score and one status letter per competency key), decided by the application's engine whenever its inputs change, valid until the day time alone would change it (evidence leaving its window, a sustain period ending). Rows missing or past valid_until are decided again when read; revision lets such a read store its result only when no write came in between.
CREATE TABLE readiness_summary (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    person_id       uuid        NOT NULL,
    version_id      uuid        NOT NULL,
    level_id        uuid        NOT NULL,
    verdict         text        NOT NULL CHECK (verdict IN ('READY', 'NEARLY', 'NOT_YET')),
    score           int         NOT NULL CHECK (score BETWEEN 0 AND 100),
    competency_keys text[]      NOT NULL,
    statuses        text        NOT NULL CHECK (statuses ~ '^[MPGN]*$'),
    valid_until     date,
    revision        bigint      NOT NULL DEFAULT 0,
    decided_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, person_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES framework_version (tenant_id, id),
    FOREIGN KEY (tenant_id, level_id) REFERENCES framework_level (tenant_id, id),
    CHECK (cardinality(competency_keys) = length(statuses) AND cardinality(competency_keys) <= 100)
);
ALTER TABLE readiness_summary ENABLE ROW LEVEL SECURITY;
ALTER TABLE readiness_summary FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON readiness_summary
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON readiness_summary TO ${app_role};
