package org.trellis.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/** Exports everything held about one person, for a tenant admin answering an access request; audited, ids only. */
@Service
class PersonalDataExports {

    private final PersonalDataReader reader;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final PrivacyProperties properties;

    PersonalDataExports(PersonalDataReader reader, AuditTrail audit, JsonMapper json, PrivacyProperties properties) {
        this.reader = reader;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
    }

    /** The export of {@code person}; NOT_FOUND when the tenant has no such person. */
    @Transactional
    Export export(Actor actor, UUID person) {
        UUID tenant = PrivacyPolicy.requireAdmin(actor);
        PersonalData data = new PersonalData(
                person, Instant.now(), reader.read(person, new ExportBudget(properties.exportMaxChars())));
        if (data.sections().get("profile").rows().isEmpty()) {
            throw new NotFoundException("Person");
        }
        audit.record(
                actor, tenant, "person.data-exported", "Person", person, Map.of("truncated", data.truncatedSections()));
        return new Export(
                json.writeValueAsString(data.tree()), ExportMarkdown.render(data, json), data.truncatedSections());
    }

    /** The schema's {@code PersonalDataExport}. */
    record Export(String json, String markdown, List<String> truncated) {}
}
