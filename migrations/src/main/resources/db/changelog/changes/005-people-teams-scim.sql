--liquibase formatted sql

--changeset trellis:005-person-profile
ALTER TABLE person
    ADD COLUMN title       text CHECK (length(title) BETWEEN 1 AND 200),
    ADD COLUMN time_zone   text CHECK (length(time_zone) BETWEEN 1 AND 64),
    ADD COLUMN manager_id  uuid,
    ADD COLUMN user_name   text CHECK (length(user_name) BETWEEN 1 AND 320),
    ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 500),
    ADD CONSTRAINT person_manager_fk FOREIGN KEY (tenant_id, manager_id) REFERENCES person (tenant_id, id),
    ADD CONSTRAINT person_not_own_manager CHECK (manager_id <> id);
CREATE UNIQUE INDEX person_user_name ON person (tenant_id, lower(user_name)) WHERE user_name IS NOT NULL;
CREATE UNIQUE INDEX person_external_id ON person (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX person_by_manager ON person (tenant_id, manager_id);
CREATE INDEX person_by_name ON person (tenant_id, lower(display_name), id);

--changeset trellis:005-external-account
--comment: A person's accounts elsewhere (identity-provider subject, GitHub login, PagerDuty user), unique per tenant and provider.
CREATE TABLE external_account (
    tenant_id            uuid        NOT NULL REFERENCES tenant (id),
    id                   uuid        NOT NULL,
    person_id            uuid        NOT NULL,
    provider             text        NOT NULL CHECK (provider IN ('IDENTITY_PROVIDER', 'GITHUB', 'PAGERDUTY')),
    identity_provider_id uuid,
    account              text        NOT NULL CHECK (length(account) BETWEEN 1 AND 500),
    provider_key         text        NOT NULL GENERATED ALWAYS AS (
                                         CASE WHEN identity_provider_id IS NULL THEN provider
                                              ELSE 'IDENTITY_PROVIDER:' || identity_provider_id::text END) STORED,
    created_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, identity_provider_id) REFERENCES identity_provider (tenant_id, id),
    CHECK ((provider = 'IDENTITY_PROVIDER') = (identity_provider_id IS NOT NULL)),
    UNIQUE (tenant_id, provider_key, account)
);
CREATE INDEX external_account_by_person ON external_account (tenant_id, person_id);
ALTER TABLE external_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE external_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON external_account
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON external_account TO ${app_role};

--changeset trellis:005-move-sign-in-subjects
--comment: Sign-in subjects move from person to external_account. Forced row security also binds this owner, so it is lifted for this transaction only.
ALTER TABLE person NO FORCE ROW LEVEL SECURITY;
ALTER TABLE external_account NO FORCE ROW LEVEL SECURITY;
INSERT INTO external_account (tenant_id, id, person_id, provider, identity_provider_id, account, created_at)
SELECT tenant_id, gen_random_uuid(), id, 'IDENTITY_PROVIDER', identity_provider_id, subject, created_at
  FROM person WHERE subject IS NOT NULL AND identity_provider_id IS NOT NULL;
ALTER TABLE person DROP COLUMN subject, DROP COLUMN identity_provider_id;
ALTER TABLE person FORCE ROW LEVEL SECURITY;
ALTER TABLE external_account FORCE ROW LEVEL SECURITY;

--changeset trellis:005-team
CREATE TABLE team (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id   uuid,
    external_id text        CHECK (length(external_id) BETWEEN 1 AND 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES team (tenant_id, id),
    CHECK (parent_id <> id)
);
CREATE UNIQUE INDEX team_name ON team (tenant_id, lower(name));
CREATE UNIQUE INDEX team_external_id ON team (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX team_by_parent ON team (tenant_id, parent_id);
ALTER TABLE team ENABLE ROW LEVEL SECURITY;
ALTER TABLE team FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON team TO ${app_role};

--changeset trellis:005-team-member
--comment: Membership and management of teams; a person may belong to several teams and manage some.
CREATE TABLE team_member (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    team_id    uuid        NOT NULL,
    person_id  uuid        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('MEMBER', 'MANAGER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, team_id, person_id, role),
    FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX team_member_by_person ON team_member (tenant_id, person_id);
ALTER TABLE team_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_member
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON team_member TO ${app_role};

--changeset trellis:005-scim-credential
--comment: Per-tenant SCIM bearer credentials, stored as SHA-256 of a 256-bit random secret; the secret is shown once.
CREATE TABLE scim_credential (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    id           uuid        NOT NULL,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    secret_hash  text        NOT NULL,
    secret_hint  text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, secret_hash)
);
ALTER TABLE scim_credential ENABLE ROW LEVEL SECURITY;
ALTER TABLE scim_credential FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scim_credential
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON scim_credential TO ${app_role};
