--liquibase formatted sql

--changeset trellis:028-readiness-add splitStatements:false
--comment: An item that becomes endorsed, or an endorsed item newly linked to a competency, is added to its cell instead of the cell being rebuilt from all of the person's endorsed evidence, whose cost grew with every item the person had (3 ms a refresh measured under load). A cell holds the newest 100 endorsed items, so the newest 100 of the cell's items and the new one are exactly what a rebuild would hold. Removals (an item no longer endorsed, unlinked, or its kind, date or person changed while endorsed) still rebuild the cell with readiness_refresh: a full cell does not know its 101st item. Same per-person advisory lock, and the cell is read in a second statement with a fresh snapshot, as in 015; in PL/pgSQL, whose statement plans are kept per session, where a multi-statement SQL function is planned on every call.
CREATE FUNCTION readiness_add(p_tenant uuid, p_person uuid, p_competency uuid, p_id uuid, p_kind text, p_on date)
    RETURNS void
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('readiness:' || p_tenant::text || ':' || p_person::text, 0));
    -- A new statement: a fresh snapshot, which sees what a transaction that held the lock before committed.
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

CREATE OR REPLACE FUNCTION readiness_evidence_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    c uuid;
BEGIN
    FOR c IN SELECT competency_id FROM evidence_competency WHERE tenant_id = NEW.tenant_id AND evidence_id = NEW.id LOOP
        IF OLD.status IS DISTINCT FROM 'ENDORSED' THEN
            -- Newly endorsed: it was in no cell, whoever it belonged to before.
            PERFORM readiness_add(NEW.tenant_id, NEW.person_id, c, NEW.id, NEW.kind, NEW.occurred_on);
        ELSE
            PERFORM readiness_refresh(NEW.tenant_id, NEW.person_id, c);
            IF OLD.person_id <> NEW.person_id THEN
                PERFORM readiness_refresh(OLD.tenant_id, OLD.person_id, c);
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION readiness_link_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    link evidence_competency;
    item record;
BEGIN
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    SELECT person_id, kind, occurred_on INTO item FROM evidence
     WHERE tenant_id = link.tenant_id AND id = link.evidence_id AND status = 'ENDORSED';
    IF FOUND THEN
        IF TG_OP = 'INSERT' THEN
            PERFORM readiness_add(link.tenant_id, item.person_id, link.competency_id, link.evidence_id, item.kind,
                                  item.occurred_on);
        ELSE
            PERFORM readiness_refresh(link.tenant_id, item.person_id, link.competency_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
