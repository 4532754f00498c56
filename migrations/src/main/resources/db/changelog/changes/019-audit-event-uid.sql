--liquibase formatted sql

--changeset trellis:019-audit-event-uid
--comment: Every audit event gets a UUID for its global id (the API's one kind of id); the sequence stays the order's tiebreak.
ALTER TABLE audit_event ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX audit_event_by_uid ON audit_event (tenant_id, uid);
