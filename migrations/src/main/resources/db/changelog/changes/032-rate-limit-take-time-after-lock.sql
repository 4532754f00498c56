--liquibase formatted sql

--changeset trellis:032-rate-limit-take-time-after-lock splitStatements:false
--comment: rate_limit_take as in 030, but it reads the time after locking the buckets, not before. Read before, a charge that waited for another's row lock wrote an updated_at earlier than the one it replaced, so the next charge leaked the stretch between the two a second time and concurrent callers were admitted a point or two more than the bucket holds plus what it regained. Read after the lock, updated_at moves back only when the clock itself does (then, as in 027, that charge leaks nothing and leaking resumes from the new time).
CREATE OR REPLACE FUNCTION rate_limit_take(
        p_tenant uuid, p_kinds text[], p_buckets text[], p_capacities double precision[],
        p_rates double precision[], p_refunds double precision[], p_cost double precision,
        p_lease double precision)
    RETURNS TABLE (kind text, allowed boolean, level double precision, capacity double precision,
                   restore_rate double precision, leased double precision)
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog, public, pg_temp
    SET lock_timeout = '500ms'
AS $$
#variable_conflict use_column
DECLARE
    v_now timestamptz;
    v_scope text := coalesce(current_setting('trellis.tenant_id', true), '');
    v_locked bigint;
BEGIN
    IF coalesce(trellis_current_tenant(), p_tenant) <> p_tenant THEN
        RAISE EXCEPTION 'rate_limit_take: the transaction belongs to another tenant';
    END IF;
    IF p_lease < 0 OR p_lease > 0.1 THEN
        RAISE EXCEPTION 'rate_limit_take: a lease is a share of capacity between 0 and 0.1';
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
        SELECT p_tenant, k, 0, clock_timestamp() FROM unnest(p_buckets) AS k
         WHERE EXISTS (SELECT 1 FROM tenant t WHERE t.id = p_tenant)
        ON CONFLICT (tenant_id, bucket) DO NOTHING;
        PERFORM 1 FROM rate_limit_bucket b
          WHERE b.tenant_id = p_tenant AND b.bucket = ANY (p_buckets)
          ORDER BY b.bucket
            FOR UPDATE;
    END IF;
    -- The time is read once the rows are locked: a charge that waited for a lock never leaks from before the charge
    -- that held it, so no stretch of time is leaked twice.
    v_now := clock_timestamp();
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
        SELECT bool_and(x.level + least(p_cost, x.capacity) <= x.capacity) AS ok FROM leaked x),
    granted AS (
        SELECT x.kind, x.bucket, x.capacity, x.rate, d.ok,
               x.level + CASE WHEN d.ok THEN least(p_cost, x.capacity) ELSE 0 END AS level,
               floor(x.capacity * p_lease) AS lease
          FROM leaked x, decision d),
    charged AS (
        SELECT g.kind, g.bucket, g.capacity, g.rate, g.ok, g.level,
               CASE WHEN g.ok AND g.lease >= greatest(p_cost, 1) AND g.capacity - g.level >= 3 * g.lease
                    THEN g.lease ELSE 0 END AS leased
          FROM granted g)
    UPDATE rate_limit_bucket b
       SET level = c.level + c.leased,
           updated_at = v_now
      FROM charged c
     WHERE b.tenant_id = p_tenant AND b.bucket = c.bucket
    RETURNING c.kind, c.ok, b.level, c.capacity, c.rate, c.leased;
    PERFORM set_config('trellis.tenant_id', v_scope, true);
END
$$;
