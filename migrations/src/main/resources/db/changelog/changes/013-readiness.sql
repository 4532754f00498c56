--liquibase formatted sql

--changeset trellis:013-readiness-policy
--comment: The readiness policy of a framework version: the share of competencies met for READY, the score for NEARLY, and how many months readiness must hold.
ALTER TABLE framework_version
    ADD COLUMN readiness_min_met_percent int NOT NULL DEFAULT 80 CHECK (readiness_min_met_percent BETWEEN 1 AND 100),
    ADD COLUMN readiness_nearly_percent  int NOT NULL DEFAULT 60 CHECK (readiness_nearly_percent BETWEEN 0 AND 100),
    ADD COLUMN readiness_sustain_months  int NOT NULL DEFAULT 0 CHECK (readiness_sustain_months BETWEEN 0 AND 24);

--changeset trellis:013-promotion-committee-role
ALTER TABLE person DROP CONSTRAINT person_roles_check;
ALTER TABLE person ADD CONSTRAINT person_roles_check
    CHECK (roles <@ ARRAY['TENANT_ADMIN', 'MANAGER', 'ENGINEER', 'PROMOTION_COMMITTEE']::text[]);
ALTER TABLE person DROP CONSTRAINT person_mapped_roles_check;
ALTER TABLE person ADD CONSTRAINT person_mapped_roles_check
    CHECK (mapped_roles <@ ARRAY['TENANT_ADMIN', 'MANAGER', 'ENGINEER', 'PROMOTION_COMMITTEE']::text[]);

--changeset trellis:013-readiness-cell splitStatements:false
--comment: The rollup: per person and competency, the endorsed evidence (newest first, at most 100: more than any rule asks for), kept by triggers in the transaction of every change that could move it. Readiness reads these rows and never aggregates raw evidence; the recency window is applied when read, so the moving window needs no job. readiness_rebuild() recomputes a tenant's rows from the evidence.
CREATE TABLE readiness_cell (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    person_id     uuid        NOT NULL,
    competency_id uuid        NOT NULL,
    evidence_ids  uuid[]      NOT NULL,
    kinds         text[]      NOT NULL,
    occurred_on   date[]      NOT NULL,
    latest_on     date,
    refreshed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, person_id, competency_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, competency_id) REFERENCES framework_competency (tenant_id, id),
    CHECK (cardinality(evidence_ids) = cardinality(kinds) AND cardinality(kinds) = cardinality(occurred_on)),
    CHECK (cardinality(evidence_ids) <= 100)
);
ALTER TABLE readiness_cell ENABLE ROW LEVEL SECURITY;
ALTER TABLE readiness_cell FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON readiness_cell
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON readiness_cell TO ${app_role};

CREATE FUNCTION readiness_refresh(p_tenant uuid, p_person uuid, p_competency uuid) RETURNS void
    LANGUAGE sql
    SET search_path = pg_catalog, public, pg_temp
AS $$
    INSERT INTO readiness_cell (tenant_id, person_id, competency_id, evidence_ids, kinds, occurred_on, latest_on, refreshed_at)
    SELECT p_tenant, p_person, p_competency,
           coalesce(array_agg(x.id ORDER BY x.occurred_on DESC, x.id), '{}'),
           coalesce(array_agg(x.kind ORDER BY x.occurred_on DESC, x.id), '{}'),
           coalesce(array_agg(x.occurred_on ORDER BY x.occurred_on DESC, x.id), '{}'),
           max(x.occurred_on),
           now()
      FROM (SELECT e.id, e.kind, e.occurred_on
              FROM evidence e
              JOIN evidence_competency ec ON ec.tenant_id = e.tenant_id AND ec.evidence_id = e.id
             WHERE e.tenant_id = p_tenant AND e.person_id = p_person AND ec.competency_id = p_competency
               AND e.status = 'ENDORSED'
             ORDER BY e.occurred_on DESC, e.id
             LIMIT 100) x
    ON CONFLICT (tenant_id, person_id, competency_id) DO UPDATE
       SET evidence_ids = EXCLUDED.evidence_ids, kinds = EXCLUDED.kinds, occurred_on = EXCLUDED.occurred_on,
           latest_on = EXCLUDED.latest_on, refreshed_at = EXCLUDED.refreshed_at;
$$;

CREATE FUNCTION readiness_evidence_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    c uuid;
BEGIN
    FOR c IN SELECT competency_id FROM evidence_competency WHERE tenant_id = NEW.tenant_id AND evidence_id = NEW.id LOOP
        PERFORM readiness_refresh(NEW.tenant_id, NEW.person_id, c);
        IF OLD.person_id <> NEW.person_id THEN
            PERFORM readiness_refresh(OLD.tenant_id, OLD.person_id, c);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER readiness_evidence_changed
    AFTER UPDATE ON evidence
    FOR EACH ROW
    WHEN ((OLD.status = 'ENDORSED') IS DISTINCT FROM (NEW.status = 'ENDORSED')
          OR (NEW.status = 'ENDORSED'
              AND (OLD.kind, OLD.occurred_on, OLD.person_id) IS DISTINCT FROM (NEW.kind, NEW.occurred_on, NEW.person_id)))
    EXECUTE FUNCTION readiness_evidence_changed();

CREATE FUNCTION readiness_link_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    link evidence_competency;
    owner uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    SELECT person_id INTO owner FROM evidence
     WHERE tenant_id = link.tenant_id AND id = link.evidence_id AND status = 'ENDORSED';
    IF FOUND THEN
        PERFORM readiness_refresh(link.tenant_id, owner, link.competency_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER readiness_link_changed
    AFTER INSERT OR DELETE ON evidence_competency
    FOR EACH ROW
    EXECUTE FUNCTION readiness_link_changed();

--comment: Recomputes every rollup row of the current tenant from the evidence; returns how many rows it wrote.
CREATE FUNCTION readiness_rebuild() RETURNS int
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    written int := 0;
    cell record;
BEGIN
    DELETE FROM readiness_cell WHERE tenant_id = trellis_current_tenant();
    FOR cell IN SELECT DISTINCT e.tenant_id, e.person_id, ec.competency_id
                  FROM evidence e
                  JOIN evidence_competency ec ON ec.tenant_id = e.tenant_id AND ec.evidence_id = e.id
                 WHERE e.tenant_id = trellis_current_tenant() AND e.status = 'ENDORSED' LOOP
        PERFORM readiness_refresh(cell.tenant_id, cell.person_id, cell.competency_id);
        written := written + 1;
    END LOOP;
    RETURN written;
END
$$;
CREATE INDEX evidence_endorsed_by_person ON evidence (tenant_id, person_id) WHERE status = 'ENDORSED';

--changeset trellis:013-assessments
--comment: An assessment cycle groups self and manager assessments between its dates; reopening a closed cycle is audited.
CREATE TABLE assessment_cycle (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    opens_on   date        NOT NULL,
    closes_on  date        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (closes_on >= opens_on)
);
CREATE UNIQUE INDEX assessment_cycle_name ON assessment_cycle (tenant_id, lower(name));
--comment: One rating per cycle, person, competency and kind (SELF by the person, MANAGER by their management chain), pinned to the framework version and target level it was made against. A new rating replaces the old one in place.
CREATE TABLE assessment (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    id            uuid        NOT NULL,
    cycle_id      uuid        NOT NULL,
    person_id     uuid        NOT NULL,
    competency_id uuid        NOT NULL,
    version_id    uuid        NOT NULL,
    level_id      uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('SELF', 'MANAGER')),
    rating        text        NOT NULL CHECK (rating IN ('BELOW', 'MEETS', 'EXCEEDS')),
    comment       text        CHECK (length(comment) <= 5000),
    assessed_by   uuid        NOT NULL,
    assessed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cycle_id) REFERENCES assessment_cycle (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, competency_id) REFERENCES framework_competency (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES framework_version (tenant_id, id),
    FOREIGN KEY (tenant_id, level_id) REFERENCES framework_level (tenant_id, id),
    FOREIGN KEY (tenant_id, assessed_by) REFERENCES person (tenant_id, id),
    UNIQUE (tenant_id, cycle_id, person_id, competency_id, kind)
);
CREATE INDEX assessment_by_person ON assessment (tenant_id, person_id, assessed_at DESC);
ALTER TABLE assessment_cycle ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_cycle FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assessment_cycle
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE assessment ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assessment
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON assessment_cycle, assessment TO ${app_role};

--changeset trellis:013-readiness-snapshot
--comment: A person's readiness whenever a write changes its inputs (evidence endorsed or withdrawn, an assessment, an assignment), kept only when it differs from the previous one. cells holds per competency key its status and the evidence that counted.
CREATE TABLE readiness_snapshot (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    id         uuid        NOT NULL,
    person_id  uuid        NOT NULL,
    level_id   uuid        NOT NULL,
    verdict    text        NOT NULL CHECK (verdict IN ('READY', 'NEARLY', 'NOT_YET')),
    score      int         NOT NULL CHECK (score BETWEEN 0 AND 100),
    ready      boolean     NOT NULL,
    cells      jsonb       NOT NULL,
    taken_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, level_id) REFERENCES framework_level (tenant_id, id)
);
CREATE INDEX readiness_snapshot_by_person ON readiness_snapshot (tenant_id, person_id, taken_at DESC);
ALTER TABLE readiness_snapshot ENABLE ROW LEVEL SECURITY;
ALTER TABLE readiness_snapshot FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON readiness_snapshot
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT ON readiness_snapshot TO ${app_role};

--changeset trellis:013-promotion-case
--comment: A nomination for promotion to a level: NOMINATED, IN_REVIEW, then APPROVED or DEFERRED with a reason. The readiness explanation and the evidence list are frozen at nomination.
CREATE TABLE promotion_case (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    id              uuid        NOT NULL,
    person_id       uuid        NOT NULL,
    level_id        uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('NOMINATED', 'IN_REVIEW', 'APPROVED', 'DEFERRED')),
    nominated_by    uuid        NOT NULL,
    note            text        CHECK (length(note) <= 5000),
    frozen          jsonb       NOT NULL,
    decision_reason text        CHECK (length(decision_reason) <= 5000),
    decided_by      uuid,
    version         int         NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, level_id) REFERENCES framework_level (tenant_id, id),
    FOREIGN KEY (tenant_id, nominated_by) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, decided_by) REFERENCES person (tenant_id, id),
    CHECK ((status IN ('APPROVED', 'DEFERRED')) = (decision_reason IS NOT NULL AND decided_at IS NOT NULL))
);
--comment: At most one open case per person.
CREATE UNIQUE INDEX promotion_case_one_open ON promotion_case (tenant_id, person_id) WHERE status IN ('NOMINATED', 'IN_REVIEW');
CREATE INDEX promotion_case_open_by_level ON promotion_case (tenant_id, level_id, created_at, id) WHERE status IN ('NOMINATED', 'IN_REVIEW');
CREATE INDEX promotion_case_by_person ON promotion_case (tenant_id, person_id, created_at DESC);
ALTER TABLE promotion_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE promotion_case FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON promotion_case
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON promotion_case TO ${app_role};
