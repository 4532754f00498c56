package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.api.readiness.ReadinessTestBase;

/**
 * Reviewing one item asks whether the reviewer is above its person in the reporting line, walking up from the person:
 * a manager two levels up sees and endorses it, a manager of another branch and the person's own report do not.
 */
class ReportingLineReviewIntegrationTest extends ReadinessTestBase {

    private static final String ENDORSE =
            "mutation($id: ID!) { endorseEvidence(input: {id: $id, expectedVersion: 2})" + " { evidence { status } } }";

    private String item;

    @BeforeEach
    void eveReportsToLeadWhoReportsToBoss() {
        organisation("reporting-line-review");
        String boss = person("boss", null, "L5");
        String lead = person("bossy-lead", boss, "L4");
        person("eve", lead, "L3");
        person("boss-of-other", boss, "L4");
        person("eve-intern", null, "L3");
        item = log(token("eve"), "backend-services", "CODE_REVIEW", LocalDate.now());
        submit(token("eve"), item);
    }

    @Test
    void aManagerTwoLevelsUpEndorsesTheItem() {
        assertThat(graphQl(token("boss"))
                        .document(ENDORSE)
                        .variable("id", item)
                        .execute()
                        .path("endorseEvidence.evidence.status")
                        .entity(String.class)
                        .get())
                .isEqualTo("ENDORSED");
    }

    @Test
    void aManagerOfAnotherBranchAndAColleagueCannotSeeTheItemToEndorseIt() {
        for (String outsider : new String[] {"boss-of-other", "eve-intern"}) {
            graphQl(token(outsider))
                    .document(ENDORSE)
                    .variable("id", item)
                    .execute()
                    .errors()
                    .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("classification")))
                    .verify();
        }
    }
}
