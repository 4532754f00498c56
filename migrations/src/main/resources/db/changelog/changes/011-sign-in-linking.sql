--liquibase formatted sql

--changeset trellis:011-sign-in-policy
--comment: Per-provider sign-in policy. Just-in-time provisioning (on by default), linking by verified email (off by default), and the claims that mark a token as a machine's (client credentials), defaulting to the shapes Keycloak, Okta, Entra ID and Auth0 issue.
ALTER TABLE identity_provider
    ADD COLUMN jit_provisioning        boolean NOT NULL DEFAULT true,
    ADD COLUMN trust_email_for_linking boolean NOT NULL DEFAULT false,
    ADD COLUMN machine_token_rules     jsonb   NOT NULL DEFAULT
        '[{"claim": "client_id"}, {"claim": "clientId"}, {"claim": "idtyp", "value": "app"},
          {"claim": "cid", "sameAsClaim": "sub"}, {"claim": "gty", "value": "client-credentials"}]'
        CHECK (jsonb_typeof(machine_token_rules) = 'array' AND jsonb_array_length(machine_token_rules) <= 20);

--changeset trellis:011-identity-providers-by-issuer-v2 splitStatements:false
--comment: The issuer lookup also returns the sign-in policy. pg_temp is named last in its search_path: PostgreSQL otherwise searches temporary tables first, so a caller's temporary identity_provider table could shadow the real one.
DROP FUNCTION identity_providers_by_issuer(text);
CREATE FUNCTION identity_providers_by_issuer(p_issuer text)
    RETURNS TABLE (
        tenant_id               uuid,
        id                      uuid,
        issuer                  text,
        jwk_set_uri             text,
        audience                text,
        subject_claim           text,
        email_claim             text,
        name_claim              text,
        roles_claim             text,
        role_mappings           jsonb,
        status                  text,
        tenant_status           text,
        keys_rotated_at         timestamptz,
        jit_provisioning        boolean,
        trust_email_for_linking boolean,
        machine_token_rules     jsonb
    )
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT ip.tenant_id, ip.id, ip.issuer, ip.jwk_set_uri, ip.audience, ip.subject_claim, ip.email_claim,
           ip.name_claim, ip.roles_claim, ip.role_mappings, ip.status, t.status, ip.keys_rotated_at,
           ip.jit_provisioning, ip.trust_email_for_linking, ip.machine_token_rules
      FROM identity_provider ip
      JOIN tenant t ON t.id = ip.tenant_id
     WHERE ip.issuer = p_issuer
$$;

--changeset trellis:011-identity-providers-by-issuer-v2-grant
REVOKE ALL ON FUNCTION identity_providers_by_issuer(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_providers_by_issuer(text) TO ${app_role};

--changeset trellis:011-issuer-claim
--comment: Platform table (a Citus reference table, like tenant): one row per issuer any tenant registered. Its primary key makes two concurrent registrations of one issuer impossible. It names no tenant; the runtime role may only insert.
CREATE TABLE issuer_claim (
    issuer     text        NOT NULL PRIMARY KEY CHECK (length(issuer) BETWEEN 1 AND 2000),
    claimed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO issuer_claim (issuer) SELECT DISTINCT issuer FROM identity_provider;
GRANT INSERT ON issuer_claim TO ${app_role};

--changeset trellis:011-person-sources
--comment: Where a person's profile and roles come from. roles are granted in Trellis (tenant admins); mapped_roles come from the identity provider's role mappings at the person's last sign-in; effective roles are ENGINEER, roles and mapped_roles together. profile_source says who owns the profile: sign-in refreshes it only for people it created. provisioned_identity_provider_id names the provider a SCIM credential bound to it provisioned the person for: their externalId is that provider's subject.
ALTER TABLE person
    ADD COLUMN mapped_roles  text[] NOT NULL DEFAULT '{}'
                             CHECK (mapped_roles <@ ARRAY['TENANT_ADMIN', 'MANAGER', 'ENGINEER']::text[]),
    ADD COLUMN profile_source text  NOT NULL DEFAULT 'ADMIN' CHECK (profile_source IN ('ADMIN', 'SCIM', 'SIGN_IN')),
    ADD COLUMN provisioned_identity_provider_id uuid,
    ADD CONSTRAINT person_provisioned_identity_provider_fk
        FOREIGN KEY (tenant_id, provisioned_identity_provider_id) REFERENCES identity_provider (tenant_id, id);
CREATE INDEX person_by_provisioned_identity_provider
    ON person (tenant_id, provisioned_identity_provider_id) WHERE provisioned_identity_provider_id IS NOT NULL;

--changeset trellis:011-scim-credential-provider
--comment: A SCIM credential may be bound to the identity provider its people sign in with.
ALTER TABLE scim_credential
    ADD COLUMN identity_provider_id uuid,
    ADD CONSTRAINT scim_credential_identity_provider_fk
        FOREIGN KEY (tenant_id, identity_provider_id) REFERENCES identity_provider (tenant_id, id);
CREATE INDEX scim_credential_by_identity_provider
    ON scim_credential (tenant_id, identity_provider_id) WHERE identity_provider_id IS NOT NULL;

--changeset trellis:011-person-sources-backfill
--comment: Existing people: an external id means SCIM provisioned them, an identity-provider account alone means sign-in created them. Forced row security also binds this owner, so it is lifted for this transaction only.
ALTER TABLE person NO FORCE ROW LEVEL SECURITY;
ALTER TABLE external_account NO FORCE ROW LEVEL SECURITY;
UPDATE person p
   SET profile_source = CASE
       WHEN p.external_id IS NOT NULL THEN 'SCIM'
       WHEN EXISTS (SELECT 1 FROM external_account a
                     WHERE a.tenant_id = p.tenant_id AND a.person_id = p.id AND a.provider = 'IDENTITY_PROVIDER')
           THEN 'SIGN_IN'
       ELSE 'ADMIN' END;
ALTER TABLE person FORCE ROW LEVEL SECURITY;
ALTER TABLE external_account FORCE ROW LEVEL SECURITY;
