--liquibase formatted sql

--changeset trellis:022-retention-policy
--comment: How long a tenant keeps evidence (by the day the work happened) and audit entries (by when they were recorded); NULL keeps them for ever, which is also what a tenant without a row gets. The scheduled purge deletes what is older, per tenant.
CREATE TABLE retention_policy (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    evidence_days int         CHECK (evidence_days BETWEEN 30 AND 36500),
    audit_days    int         CHECK (audit_days BETWEEN 30 AND 36500),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
ALTER TABLE retention_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retention_policy
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON retention_policy TO ${app_role};
CREATE INDEX evidence_by_occurred ON evidence (tenant_id, occurred_on);

--changeset trellis:022-person-erased
--comment: An erased person keeps their row (other records point at it) with every identifying field cleared; erasure also marks them SCIM-deleted, so their identity provider can provision the same user again only as a new person.
ALTER TABLE person
    ADD COLUMN erased_at timestamptz,
    ADD CONSTRAINT person_erased_deleted CHECK (erased_at IS NULL OR (status = 'DEACTIVATED' AND scim_deleted_at IS NOT NULL));

--changeset trellis:022-erasure-grants
GRANT DELETE ON mentoring_private_note, scim_user_attributes, evidence, incident_responder TO ${app_role};

--changeset trellis:022-audit-expiry-and-redaction splitStatements:false
--comment: The audit trail stays append-only except in two narrow ways, each checked in the database: an entry may be deleted once it is older than its tenant's audit retention period, and its summary (never its action, actor, target or time: the only column granted) may be replaced by the erasure marker {"erased": true}.
CREATE FUNCTION audit_event_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM retention_policy r
                        WHERE r.tenant_id = OLD.tenant_id AND r.audit_days IS NOT NULL
                          AND OLD.occurred_at < now() - make_interval(days => r.audit_days)) THEN
            RAISE EXCEPTION 'permission denied: audit entries are kept until their tenant''s retention period ends'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.summary IS DISTINCT FROM '{"erased": true}'::jsonb THEN
        RAISE EXCEPTION 'permission denied: an audit summary can only be erased'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_guard
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW
    EXECUTE FUNCTION audit_event_guard();
GRANT DELETE ON audit_event TO ${app_role};
GRANT UPDATE (summary) ON audit_event TO ${app_role};
