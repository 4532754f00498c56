package org.trellis.api.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trellis.api.frameworks.FrameworkDiff.ExpectationChange;
import org.trellis.api.frameworks.FrameworkDiff.Kind;

/** The diff between two versions names what was added, removed and changed, by stable keys. */
class FrameworkDiffUnitTest {

    private static final FrameworkDocument TEMPLATE = FrameworkDocument.parse(FrameworkService.template());

    @Test
    void findsNothingBetweenEqualVersions() {
        FrameworkDiff diff = FrameworkDiff.between(TEMPLATE, FrameworkDocument.parse(FrameworkService.template()));
        assertThat(diff.addedCompetencies()).isEmpty();
        assertThat(diff.changedCompetencies()).isEmpty();
        assertThat(diff.changedExpectations()).isEmpty();
        assertThat(diff.changedLevels()).isEmpty();
    }

    @Test
    void namesAddedRemovedAndChangedItems() {
        String edited = FrameworkService.template()
                .replace("key: observability", "key: telemetry")
                .replace("name: \"Code review\"", "name: \"Code reviews\"")
                .replace("title: \"Staff Engineer\"", "title: \"Principal Engineer\"")
                .replaceFirst("minEndorsedEvidence: 3", "minEndorsedEvidence: 4");
        FrameworkDiff diff = FrameworkDiff.between(TEMPLATE, FrameworkDocument.parse(edited));
        assertThat(diff.addedCompetencies()).containsExactly("telemetry");
        assertThat(diff.removedCompetencies()).containsExactly("observability");
        assertThat(diff.changedCompetencies()).containsExactly("code-review");
        assertThat(diff.changedLevels()).containsExactly("L5");
        assertThat(diff.changedExpectations())
                .contains(
                        new ExpectationChange("backend-services", "L4", Kind.CHANGED, true),
                        new ExpectationChange("telemetry", "L3", Kind.ADDED, true),
                        new ExpectationChange("observability", "L3", Kind.REMOVED, true));
    }
}
