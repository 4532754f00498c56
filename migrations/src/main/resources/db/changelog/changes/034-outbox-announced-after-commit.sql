--liquibase formatted sql

--changeset trellis:034-outbox-announced-after-commit
--comment: Outbox events are announced on trellis_outbox by the application after their transaction commits, several in one notification (api outbox/OutboxAnnouncer), no longer by a NOTIFY per row inside the writing transaction: PostgreSQL serialises the commits of transactions that notify, WAL flush included.
DROP TRIGGER outbox_event_notify ON outbox_event;
DROP FUNCTION trellis_outbox_notify();
