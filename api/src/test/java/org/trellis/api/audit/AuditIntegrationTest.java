package org.trellis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;

/** Every change is in the tenant's audit log, newest first, filterable; refused changes leave no entry. */
class AuditIntegrationTest extends IntegrationTest {

    private static final String EVENTS = "query($f: AuditEventFilter, $n: Int) { auditEvents(first: $n, filter: $f) {"
            + " edges { node { action targetType targetRef actorKind summary correlationId } } pageInfo { hasNextPage } } }";

    private TestTenant tenant;
    private String person;

    @BeforeEach
    void changes() {
        tenant = newTenant("audit");
        person = graphQl(tenant.admin())
                .document("mutation { createPerson(input: {displayName: \"Ann\"}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { updatePerson(input: {id: $id, title: \"Staff Engineer\"}) { person { id } } }")
                .variable("id", person)
                .execute()
                .path("updatePerson.person.id")
                .hasValue();
    }

    @Test
    void listsAChangedObjectsHistoryNewestFirstWithBeforeAndAfter() {
        var events = graphQl(tenant.admin())
                .document(EVENTS)
                .variable("f", Map.of("targetId", person))
                .variable("n", 10)
                .execute();
        events.path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("person.updated", "person.created");
        events.path("auditEvents.edges[0].node.summary")
                .entity(String.class)
                .satisfies(summary -> assertThat(summary).contains("\"before\"", "Staff Engineer"));
        events.path("auditEvents.edges[0].node.correlationId").hasValue();
    }

    @Test
    void everyIdOfAnEventIsAGlobalIdThatNodeResolves() {
        var event = graphQl(tenant.admin())
                .document("query($f: AuditEventFilter) { auditEvents(first: 1, filter: $f) { nodes { id actorKind"
                        + " actorId targetId } } }")
                .variable("f", Map.of("targetId", person, "action", "person.created"))
                .execute();
        event.path("auditEvents.nodes[0].targetId").entity(String.class).isEqualTo(person);
        event.path("auditEvents.nodes[0].actorKind").entity(String.class).isEqualTo("PERSON");
        event.path("auditEvents.nodes[0].actorId").entity(String.class).isEqualTo(personOf(tenant.admin()));
        String id = event.path("auditEvents.nodes[0].id").entity(String.class).get();

        String node = "query($id: ID!) { node(id: $id) { id ... on AuditEvent { action } } }";
        graphQl(tenant.admin())
                .document(node)
                .variable("id", id)
                .execute()
                .path("node.action")
                .entity(String.class)
                .isEqualTo("person.created");
        graphQl(tenant.engineer())
                .document(node)
                .variable("id", id)
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")))
                .verify()
                .path("node")
                .valueIsNull();
    }

    @Test
    void filtersByActionAndPages() {
        graphQl(tenant.admin())
                .document(EVENTS)
                .variable("f", Map.of("action", "person.created"))
                .variable("n", 10)
                .execute()
                .path("auditEvents.edges[*].node.targetType")
                .entityList(String.class)
                .satisfies(types -> assertThat(types).isNotEmpty().containsOnly("Person"));
        graphQl(tenant.admin())
                .document(EVENTS)
                .variable("n", 1)
                .execute()
                .path("auditEvents.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void refusedChangesLeaveNoEntry() {
        List<String> before = actions();
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { updatePerson(input: {id: $id, email: \"broken\"}) { userErrors { code } } }")
                .variable("id", person)
                .execute()
                .path("updatePerson.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        assertThat(actions()).isEqualTo(before);
    }

    private List<String> actions() {
        return graphQl(tenant.admin())
                .document(EVENTS)
                .variable("n", 100)
                .execute()
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
    }
}
