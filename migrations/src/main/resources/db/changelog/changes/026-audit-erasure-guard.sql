--liquibase formatted sql

--changeset trellis:026-audit-by-ref
--comment: Erasure and export find a person's audit entries by target and by actor reference, within their tenant.
CREATE INDEX audit_event_by_target ON audit_event (tenant_id, target_ref);
CREATE INDEX audit_event_by_actor ON audit_event (tenant_id, actor_ref);
CREATE INDEX person_by_erased_at ON person (tenant_id, erased_at) WHERE erased_at IS NOT NULL;

--changeset trellis:026-audit-summary-has-value splitStatements:false
--comment: Whether an audit summary holds one of the given texts as a JSON string value (never a key, never a substring), case-insensitively: the one definition of "the summary names the person" used by erasure and by the audit guard.
CREATE FUNCTION audit_summary_has_value(summary jsonb, texts text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1
                     FROM jsonb_path_query(summary, 'strict $.** ? (@.type() == "string")') v
                    WHERE lower(v #>> '{}') IN (SELECT lower(t) FROM unnest(texts) t WHERE t IS NOT NULL))
$$;
REVOKE ALL ON FUNCTION audit_summary_has_value(jsonb, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_summary_has_value(jsonb, text[]) TO ${app_role};

--changeset trellis:026-audit-guard splitStatements:false
--comment: Narrows the two exceptions to the append-only audit trail (022). A summary may become {"erased": true} only for an erased person (erased_at set): an entry whose target or actor is that person, or whose target is their evidence, promotion case or external account; or, while they are being erased (erased_at is this transaction's time, their identifying fields not yet cleared), an entry recorded since they were created whose summary holds one of their names, email, user name, external id or account names as a string value. An entry may be deleted only once it is older than greatest(its tenant's audit period, 365 days), and never the records of retention changes and erasures (tenant.retention-set, person.erased).
CREATE OR REPLACE FUNCTION audit_event_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    refs uuid[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.action IN ('tenant.retention-set', 'person.erased')
           OR NOT EXISTS (SELECT 1 FROM retention_policy r
                           WHERE r.tenant_id = OLD.tenant_id AND r.audit_days IS NOT NULL
                             AND OLD.occurred_at < now() - make_interval(days => greatest(r.audit_days, 365))) THEN
            RAISE EXCEPTION 'permission denied: audit entries are kept until their tenant''s retention period ends'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.summary IS DISTINCT FROM '{"erased": true}'::jsonb THEN
        RAISE EXCEPTION 'permission denied: an audit summary can only be erased'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.summary = NEW.summary THEN
        RETURN NEW;
    END IF;
    refs := ARRAY(SELECT r::uuid FROM unnest(ARRAY[OLD.target_ref, OLD.actor_ref]) r
                   WHERE r ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
    IF EXISTS (SELECT 1 FROM person p
                WHERE p.tenant_id = OLD.tenant_id AND p.erased_at IS NOT NULL
                  AND (p.id = ANY (refs)
                       OR p.id IN (SELECT e.person_id FROM evidence e WHERE e.tenant_id = OLD.tenant_id AND e.id = ANY (refs))
                       OR p.id IN (SELECT c.person_id FROM promotion_case c WHERE c.tenant_id = OLD.tenant_id AND c.id = ANY (refs))
                       OR p.id IN (SELECT a.person_id FROM external_account a WHERE a.tenant_id = OLD.tenant_id AND a.id = ANY (refs))))
       OR EXISTS (SELECT 1 FROM person p
                   WHERE p.tenant_id = OLD.tenant_id AND p.erased_at = now() AND OLD.occurred_at >= p.created_at
                     AND audit_summary_has_value(OLD.summary,
                             ARRAY[p.display_name, p.email, p.user_name, p.external_id]
                             || ARRAY(SELECT a.account FROM external_account a
                                       WHERE a.tenant_id = p.tenant_id AND a.person_id = p.id))) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'permission denied: only audit entries about an erased person can be erased'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
