--liquibase formatted sql

--changeset trellis:018-scim-deleted
--comment: When an identity provider deletes a User through SCIM, the person stays (deactivated, for history) with scim_deleted_at set: SCIM answers 404 for them from then on and leaves them out of every list and filter, so their userName and externalId no longer count as taken and the identity provider can create the user again. A SCIM-deleted person stays deactivated.
ALTER TABLE person
    ADD COLUMN scim_deleted_at timestamptz,
    ADD CONSTRAINT person_scim_deleted_deactivated CHECK (scim_deleted_at IS NULL OR status = 'DEACTIVATED');
DROP INDEX person_user_name;
CREATE UNIQUE INDEX person_user_name ON person (tenant_id, lower(user_name))
    WHERE user_name IS NOT NULL AND scim_deleted_at IS NULL;
DROP INDEX person_external_id;
CREATE UNIQUE INDEX person_external_id ON person (tenant_id, external_id)
    WHERE external_id IS NOT NULL AND scim_deleted_at IS NULL;
