package org.trellis.api.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PersonChanges;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.PrincipalChanges;

/**
 * Erases a person, irreversibly, in one transaction: deactivated first (their pairings close as with any
 * deactivation) and marked erased, then audit summaries that could name them redacted (the database allows it for
 * erased people only), their records' free text replaced and their identifying data deleted. Idempotent: erasing an erased person changes and records nothing. The audit entry
 * {@code person.erased} carries the person's id only.
 */
@Service
class PersonErasure {

    private final ErasedProfiles profiles;
    private final ErasedRecords records;
    private final AuditRedaction redaction;
    private final PersonChanges people;
    private final PrincipalChanges principals;
    private final AuditTrail audit;

    PersonErasure(
            ErasedProfiles profiles,
            ErasedRecords records,
            AuditRedaction redaction,
            PersonChanges people,
            PrincipalChanges principals,
            AuditTrail audit) {
        this.profiles = profiles;
        this.records = records;
        this.redaction = redaction;
        this.people = people;
        this.principals = principals;
        this.audit = audit;
    }

    /** Erases {@code person} once {@code confirmation} repeats their id; when they were erased. */
    @Transactional
    Instant erase(Actor actor, UUID person, UUID confirmation) {
        UUID tenant = PrivacyPolicy.requireAdmin(actor);
        PrivacyPolicy.requireErasable(actor, person, confirmation);
        ErasedProfiles.Identity identity = profiles.lock(person).orElseThrow(() -> new NotFoundException("Person"));
        if (identity.erasedAt() != null) {
            return identity.erasedAt();
        }
        if (identity.active()) {
            people.setStatus(actor, person, PersonStatus.DEACTIVATED);
        }
        Instant erasedAt = profiles.markErased(person);
        redaction.redact(person, identity.identifiers());
        records.erase(person);
        profiles.erase(person);
        audit.record(actor, tenant, "person.erased", "Person", person, Map.of());
        principals.changed(tenant);
        return erasedAt;
    }
}
