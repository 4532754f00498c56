--liquibase formatted sql

--changeset trellis:016-scim-user-attributes
--comment: SCIM attributes Trellis keeps only for the identity provider that sent them: the name's parts (givenName, familyName, middleName, honorifics) and the enterprise extension's employeeNumber, department, costCenter, organization and division. The person's displayName stays the profile Trellis shows.
CREATE TABLE scim_user_attributes (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    person_id  uuid        NOT NULL,
    name       jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(name) = 'object' AND octet_length(name::text) <= 4000),
    enterprise jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(enterprise) = 'object' AND octet_length(enterprise::text) <= 4000),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, person_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
ALTER TABLE scim_user_attributes ENABLE ROW LEVEL SECURITY;
ALTER TABLE scim_user_attributes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scim_user_attributes
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON scim_user_attributes TO ${app_role};
