package org.trellis.api.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.Level;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.ProfileSource;

/** Scoring a candidate from what the caller may see of them. */
class MentorSuggestionsUnitTest {

    private static final UUID VERSION = UUID.randomUUID();
    private static final Competency REVIEW = competency(1, "code-review", "Code review");
    private static final Competency TESTING = competency(2, "automated-testing", "Automated testing");
    private static final Level L3 = new Level(UUID.randomUUID(), VERSION, 3, "L3", "Engineer", null);
    private static final Level L5 = new Level(UUID.randomUUID(), VERSION, 5, "L5", "Staff", null);

    @Test
    void scoresCountsLevelAndCapacityOfCandidatesTheCallerMaySee() {
        var suggestion = MentorSuggestions.score(
                candidate(),
                true,
                List.of(REVIEW, TESTING),
                Map.of("code-review", 4),
                L5,
                L3,
                new MentorLoad(UUID.randomUUID(), 3, 1, 0),
                true);
        assertThat(suggestion.score()).isEqualTo(2.0 * 4 + 1.5 * 2 + 0.5 * 2);
        assertThat(suggestion.freeCapacity()).isEqualTo(2);
        assertThat(suggestion.level()).isEqualTo("L5");
        assertThat(suggestion.strengths()).containsExactly(new MentorSuggestions.Strength(REVIEW, 4));
    }

    @Test
    void scoresOnlyTheGapsCoveredOfCandidatesTheCallerMayNotSee() {
        var strong = MentorSuggestions.score(
                candidate(),
                false,
                List.of(REVIEW, TESTING),
                Map.of("code-review", 5, "automated-testing", 1),
                L5,
                L3,
                new MentorLoad(UUID.randomUUID(), 5, 0, 0),
                true);
        var weak = MentorSuggestions.score(
                candidate(),
                false,
                List.of(REVIEW, TESTING),
                Map.of("code-review", 1, "automated-testing", 1),
                L3,
                L3,
                new MentorLoad(UUID.randomUUID(), 1, 0, 0),
                true);
        assertThat(strong.score()).isEqualTo(weak.score()).isEqualTo(4.0);
        assertThat(strong.freeCapacity()).isNull();
        assertThat(strong.level()).isNull();
        assertThat(strong.strengths())
                .containsExactly(
                        new MentorSuggestions.Strength(REVIEW, null), new MentorSuggestions.Strength(TESTING, null));
        assertThat(strong.reasons())
                .isEqualTo(weak.reasons())
                .containsExactly(
                        "Endorsed evidence in Code review in the past year",
                        "Endorsed evidence in Automated testing in the past year",
                        "Outside the mentee's reporting line");
    }

    @Test
    void capsEachGapAtFivePiecesAndFreePlacesAtThree() {
        var suggestion = MentorSuggestions.score(
                candidate(),
                true,
                List.of(REVIEW, TESTING),
                Map.of("code-review", 9, "automated-testing", 1),
                L3,
                L3,
                new MentorLoad(UUID.randomUUID(), 10, 2, 0),
                false);
        assertThat(suggestion.score())
                .isEqualTo(MentorSuggestions.PER_ITEM * MentorSuggestions.CAP_PER_GAP
                        + MentorSuggestions.PER_ITEM
                        + MentorSuggestions.PER_FREE_PLACE * 3);
        assertThat(suggestion.strengths())
                .containsExactly(new MentorSuggestions.Strength(REVIEW, 9), new MentorSuggestions.Strength(TESTING, 1));
        assertThat(suggestion.reasons())
                .containsExactly(
                        "9 endorsed pieces of evidence in Code review in the past year",
                        "1 endorsed piece of evidence in Automated testing in the past year",
                        "Level L3, not above the mentee's L3",
                        "8 of 10 mentoring places free");
    }

    @Test
    void givesNoLevelPointsToACandidateAtOrBelowTheMentee() {
        var below = MentorSuggestions.score(
                candidate(),
                true,
                List.of(REVIEW),
                Map.of("code-review", 1),
                L3,
                L5,
                new MentorLoad(UUID.randomUUID(), 1, 0, 0),
                true);
        assertThat(below.score()).isEqualTo(MentorSuggestions.PER_ITEM + MentorSuggestions.PER_FREE_PLACE);
        assertThat(below.reasons())
                .containsExactly(
                        "1 endorsed piece of evidence in Code review in the past year",
                        "Level L3, not above the mentee's L5",
                        "1 of 1 mentoring place free",
                        "Outside the mentee's reporting line");
    }

    @Test
    void leavesLevelOutWhenEitherSideHasNoAssignment() {
        var unassigned = MentorSuggestions.score(
                candidate(),
                true,
                List.of(REVIEW),
                Map.of("code-review", 2),
                null,
                L3,
                new MentorLoad(UUID.randomUUID(), 2, 0, 0),
                false);
        assertThat(unassigned.score()).isEqualTo(2.0 * 2 + 0.5 * 2);
        assertThat(unassigned.level()).isNull();
        assertThat(unassigned.reasons()).noneMatch(reason -> reason.startsWith("Level"));
    }

    @Test
    void ignoresStrengthOutsideTheGaps() {
        var offTopic = MentorSuggestions.score(
                candidate(),
                false,
                List.of(REVIEW),
                Map.of("automated-testing", 5),
                L5,
                L3,
                new MentorLoad(UUID.randomUUID(), 3, 0, 0),
                false);
        assertThat(offTopic.score()).isZero();
        assertThat(offTopic.strengths()).isEmpty();
        assertThat(offTopic.reasons()).isEmpty();
    }

    private static Person candidate() {
        return new Person(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Cand",
                null,
                PersonStatus.ACTIVE,
                null,
                Instant.now(),
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ProfileSource.SIGN_IN,
                false);
    }

    private static Competency competency(int position, String key, String name) {
        return new Competency(UUID.randomUUID(), VERSION, position, key, "Theme", name, "d");
    }
}
