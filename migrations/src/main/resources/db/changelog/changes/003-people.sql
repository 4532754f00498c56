--liquibase formatted sql

--changeset trellis:003-person
CREATE TABLE person (
    tenant_id            uuid        NOT NULL REFERENCES tenant (id),
    id                   uuid        NOT NULL,
    identity_provider_id uuid,
    subject              text        CHECK (length(subject) BETWEEN 1 AND 500),
    email                text        CHECK (length(email) BETWEEN 3 AND 320),
    display_name         text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    roles                text[]      NOT NULL DEFAULT '{ENGINEER}'
                                     CHECK (roles <@ ARRAY['TENANT_ADMIN', 'MANAGER', 'ENGINEER']::text[]),
    status               text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, identity_provider_id) REFERENCES identity_provider (tenant_id, id),
    UNIQUE (tenant_id, identity_provider_id, subject)
);
CREATE INDEX person_by_email ON person (tenant_id, lower(email));
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE person FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON person
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON person TO ${app_role};
