package org.trellis.api.system;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;

/** Every connection answers totalCount: the whole list under the same filter, whatever the page asked for. */
class EveryConnectionCountsIntegrationTest extends IntegrationTest {

    @Test
    void everyConnectionCountsTheWholeListWhateverThePage() {
        TestTenant tenant = newTenant("counts");
        String admin = tenant.admin();
        String me = personOf(admin);
        for (String name : new String[] {"Ann", "Bob", "Cy"}) {
            graphQl(admin)
                    .document("mutation($n: String!) { createPerson(input: {displayName: $n}) { person { id } } }")
                    .variable("n", name)
                    .execute()
                    .path("createPerson.person.id")
                    .hasValue();
        }
        var answer = graphQl(admin)
                .document("query($me: ID!) { people(first: 1) { totalCount nodes { id } }"
                        + " created: auditEvents(first: 1, filter: {action: \"person.created\"}) { totalCount }"
                        + " evidence(personId: $me, first: 1) { totalCount } reviewQueue(first: 1) { totalCount }"
                        + " reportsMentorships(first: 1) { totalCount } unmatchedEvents(first: 1) { totalCount } }")
                .variable("me", me)
                .execute();
        answer.path("people.totalCount").entity(Integer.class).isEqualTo(4); // the admin and three more
        answer.path("people.nodes").entityList(Map.class).hasSize(1);
        answer.path("created.totalCount").entity(Integer.class).isEqualTo(3);
        answer.path("evidence.totalCount").entity(Integer.class).isEqualTo(0);
        answer.path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(0);
        answer.path("reportsMentorships.totalCount").entity(Integer.class).isEqualTo(0);
        answer.path("unmatchedEvents.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl(platformToken())
                .document("{ tenants(first: 1) { totalCount } }")
                .execute()
                .path("tenants.totalCount")
                .entity(Integer.class)
                .satisfies(total ->
                        org.assertj.core.api.Assertions.assertThat(total).isGreaterThanOrEqualTo(1));
    }
}
