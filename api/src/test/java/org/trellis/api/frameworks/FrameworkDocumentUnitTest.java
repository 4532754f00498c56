package org.trellis.api.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;

/** Parsing validates the whole document first and names every offending field; writing round-trips exactly. */
class FrameworkDocumentUnitTest {

    private static final String VALID = """
            framework:
              name: Tiny
              description: "A tiny framework."
            version:
              levels:
                - code: L1
                  title: One
                - code: L2
                  title: Two
                  jobLevel: IC2
              competencies:
                - key: code-review
                  theme: Delivery
                  name: Code review
                  description: Reviews code.
                  expectations:
                    - level: L1
                      description: Reviews small changes.
                      examples: ["A review"]
                      rule: {minEndorsedEvidence: 1, recencyMonths: 12, minDistinctKinds: 1, required: true}
            """;

    @Test
    void readsAValidDocument() {
        FrameworkDocument document = FrameworkDocument.parse(VALID);
        assertThat(document.name()).isEqualTo("Tiny");
        assertThat(document.levels())
                .extracting(FrameworkDocument.LevelDoc::code)
                .containsExactly("L1", "L2");
        assertThat(document.levels().get(1).jobLevel()).isEqualTo("IC2");
        FrameworkDocument.ExpectationDoc expectation =
                document.competencies().getFirst().expectations().getFirst();
        assertThat(expectation.examples()).containsExactly("A review");
        assertThat(expectation.rule()).isEqualTo(new Expectation.Rule(1, 12, 1, true));
    }

    @Test
    void writesTheSameBytesItReads() {
        FrameworkDocument document = FrameworkDocument.parse(VALID);
        String written = document.write();
        assertThat(FrameworkDocument.parse(written)).isEqualTo(document);
        assertThat(FrameworkDocument.parse(written).write()).isEqualTo(written);
        FrameworkDocument template = FrameworkDocument.parse(FrameworkService.template());
        assertThat(FrameworkDocument.parse(template.write())).isEqualTo(template);
    }

    @Test
    void refusesTextThatIsNotAYamlMapping() {
        assertThat(fields("framework: [unclosed")).containsExactly(List.of("input", "content"));
        assertThat(fields("- just\n- a list\n")).containsExactly(List.of("input", "content"));
    }

    @Test
    void refusesADocumentOverTheSizeLimit() {
        String huge = VALID + "# " + "x".repeat(FrameworkDocument.MAX_BYTES);
        assertThatThrownBy(() -> FrameworkDocument.parse(huge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("KiB");
    }

    @Test
    void namesEveryProblemAtOnceWithItsPath() {
        String broken = VALID.replace("name: Tiny", "name: \"\"")
                .replace("- code: L2", "- code: L1")
                .replace("key: code-review", "key: Code Review")
                .replace("- level: L1", "- level: L9")
                .replace("recencyMonths: 12", "recencyMonths: 0")
                .replace("required: true", "required: maybe");
        assertThat(fields(broken))
                .containsExactlyInAnyOrder(
                        path("framework.name"),
                        path("version.levels[1].code"),
                        path("version.competencies[0].key"),
                        path("version.competencies[0].expectations[0].level"),
                        path("version.competencies[0].expectations[0].rule.recencyMonths"),
                        path("version.competencies[0].expectations[0].rule.required"));
    }

    @Test
    void requiresLevelsAndCompetencies() {
        String empty = """
                framework: {name: Empty}
                version: {levels: [], competencies: []}
                """;
        assertThat(fields(empty)).containsExactlyInAnyOrder(path("version.levels"), path("version.competencies"));
    }

    @Test
    void refusesDuplicateCompetenciesAndExpectations() {
        String twice = VALID.replace("  competencies:\n", """
                  competencies:
                    - key: code-review
                      theme: Delivery
                      name: Again
                      description: Again.
                      expectations: []
                """);
        assertThat(fields(twice)).containsExactly(path("version.competencies[1].key"));
    }

    @Test
    void refusesControlCharactersAndOverlongText() {
        String control = VALID.replace("Reviews code.", "\"Reviews\\u0007 code.\"");
        assertThat(fields(control)).containsExactly(path("version.competencies[0].description"));
        String overlong = VALID.replace("title: One", "title: " + "o".repeat(201));
        assertThat(fields(overlong)).containsExactly(path("version.levels[0].title"));
    }

    @Test
    void refusesTooManyLevels() {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i <= FrameworkDocument.MAX_LEVELS; i++) {
            levels.append("    - {code: L").append(i).append(", title: T}\n");
        }
        String many = VALID.replace("    - code: L1\n      title: One\n", levels.toString());
        assertThat(fields(many)).contains(path("version.levels"));
    }

    private static List<String> path(String field) {
        return List.of("input", "content", field);
    }

    private static List<List<String>> fields(String yaml) {
        try {
            FrameworkDocument.parse(yaml);
        } catch (InvalidInputException e) {
            return e.userErrors().stream().map(UserError::field).toList();
        }
        throw new AssertionError("The document was accepted.");
    }
}
