--liquibase formatted sql

--changeset trellis:010-mentoring
ALTER TABLE evidence DROP CONSTRAINT evidence_source_check;
ALTER TABLE evidence ADD CONSTRAINT evidence_source_check
    CHECK (source IN ('MANUAL', 'GITHUB', 'PAGERDUTY', 'API_IMPORT', 'MENTORING'));

--comment: A mentor-mentee pairing. A proposal not accepted by respond_by has lapsed (read as LAPSED at once,
--comment: written as LAPSED by the next write that touches the pair).
CREATE TABLE mentorship (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    id           uuid        NOT NULL,
    mentor_id    uuid        NOT NULL,
    mentee_id    uuid        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PROPOSED', 'ACTIVE', 'DECLINED', 'LAPSED', 'COMPLETED', 'ENDED')),
    proposed_by  uuid        NOT NULL,
    note         text        CHECK (length(note) <= 2000),
    respond_by   timestamptz NOT NULL,
    responded_at timestamptz,
    started_at   timestamptz,
    finished_at  timestamptz,
    closing_note text        CHECK (length(closing_note) <= 5000),
    version      int         NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, mentor_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, mentee_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, proposed_by) REFERENCES person (tenant_id, id),
    CHECK (mentor_id <> mentee_id)
);
--comment: At most one open (proposed or active) pairing between the same two people, whichever way round.
CREATE UNIQUE INDEX mentorship_one_open ON mentorship
    (tenant_id, least(mentor_id, mentee_id), greatest(mentor_id, mentee_id)) WHERE status IN ('PROPOSED', 'ACTIVE');
CREATE INDEX mentorship_by_mentor ON mentorship (tenant_id, mentor_id, status);
CREATE INDEX mentorship_by_mentee ON mentorship (tenant_id, mentee_id, status);

CREATE TABLE mentorship_focus (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    mentorship_id uuid NOT NULL,
    competency_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, mentorship_id, competency_id),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorship (tenant_id, id),
    FOREIGN KEY (tenant_id, competency_id) REFERENCES framework_competency (tenant_id, id)
);

--comment: How many active mentees a person takes at most; people without a row have the configured default.
CREATE TABLE mentor_capacity (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    person_id  uuid        NOT NULL,
    capacity   int         NOT NULL CHECK (capacity BETWEEN 0 AND 20),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, person_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

CREATE TABLE mentoring_goal (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    id            uuid        NOT NULL,
    mentorship_id uuid        NOT NULL,
    competency_id uuid        NOT NULL,
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text        NOT NULL CHECK (length(description) <= 5000),
    target_date   date,
    status        text        NOT NULL CHECK (status IN ('OPEN', 'ACHIEVED', 'DROPPED')),
    evidence_id   uuid,
    created_by    uuid        NOT NULL,
    version       int         NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorship (tenant_id, id),
    FOREIGN KEY (tenant_id, competency_id) REFERENCES framework_competency (tenant_id, id),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES person (tenant_id, id)
);
CREATE INDEX mentoring_goal_by_mentorship ON mentoring_goal (tenant_id, mentorship_id);

CREATE TABLE mentoring_session (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    mentorship_id    uuid        NOT NULL,
    held_on          date        NOT NULL,
    duration_minutes int         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    shared_notes     text        NOT NULL CHECK (length(shared_notes) <= 20000),
    logged_by        uuid        NOT NULL,
    evidence_id      uuid,
    idempotency_key  text        CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorship (tenant_id, id),
    FOREIGN KEY (tenant_id, logged_by) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, evidence_id) REFERENCES evidence (tenant_id, id)
);
CREATE INDEX mentoring_session_by_mentorship ON mentoring_session (tenant_id, mentorship_id, held_on DESC);
--comment: A retried logMentoringSession with the same key finds the first session instead of logging a second.
CREATE UNIQUE INDEX mentoring_session_idempotent ON mentoring_session (tenant_id, mentorship_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

--comment: A note on a session that only its author ever reads (one per author and session).
CREATE TABLE mentoring_private_note (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    session_id uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, session_id, author_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES mentoring_session (tenant_id, id),
    FOREIGN KEY (tenant_id, author_id) REFERENCES person (tenant_id, id)
);

CREATE TABLE mentoring_action (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    session_id  uuid        NOT NULL,
    position    int         NOT NULL,
    description text        NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    done        boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES mentoring_session (tenant_id, id)
);
CREATE INDEX mentoring_action_by_session ON mentoring_action (tenant_id, session_id, position);

ALTER TABLE mentorship ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentorship FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentorship
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE mentorship_focus ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentorship_focus FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentorship_focus
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE mentor_capacity ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentor_capacity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentor_capacity
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE mentoring_goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentoring_goal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentoring_goal
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE mentoring_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentoring_session FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentoring_session
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE mentoring_private_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentoring_private_note FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentoring_private_note
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE mentoring_action ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentoring_action FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentoring_action
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON mentorship TO ${app_role};
GRANT SELECT, INSERT ON mentorship_focus TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON mentor_capacity TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON mentoring_goal TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON mentoring_session TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON mentoring_private_note TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON mentoring_action TO ${app_role};
