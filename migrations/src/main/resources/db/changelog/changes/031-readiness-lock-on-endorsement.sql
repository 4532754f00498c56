--liquibase formatted sql

--changeset trellis:031-readiness-lock-on-endorsement splitStatements:false
--comment: An item becoming endorsed or no longer endorsed takes its person's readiness lock in the statement that changes it, whatever its competency links (before, only through the cells it changed). The application decides the person's readiness again after that statement and queues on the same lock; it no longer sends a statement of its own to take it.
CREATE OR REPLACE FUNCTION readiness_evidence_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    c uuid;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('readiness:' || NEW.tenant_id::text || ':' || NEW.person_id::text, 0));
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
