package org.trellis.api.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;

/**
 * Deletion by the identity provider through SCIM. Trellis keeps the person for history: deactivated (as any
 * deactivation, audited and announced) and marked deleted, for good. SCIM answers 404 for them from then on and lists
 * and filters leave them out, so their user name and external id are free for a person the identity provider creates
 * again; GraphQL still shows them, deactivated, and refuses to reactivate them (only the identity provider, by
 * creating the user again, brings someone back). Their team memberships and sign-in links stay as history: the
 * sign-in subject stays refused.
 */
@Service
public class PersonDeletions {

    private final People people;
    private final ExactPeople exact;
    private final PersonChanges changes;
    private final AuditTrail audit;

    PersonDeletions(People people, ExactPeople exact, PersonChanges changes, AuditTrail audit) {
        this.people = people;
        this.exact = exact;
        this.changes = changes;
        this.audit = audit;
    }

    /** Deletes a person as SCIM sees them; NOT_FOUND when there is no such person or SCIM deleted them already. */
    @Transactional
    public void deleteThroughScim(Actor actor, UUID id) {
        PeoplePolicy.requireWrite(actor);
        Person person = people.findById(id)
                .filter(found -> !found.scimDeleted())
                .orElseThrow(() -> new NotFoundException("Person"));
        if (person.status() == PersonStatus.ACTIVE) {
            changes.setStatus(actor, id, PersonStatus.DEACTIVATED);
        }
        if (!exact.markScimDeleted(id)) {
            throw new NotFoundException("Person"); // deleted concurrently: this transaction rolls back
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("userName", String.valueOf(person.userName()));
        summary.put("externalId", String.valueOf(person.externalId()));
        audit.record(actor, actor.tenant(), "person.scim-deleted", "Person", id, summary);
    }
}
