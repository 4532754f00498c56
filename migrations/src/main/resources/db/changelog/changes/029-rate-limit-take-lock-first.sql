--liquibase formatted sql

--changeset trellis:029-rate-limit-take-lock-first splitStatements:false
--comment: rate_limit_take as in 027, but it locks the buckets that exist first and creates missing ones only when some are missing (a caller's first charge, or the first after housekeeping purged an idle bucket), instead of trying to insert every bucket on every charge: the insert's conflict check cost about a fifth of each charge. Locks are still taken in bucket order.
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
    v_locked bigint;
BEGIN
    IF coalesce(trellis_current_tenant(), p_tenant) <> p_tenant THEN
        RAISE EXCEPTION 'rate_limit_take: the transaction belongs to another tenant';
    END IF;
    PERFORM set_config('trellis.tenant_id', p_tenant::text, true);
    PERFORM set_config('synchronous_commit', 'off', true);
    PERFORM 1 FROM rate_limit_bucket b
      WHERE b.tenant_id = p_tenant AND b.bucket = ANY (p_buckets)
      ORDER BY b.bucket
        FOR UPDATE;
    GET DIAGNOSTICS v_locked = ROW_COUNT;
    IF v_locked < cardinality(p_buckets) THEN
        -- A caller's first charge since their bucket was purged: create what is missing, then lock in order.
        INSERT INTO rate_limit_bucket (tenant_id, bucket, level, updated_at)
        SELECT p_tenant, k, 0, v_now FROM unnest(p_buckets) AS k
         WHERE EXISTS (SELECT 1 FROM tenant t WHERE t.id = p_tenant)
        ON CONFLICT (tenant_id, bucket) DO NOTHING;
        PERFORM 1 FROM rate_limit_bucket b
          WHERE b.tenant_id = p_tenant AND b.bucket = ANY (p_buckets)
          ORDER BY b.bucket
            FOR UPDATE;
    END IF;
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
