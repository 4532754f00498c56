--liquibase formatted sql

--changeset trellis:036-readiness-add-newest-first splitStatements:false
--comment: An item newer than every item of its cell (the usual case: evidence is endorsed soon after it happens) is put first in the cell's arrays, which keep their newest 100, by one UPDATE; before, every addition unnested the cell's 100 items, sorted them with the new one and aggregated the arrays again (an endorsement's costliest statement in PostgreSQL). An item not newest, already in the cell, or a cell not yet stored (or empty) still takes the merge of 028, which gives the same arrays. Same lock, taken first; the UPDATE is a new statement, so it sees what a transaction that held the lock before committed.
CREATE OR REPLACE FUNCTION readiness_add(p_tenant uuid, p_person uuid, p_competency uuid, p_id uuid, p_kind text, p_on date)
    RETURNS void
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('readiness:' || p_tenant::text || ':' || p_person::text, 0));
    -- Newest first: ordered by occurred_on descending, then id ascending, as the merge below orders them.
    UPDATE readiness_cell c
       SET evidence_ids = (p_id || c.evidence_ids)[1:100],
           kinds = (p_kind || c.kinds)[1:100],
           occurred_on = (p_on || c.occurred_on)[1:100],
           latest_on = p_on,
           refreshed_at = now()
     WHERE c.tenant_id = p_tenant AND c.person_id = p_person AND c.competency_id = p_competency
       AND (p_on > c.occurred_on[1] OR (p_on = c.occurred_on[1] AND p_id < c.evidence_ids[1]))
       AND p_id <> ALL (c.evidence_ids);
    IF FOUND THEN
        RETURN;
    END IF;
    INSERT INTO readiness_cell (tenant_id, person_id, competency_id, evidence_ids, kinds, occurred_on, latest_on, refreshed_at)
    SELECT p_tenant, p_person, p_competency,
           array_agg(x.id ORDER BY x.occurred_on DESC, x.id),
           array_agg(x.kind ORDER BY x.occurred_on DESC, x.id),
           array_agg(x.occurred_on ORDER BY x.occurred_on DESC, x.id),
           max(x.occurred_on),
           now()
      FROM (SELECT y.id, y.kind, y.occurred_on
              FROM (SELECT u.id, u.kind, u.occurred_on
                      FROM readiness_cell c,
                           unnest(c.evidence_ids, c.kinds, c.occurred_on) AS u (id, kind, occurred_on)
                     WHERE c.tenant_id = p_tenant AND c.person_id = p_person AND c.competency_id = p_competency
                       AND u.id <> p_id
                    UNION ALL
                    SELECT p_id, p_kind, p_on) y
             ORDER BY y.occurred_on DESC, y.id
             LIMIT 100) x
    ON CONFLICT (tenant_id, person_id, competency_id) DO UPDATE
       SET evidence_ids = EXCLUDED.evidence_ids, kinds = EXCLUDED.kinds, occurred_on = EXCLUDED.occurred_on,
           latest_on = EXCLUDED.latest_on, refreshed_at = EXCLUDED.refreshed_at;
END
$$;
