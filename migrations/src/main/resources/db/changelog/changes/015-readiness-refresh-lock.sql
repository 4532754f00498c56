--liquibase formatted sql

--changeset trellis:015-readiness-refresh-lock splitStatements:false
--comment: Two transactions endorsing items of the same person and competency at once each rebuilt the cell from a snapshot taken before the other committed, so the later write lost the earlier item. Refreshes of one person now queue on a transaction-scoped advisory lock, and the rebuild runs as a second statement, which (the function being VOLATILE, in READ COMMITTED) takes a fresh snapshot that sees the other transaction's commit.
CREATE OR REPLACE FUNCTION readiness_refresh(p_tenant uuid, p_person uuid, p_competency uuid) RETURNS void
    LANGUAGE sql
    VOLATILE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('readiness:' || p_tenant::text || ':' || p_person::text, 0));
    INSERT INTO readiness_cell (tenant_id, person_id, competency_id, evidence_ids, kinds, occurred_on, latest_on, refreshed_at)
    SELECT p_tenant, p_person, p_competency,
           coalesce(array_agg(x.id ORDER BY x.occurred_on DESC, x.id), '{}'),
           coalesce(array_agg(x.kind ORDER BY x.occurred_on DESC, x.id), '{}'),
           coalesce(array_agg(x.occurred_on ORDER BY x.occurred_on DESC, x.id), '{}'),
           max(x.occurred_on),
           now()
      FROM (SELECT e.id, e.kind, e.occurred_on
              FROM evidence e
              JOIN evidence_competency ec ON ec.tenant_id = e.tenant_id AND ec.evidence_id = e.id
             WHERE e.tenant_id = p_tenant AND e.person_id = p_person AND ec.competency_id = p_competency
               AND e.status = 'ENDORSED'
             ORDER BY e.occurred_on DESC, e.id
             LIMIT 100) x
    ON CONFLICT (tenant_id, person_id, competency_id) DO UPDATE
       SET evidence_ids = EXCLUDED.evidence_ids, kinds = EXCLUDED.kinds, occurred_on = EXCLUDED.occurred_on,
           latest_on = EXCLUDED.latest_on, refreshed_at = EXCLUDED.refreshed_at;
$$;
