--liquibase formatted sql

--changeset trellis:024-housekeeping-grants
--comment: Housekeeping purges old rows in bounded batches: the webhook delivery log (replay protection, kept trellis.housekeeping.retention.webhook-deliveries) and unmatched events an admin dismissed. idempotency_key and outbox_event already allow DELETE; audit_event stays append-only.
GRANT DELETE ON webhook_delivery TO ${app_role};
GRANT DELETE ON unmatched_event TO ${app_role};
