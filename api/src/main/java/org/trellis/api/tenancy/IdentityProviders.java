package org.trellis.api.tenancy;

import static org.trellis.persistence.jooq.Tables.IDENTITY_PROVIDER;
import static org.trellis.persistence.jooq.Tables.IDENTITY_PROVIDERS_BY_ISSUER;
import static org.trellis.persistence.jooq.Tables.ISSUER_CLAIM;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.trellis.persistence.jooq.tables.records.IdentityProviderRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Identity providers of the transaction's tenant, and the one cross-tenant lookup by issuer. */
@Repository
class IdentityProviders {

    private static final TypeReference<List<RoleMapping>> ROLE_MAPPINGS = new TypeReference<>() {};
    private static final TypeReference<List<MachineTokenRule>> MACHINE_RULES = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    IdentityProviders(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Every registration of this exact issuer in any tenant, through the SECURITY DEFINER function. */
    List<IssuerRegistration> findByIssuer(String issuer) {
        var f = IDENTITY_PROVIDERS_BY_ISSUER.call(issuer);
        return db.selectFrom(f)
                .fetch(row -> new IssuerRegistration(
                        row.get(f.TENANT_ID),
                        row.get(f.ID),
                        row.get(f.ISSUER),
                        row.get(f.JWK_SET_URI),
                        row.get(f.AUDIENCE),
                        new ClaimMappings(
                                row.get(f.SUBJECT_CLAIM),
                                row.get(f.EMAIL_CLAIM),
                                row.get(f.NAME_CLAIM),
                                row.get(f.ROLES_CLAIM)),
                        roleMappings(row.get(f.ROLE_MAPPINGS)),
                        "ACTIVE".equals(row.get(f.STATUS)) && "ACTIVE".equals(row.get(f.TENANT_STATUS)),
                        row.get(f.KEYS_ROTATED_AT),
                        new SignInPolicy(
                                row.get(f.JIT_PROVISIONING),
                                row.get(f.TRUST_EMAIL_FOR_LINKING),
                                json.readValue(row.get(f.MACHINE_TOKEN_RULES).data(), MACHINE_RULES))));
    }

    Optional<IdentityProvider> findById(UUID id) {
        return db.selectFrom(IDENTITY_PROVIDER)
                .where(IDENTITY_PROVIDER.ID.eq(id))
                .fetchOptional(this::toProvider);
    }

    List<IdentityProvider> findByIds(Collection<UUID> ids) {
        return db.selectFrom(IDENTITY_PROVIDER)
                .where(IDENTITY_PROVIDER.ID.in(ids))
                .fetch(this::toProvider);
    }

    List<IdentityProvider> findByTenants(Collection<UUID> tenantIds) {
        return db.selectFrom(IDENTITY_PROVIDER)
                .where(IDENTITY_PROVIDER.TENANT_ID.in(tenantIds))
                .orderBy(IDENTITY_PROVIDER.CREATED_AT, IDENTITY_PROVIDER.ID)
                .fetch(this::toProvider);
    }

    IdentityProvider insert(UUID tenantId, ProviderSettings settings) {
        IdentityProviderRecord row = db.newRecord(IDENTITY_PROVIDER);
        row.setTenantId(tenantId).setId(UUID.randomUUID()).setIssuer(settings.issuer());
        apply(row, settings);
        return db.insertInto(IDENTITY_PROVIDER).set(row).returning().fetchSingle(this::toProvider);
    }

    IdentityProvider update(IdentityProvider current, ProviderSettings settings) {
        IdentityProviderRecord row = record(current.id());
        apply(row, settings);
        row.setUpdatedAt(Instant.now());
        row.update();
        return toProvider(row);
    }

    IdentityProvider rotateKeys(UUID id, String jwkSetUri) {
        IdentityProviderRecord row = record(id);
        row.setJwkSetUri(jwkSetUri).setKeysRotatedAt(Instant.now()).setUpdatedAt(Instant.now());
        row.update();
        return toProvider(row);
    }

    IdentityProvider setStatus(UUID id, IdentityProvider.Status status) {
        IdentityProviderRecord row = record(id);
        row.setStatus(status.name()).setUpdatedAt(Instant.now());
        row.update();
        return toProvider(row);
    }

    /**
     * Claims an issuer for the registering tenant. False when it is claimed already: the table's primary key decides
     * even between two tenants registering at the same moment.
     */
    boolean claimIssuer(String issuer) {
        return db.insertInto(ISSUER_CLAIM)
                        .set(ISSUER_CLAIM.ISSUER, issuer)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    private IdentityProviderRecord record(UUID id) {
        return db.selectFrom(IDENTITY_PROVIDER)
                .where(IDENTITY_PROVIDER.ID.eq(id))
                .forUpdate()
                .fetchSingle();
    }

    private void apply(IdentityProviderRecord row, ProviderSettings settings) {
        row.setDisplayName(settings.displayName())
                .setJwkSetUri(settings.jwkSetUri())
                .setAudience(settings.audience())
                .setSubjectClaim(settings.claimMappings().subject())
                .setEmailClaim(settings.claimMappings().email())
                .setNameClaim(settings.claimMappings().name())
                .setRolesClaim(settings.claimMappings().roles())
                .setRoleMappings(JSONB.valueOf(json.writeValueAsString(settings.roleMappings())))
                .setJitProvisioning(settings.signInPolicy().justInTimeProvisioning())
                .setTrustEmailForLinking(settings.signInPolicy().trustEmailForLinking())
                .setMachineTokenRules(JSONB.valueOf(
                        json.writeValueAsString(settings.signInPolicy().machineTokenRules())));
    }

    private IdentityProvider toProvider(Record row) {
        return new IdentityProvider(
                row.get(IDENTITY_PROVIDER.ID),
                row.get(IDENTITY_PROVIDER.TENANT_ID),
                row.get(IDENTITY_PROVIDER.DISPLAY_NAME),
                row.get(IDENTITY_PROVIDER.ISSUER),
                row.get(IDENTITY_PROVIDER.JWK_SET_URI),
                row.get(IDENTITY_PROVIDER.AUDIENCE),
                new ClaimMappings(
                        row.get(IDENTITY_PROVIDER.SUBJECT_CLAIM),
                        row.get(IDENTITY_PROVIDER.EMAIL_CLAIM),
                        row.get(IDENTITY_PROVIDER.NAME_CLAIM),
                        row.get(IDENTITY_PROVIDER.ROLES_CLAIM)),
                roleMappings(row.get(IDENTITY_PROVIDER.ROLE_MAPPINGS)),
                new SignInPolicy(
                        row.get(IDENTITY_PROVIDER.JIT_PROVISIONING),
                        row.get(IDENTITY_PROVIDER.TRUST_EMAIL_FOR_LINKING),
                        json.readValue(
                                row.get(IDENTITY_PROVIDER.MACHINE_TOKEN_RULES).data(), MACHINE_RULES)),
                IdentityProvider.Status.valueOf(row.get(IDENTITY_PROVIDER.STATUS)),
                row.get(IDENTITY_PROVIDER.KEYS_ROTATED_AT),
                row.get(IDENTITY_PROVIDER.CREATED_AT),
                row.get(IDENTITY_PROVIDER.UPDATED_AT));
    }

    private List<RoleMapping> roleMappings(JSONB value) {
        String data = value.data();
        return data.startsWith("[") ? json.readValue(data, ROLE_MAPPINGS) : List.of();
    }
}
