--liquibase formatted sql

--changeset trellis:021-rate-limit-tables
--comment: Leaky buckets of the rate limits (GraphQL per tenant and per caller, SCIM per credential, webhooks per endpoint), shared by every instance, and per-tenant overrides of their configured sizes. Tenant data like any other: tenant-led keys, forced row-level security.
CREATE TABLE rate_limit_bucket (
    tenant_id  uuid             NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    bucket     text             NOT NULL,
    level      double precision NOT NULL,
    updated_at timestamptz      NOT NULL,
    PRIMARY KEY (tenant_id, bucket)
);
CREATE TABLE rate_limit_override (
    tenant_id    uuid   NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    kind         text   NOT NULL CHECK (kind IN ('graphql_tenant', 'graphql_actor', 'scim', 'webhooks')),
    capacity     bigint NOT NULL CHECK (capacity > 0),
    restore_rate bigint NOT NULL CHECK (restore_rate > 0),
    PRIMARY KEY (tenant_id, kind)
);
ALTER TABLE rate_limit_bucket ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_bucket FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rate_limit_bucket
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
ALTER TABLE rate_limit_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_override FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rate_limit_override
    USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant());
GRANT SELECT, INSERT, UPDATE ON rate_limit_bucket TO ${app_role};
GRANT SELECT ON rate_limit_override TO ${app_role};

--changeset trellis:021-rate-limit-take splitStatements:false
--comment: Charges a request to one or more leaky buckets of one tenant in one call (one round trip, autocommitted): all of them or none. The tenant scope is the function's own (transaction-local, so it ends with the call's implicit transaction); inside a transaction of another tenant it refuses. Rows are locked in key order (no deadlock between two requests of one tenant), then leaked by restore rate x seconds since they were last touched (clock_timestamp(): one clock, the database's, for every instance), refunded what earlier requests did not use, and charged the cost (at most the capacity) only if every bucket has room. A lost commit loses a few milliseconds of counting, so it does not wait for the WAL flush.
CREATE FUNCTION rate_limit_take(
        p_tenant uuid, p_kinds text[], p_buckets text[], p_capacities double precision[],
        p_rates double precision[], p_refunds double precision[], p_cost double precision)
    RETURNS TABLE (kind text, allowed boolean, level double precision, capacity double precision,
                   restore_rate double precision)
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog, public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_now timestamptz := clock_timestamp();
BEGIN
    IF coalesce(trellis_current_tenant(), p_tenant) <> p_tenant THEN
        RAISE EXCEPTION 'rate_limit_take: the transaction belongs to another tenant';
    END IF;
    PERFORM set_config('trellis.tenant_id', p_tenant::text, true);
    PERFORM set_config('synchronous_commit', 'off', true);
    INSERT INTO rate_limit_bucket (tenant_id, bucket, level, updated_at)
    SELECT p_tenant, k, 0, v_now FROM unnest(p_buckets) AS k
     WHERE EXISTS (SELECT 1 FROM tenant t WHERE t.id = p_tenant)
    ON CONFLICT (tenant_id, bucket) DO NOTHING;
    PERFORM 1 FROM rate_limit_bucket b
      WHERE b.tenant_id = p_tenant AND b.bucket = ANY (p_buckets)
      ORDER BY b.bucket
        FOR UPDATE;
    -- A new statement: a fresh snapshot, which sees the rows as they were when this call locked them.
    RETURN QUERY
    WITH leaked AS (
        SELECT w.kind, w.bucket, coalesce(o.capacity, w.capacity)::double precision AS capacity,
               coalesce(o.restore_rate, w.rate)::double precision AS rate,
               greatest(0, b.level - w.refund
                   - coalesce(o.restore_rate, w.rate) * extract(epoch FROM v_now - b.updated_at)) AS level
          FROM unnest(p_kinds, p_buckets, p_capacities, p_rates, p_refunds) AS w (kind, bucket, capacity, rate, refund)
          JOIN rate_limit_bucket b ON b.tenant_id = p_tenant AND b.bucket = w.bucket
          LEFT JOIN rate_limit_override o ON o.tenant_id = p_tenant AND o.kind = w.kind),
    decision AS (
        SELECT bool_and(x.level + least(p_cost, x.capacity) <= x.capacity) AS ok FROM leaked x)
    UPDATE rate_limit_bucket b
       SET level = x.level + CASE WHEN d.ok THEN least(p_cost, x.capacity) ELSE 0 END,
           updated_at = v_now
      FROM leaked x, decision d
     WHERE b.tenant_id = p_tenant AND b.bucket = x.bucket
    RETURNING x.kind, d.ok, b.level, x.capacity, x.rate;
END
$$;
