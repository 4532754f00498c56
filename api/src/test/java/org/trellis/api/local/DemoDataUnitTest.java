package org.trellis.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.trellis.api.local.DemoEvidence.Item;

/** The demo's fixed content fits the built-in template and its rules, whoever and whichever competency it is for. */
class DemoDataUnitTest {

    @Test
    void theCatalogueNamesTheTemplatesCompetenciesInItsOrder() throws IOException {
        String template =
                new ClassPathResource("frameworks/senior-role.yaml").getContentAsString(StandardCharsets.UTF_8);
        Matcher keys = Pattern.compile("(?m)^\\s+- key: ([a-z0-9-]+)$").matcher(template);
        List<String> templateKeys = keys.results().map(match -> match.group(1)).toList();
        assertThat(DemoEvidenceCatalogue.keys()).isEqualTo(templateKeys).hasSize(14);
        assertThat(DemoEvidenceCatalogue.PIECES.values()).allSatisfy(pieces -> {
            assertThat(pieces).hasSize(4);
            assertThat(pieces.get(0).kind()).isNotEqualTo(pieces.get(1).kind());
        });
    }

    @Test
    void everyEngineerHasALetterPerCompetencyAndAManagerWhoIsOnTheirTeam() {
        assertThat(DemoPeople.ALL).hasSize(15);
        assertThat(DemoPeople.engineers()).hasSize(11).allSatisfy(engineer -> {
            assertThat(engineer.requireCareer().profile()).matches("[MNPG-]{14}");
            assertThat(DemoPeople.managerOf(engineer).role()).isEqualTo("MANAGER");
        });
    }

    @Test
    void endorsedPiecesThatShouldCountFallWithinTheYearAndGapsOutsideIt() {
        for (int person = 0; person < 30; person++) {
            for (int competency = 0; competency < 14; competency++) {
                for (int needed = 1; needed <= 4; needed++) {
                    for (char letter : "MNP".toCharArray()) {
                        assertThat(DemoEvidence.items(letter, needed, person, competency))
                                .allSatisfy(item -> assertThat(item.daysAgo()).isBetween(1, 360));
                    }
                    assertThat(DemoEvidence.items('M', needed, person, competency))
                            .hasSize(needed)
                            .allMatch(Item::endorsed);
                    assertThat(DemoEvidence.items('N', needed, person, competency))
                            .hasSize(needed)
                            .filteredOn(item -> !item.endorsed())
                            .hasSize(1);
                    assertThat(DemoEvidence.items('G', needed, person, competency))
                            .singleElement()
                            .satisfies(item -> assertThat(item.daysAgo()).isBetween(390, 449));
                    assertThat(DemoEvidence.items('-', needed, person, competency))
                            .isEmpty();
                }
            }
        }
    }
}
