--liquibase formatted sql

--changeset trellis:007-draft-content-delete
--comment: Draft content can be replaced wholesale; the service only ever deletes content of DRAFT versions.
GRANT DELETE ON framework_level, framework_competency, framework_expectation TO ${app_role};
