package org.trellis.api.scim;

import static org.trellis.persistence.jooq.Tables.SCIM_USER_ATTRIBUTES;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SCIM-only attributes of the transaction's tenant's people. */
@Repository
class ScimUserAttributeRows {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    ScimUserAttributeRows(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Map<UUID, ScimAttributes> of(Collection<UUID> personIds) {
        Map<UUID, ScimAttributes> result = new HashMap<>();
        if (personIds.isEmpty()) {
            return result;
        }
        db.selectFrom(SCIM_USER_ATTRIBUTES)
                .where(SCIM_USER_ATTRIBUTES.PERSON_ID.in(personIds))
                .forEach(row -> result.put(
                        row.getPersonId(),
                        new ScimAttributes(
                                json.readValue(row.getName().data(), TEXTS),
                                json.readValue(row.getEnterprise().data(), TEXTS))));
        return result;
    }

    /** Replaces what a person's last SCIM write said. */
    void save(UUID tenantId, UUID personId, ScimAttributes attributes) {
        JSONB name = JSONB.valueOf(json.writeValueAsString(attributes.name()));
        JSONB enterprise = JSONB.valueOf(json.writeValueAsString(attributes.enterprise()));
        db.insertInto(SCIM_USER_ATTRIBUTES)
                .set(SCIM_USER_ATTRIBUTES.TENANT_ID, tenantId)
                .set(SCIM_USER_ATTRIBUTES.PERSON_ID, personId)
                .set(SCIM_USER_ATTRIBUTES.NAME, name)
                .set(SCIM_USER_ATTRIBUTES.ENTERPRISE, enterprise)
                .onConflict(SCIM_USER_ATTRIBUTES.TENANT_ID, SCIM_USER_ATTRIBUTES.PERSON_ID)
                .doUpdate()
                .set(SCIM_USER_ATTRIBUTES.NAME, name)
                .set(SCIM_USER_ATTRIBUTES.ENTERPRISE, enterprise)
                .set(SCIM_USER_ATTRIBUTES.UPDATED_AT, Instant.now())
                .execute();
    }
}
