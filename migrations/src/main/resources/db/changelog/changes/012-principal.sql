--liquibase formatted sql

--changeset trellis:012-tenant-status-notifies splitStatements:false
--comment: Suspending or reactivating a tenant (no API does it yet: operators do it in SQL) announces it on the channel every instance listens on to drop the tenant's cached sign-ins, as the services do for their own changes. The payload is the tenant id only.
CREATE FUNCTION tenant_status_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_notify('trellis_principal', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER tenant_status_changed
    AFTER UPDATE OF status ON tenant
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION tenant_status_changed();
