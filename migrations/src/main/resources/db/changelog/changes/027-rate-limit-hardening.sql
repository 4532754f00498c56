--liquibase formatted sql

--changeset trellis:027-rate-limit-bucket-purge
--comment: Housekeeping deletes idle buckets that have leaked back to empty (a missing row and an empty one count alike), so rows created by callers who went away do not accumulate.
GRANT DELETE ON rate_limit_bucket TO ${app_role};

--changeset trellis:027-rate-limit-take-hardening splitStatements:false
--comment: rate_limit_take as in 021, with three changes. It waits at most 500 ms for a bucket's row lock (lock_timeout, restored when it returns; the caller decides what a timeout means). It gives the transaction back the tenant scope it found (an empty one stays empty), so a caller inside a transaction is not left scoped to the tenant it charged. And a clock that went backwards (a failover to a server whose clock is behind) leaks nothing instead of raising levels.
CREATE OR REPLACE FUNCTION rate_limit_take(
        p_tenant uuid, p_kinds text[], p_buckets text[], p_capacities double precision[],
        p_rates double precision[], p_refunds double precision[], p_cost double precision)
    RETURNS TABLE (kind text, allowed boolean, level double precision, capacity double precision,
                   restore_rate double precision)
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog, public, pg_temp
    SET lock_timeout = '500ms'
AS $$
#variable_conflict use_column
DECLARE
    v_now timestamptz := clock_timestamp();
    v_scope text := coalesce(current_setting('trellis.tenant_id', true), '');
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
                   - coalesce(o.restore_rate, w.rate)
                     * greatest(0, extract(epoch FROM v_now - b.updated_at))) AS level
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
    PERFORM set_config('trellis.tenant_id', v_scope, true);
END
$$;
