--liquibase formatted sql

--changeset trellis:002-tenant
--comment: Platform table, the root of tenancy (no tenant_id; would be a Citus reference table).
CREATE TABLE tenant (
    id         uuid        NOT NULL PRIMARY KEY,
    slug       text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status     text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON tenant TO ${app_role};

--changeset trellis:002-identity-provider
CREATE TABLE identity_provider (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    id              uuid        NOT NULL,
    display_name    text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    issuer          text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 2000),
    jwk_set_uri     text        CHECK (length(jwk_set_uri) <= 2000),
    audience        text        NOT NULL CHECK (length(audience) BETWEEN 1 AND 500),
    subject_claim   text        NOT NULL DEFAULT 'sub',
    email_claim     text        NOT NULL DEFAULT 'email',
    name_claim      text        NOT NULL DEFAULT 'name',
    roles_claim     text        NOT NULL DEFAULT 'groups',
    role_mappings   jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    keys_rotated_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, issuer)
);
ALTER TABLE identity_provider ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity_provider FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON identity_provider
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
CREATE POLICY platform_operator ON identity_provider
    USING (trellis_is_platform_operator()) WITH CHECK (trellis_is_platform_operator());
-- Lets the SECURITY DEFINER issuer lookup below (which runs as this owner) read across tenants.
CREATE POLICY issuer_resolution ON identity_provider FOR SELECT TO CURRENT_USER USING (true);
GRANT SELECT, INSERT, UPDATE ON identity_provider TO ${app_role};

--changeset trellis:002-identity-providers-by-issuer splitStatements:false
--comment: The one cross-tenant read before authentication: which tenant registered this exact issuer.
CREATE FUNCTION identity_providers_by_issuer(p_issuer text)
    RETURNS TABLE (
        tenant_id       uuid,
        id              uuid,
        issuer          text,
        jwk_set_uri     text,
        audience        text,
        subject_claim   text,
        email_claim     text,
        name_claim      text,
        roles_claim     text,
        role_mappings   jsonb,
        status          text,
        tenant_status   text,
        keys_rotated_at timestamptz
    )
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT ip.tenant_id, ip.id, ip.issuer, ip.jwk_set_uri, ip.audience, ip.subject_claim, ip.email_claim,
           ip.name_claim, ip.roles_claim, ip.role_mappings, ip.status, t.status, ip.keys_rotated_at
      FROM identity_provider ip
      JOIN tenant t ON t.id = ip.tenant_id
     WHERE ip.issuer = p_issuer
$$;

--changeset trellis:002-identity-providers-by-issuer-grant
REVOKE ALL ON FUNCTION identity_providers_by_issuer(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_providers_by_issuer(text) TO ${app_role};

--changeset trellis:002-service-client
--comment: Machine clients (client-credentials tokens) of an identity provider, recognised by their token subject.
CREATE TABLE service_client (
    tenant_id            uuid        NOT NULL REFERENCES tenant (id),
    id                   uuid        NOT NULL,
    identity_provider_id uuid        NOT NULL,
    subject              text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    scopes               text[]      NOT NULL DEFAULT '{}',
    status               text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, identity_provider_id) REFERENCES identity_provider (tenant_id, id),
    UNIQUE (tenant_id, identity_provider_id, subject)
);
ALTER TABLE service_client ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_client FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON service_client
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
CREATE POLICY platform_operator ON service_client
    USING (trellis_is_platform_operator()) WITH CHECK (trellis_is_platform_operator());
GRANT SELECT, INSERT, UPDATE ON service_client TO ${app_role};
