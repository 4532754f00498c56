--liquibase formatted sql

--changeset trellis:033-readiness-snapshot-on-move
--comment: A snapshot records its competency keys and one status letter per key (M, P, G, N, as readiness_summary does), so that whether readiness moved is decided from a few bytes instead of the cells' evidence lists, which grow to 100 ids per competency: a snapshot is now taken when the level, verdict, score, readiness today or any competency's status moves, not when only the evidence counted changes. Snapshots taken before have neither (null): the next decision for the person compares unequal and takes one.
ALTER TABLE readiness_snapshot
    ADD COLUMN competency_keys text[],
    ADD COLUMN statuses text CHECK (statuses ~ '^[MPGN]*$'),
    ADD CONSTRAINT readiness_snapshot_statuses_per_key
        CHECK (cardinality(competency_keys) = length(statuses));
