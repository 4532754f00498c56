--liquibase formatted sql

--changeset trellis:006-framework
CREATE TABLE framework (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text        CHECK (length(description) <= 5000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX framework_name ON framework (tenant_id, lower(name));
ALTER TABLE framework ENABLE ROW LEVEL SECURITY;
ALTER TABLE framework FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON framework
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON framework TO ${app_role};

--changeset trellis:006-framework-version
--comment: Drafts are editable, published versions immutable (enforced by the service), retired ones kept for history.
CREATE TABLE framework_version (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    id           uuid        NOT NULL,
    framework_id uuid        NOT NULL,
    number       int         NOT NULL CHECK (number > 0),
    status       text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    guidance     text        CHECK (length(guidance) <= 20000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    retired_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, framework_id) REFERENCES framework (tenant_id, id),
    UNIQUE (tenant_id, framework_id, number)
);
ALTER TABLE framework_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE framework_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON framework_version
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON framework_version TO ${app_role};

--changeset trellis:006-framework-content
CREATE TABLE framework_level (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    version_id uuid NOT NULL,
    position   int  NOT NULL,
    code       text NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,20}$'),
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    job_level  text CHECK (length(job_level) <= 50),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES framework_version (tenant_id, id),
    UNIQUE (tenant_id, version_id, code)
);
CREATE TABLE framework_competency (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    version_id  uuid NOT NULL,
    position    int  NOT NULL,
    key         text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    theme       text NOT NULL CHECK (length(theme) BETWEEN 1 AND 100),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text NOT NULL CHECK (length(description) <= 5000),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES framework_version (tenant_id, id),
    UNIQUE (tenant_id, version_id, key)
);
CREATE TABLE framework_expectation (
    tenant_id             uuid    NOT NULL REFERENCES tenant (id),
    competency_id         uuid    NOT NULL,
    level_id              uuid    NOT NULL,
    description           text    NOT NULL CHECK (length(description) <= 5000),
    examples              text[]  NOT NULL DEFAULT '{}',
    min_endorsed_evidence int     NOT NULL CHECK (min_endorsed_evidence BETWEEN 0 AND 100),
    recency_months        int     NOT NULL CHECK (recency_months BETWEEN 1 AND 120),
    min_distinct_kinds    int     NOT NULL CHECK (min_distinct_kinds BETWEEN 0 AND 10),
    required              boolean NOT NULL,
    PRIMARY KEY (tenant_id, competency_id, level_id),
    FOREIGN KEY (tenant_id, competency_id) REFERENCES framework_competency (tenant_id, id),
    FOREIGN KEY (tenant_id, level_id) REFERENCES framework_level (tenant_id, id)
);
CREATE INDEX framework_expectation_by_level ON framework_expectation (tenant_id, level_id);
ALTER TABLE framework_level ENABLE ROW LEVEL SECURITY;
ALTER TABLE framework_level FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON framework_level
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE framework_competency ENABLE ROW LEVEL SECURITY;
ALTER TABLE framework_competency FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON framework_competency
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE framework_expectation ENABLE ROW LEVEL SECURITY;
ALTER TABLE framework_expectation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON framework_expectation
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON framework_level, framework_competency, framework_expectation TO ${app_role};

--changeset trellis:006-framework-assignment
--comment: Which framework version and levels a person is measured against; rows are never rewritten, a move ends one and starts the next.
CREATE TABLE framework_assignment (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    id              uuid        NOT NULL,
    person_id       uuid        NOT NULL,
    version_id      uuid        NOT NULL,
    current_level_id uuid       NOT NULL,
    target_level_id uuid,
    assigned_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    assigned_by     text        NOT NULL,
    ended_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES framework_version (tenant_id, id),
    FOREIGN KEY (tenant_id, current_level_id) REFERENCES framework_level (tenant_id, id),
    FOREIGN KEY (tenant_id, target_level_id) REFERENCES framework_level (tenant_id, id)
);
CREATE UNIQUE INDEX framework_assignment_current ON framework_assignment (tenant_id, person_id) WHERE ended_at IS NULL;
CREATE INDEX framework_assignment_by_person ON framework_assignment (tenant_id, person_id, assigned_at);
ALTER TABLE framework_assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE framework_assignment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON framework_assignment
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON framework_assignment TO ${app_role};
