package org.trellis.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.api.evidence.Evidence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What GitHub's published example deliveries (test fixtures) become, and what is ignored with which reason. */
class GitHubEventsUnitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"", ".with-organization"})
    void aSubmittedReviewOfSomeoneElsesPullRequestIsCodeReviewByTheReviewer(String variant) {
        ObjectNode body = fixture("pull_request_review_submitted" + variant);
        ((ObjectNode) body.path("review").path("user")).put("login", "Octo-Reviewer");

        GitHubEvents.Parsed parsed = GitHubEvents.parse("pull_request_review", body);

        assertThat(parsed.ignored()).isNull();
        assertThat(parsed.observations()).singleElement().satisfies(observation -> {
            assertThat(observation.account()).isEqualTo(new Account("octo-reviewer", "Octo-Reviewer"));
            assertThat(observation.kind()).isEqualTo(Evidence.Kind.CODE_REVIEW);
            assertThat(observation.competencyKeys()).containsExactly("code-review");
            assertThat(observation.title())
                    .isEqualTo("Reviewed Codertocat/Hello-World#2: Update the README with new information.");
            assertThat(observation.description())
                    .isEqualTo("Pull-request review (commented) of [Update the README with new information.]"
                            + "(https://github.com/Codertocat/Hello-World/pull/2) in Codertocat/Hello-World.");
            assertThat(observation.occurredOn()).isEqualTo(LocalDate.of(2019, 5, 15));
            assertThat(observation.link())
                    .isEqualTo("https://github.com/Codertocat/Hello-World/pull/2#pullrequestreview-237895671");
            assertThat(observation.externalId()).isEqualTo("github:review:237895671");
            assertThat(observation.optional()).isFalse();
        });
    }

    @Test
    void aReviewOfOnesOwnPullRequestIsIgnored() {
        // The published example: Codertocat reviews Codertocat's pull request.
        assertThat(GitHubEvents.parse("pull_request_review", fixture("pull_request_review_submitted")))
                .isEqualTo(GitHubEvents.Parsed.ignored("review of one's own pull request"));
    }

    @Test
    void aReviewByABotIsIgnored() {
        ObjectNode body = fixture("pull_request_review_submitted");
        ObjectNode reviewer = (ObjectNode) body.path("review").path("user");
        reviewer.put("login", "dependabot[bot]");
        reviewer.put("type", "Bot");
        assertThat(GitHubEvents.parse("pull_request_review", body))
                .isEqualTo(GitHubEvents.Parsed.ignored("review by a bot"));
    }

    @Test
    void aReviewWithoutReviewerOrIdIsIgnored() {
        ObjectNode body = fixture("pull_request_review_submitted");
        ((ObjectNode) body.path("review")).remove("id");
        assertThat(GitHubEvents.parse("pull_request_review", body))
                .isEqualTo(GitHubEvents.Parsed.ignored("review without a reviewer or id"));
    }

    @Test
    void otherReviewActionsAreIgnoredWithTheirName() {
        ObjectNode body = fixture("pull_request_review_submitted");
        body.put("action", "dismissed");
        assertThat(GitHubEvents.parse("pull_request_review", body))
                .isEqualTo(GitHubEvents.Parsed.ignored("event pull_request_review.dismissed is not captured"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".with-organization"})
    void aPullRequestClosedWithoutMergingIsIgnored(String variant) {
        // The published examples are closed, not merged.
        assertThat(GitHubEvents.parse("pull_request", fixture("pull_request_closed" + variant)))
                .isEqualTo(GitHubEvents.Parsed.ignored("pull request closed without merging"));
    }

    @Test
    void aMergedPullRequestIsOptionalDeliveryByItsAuthor() {
        ObjectNode body = fixture("pull_request_closed");
        ObjectNode pullRequest = (ObjectNode) body.path("pull_request");
        pullRequest.put("merged", true);
        pullRequest.put("merged_at", "2019-05-15T23:30:00-02:00");

        GitHubEvents.Parsed parsed = GitHubEvents.parse("pull_request", body);

        assertThat(parsed.observations()).singleElement().satisfies(observation -> {
            assertThat(observation.account()).isEqualTo(new Account("codertocat", "Codertocat"));
            assertThat(observation.kind()).isEqualTo(Evidence.Kind.DELIVERY);
            assertThat(observation.competencyKeys()).containsExactly("delivery");
            assertThat(observation.title())
                    .isEqualTo("Merged Codertocat/Hello-World#2: Update the README with new information.");
            // The day in UTC, not the day where it was merged.
            assertThat(observation.occurredOn()).isEqualTo(LocalDate.of(2019, 5, 16));
            assertThat(observation.link()).isEqualTo("https://github.com/Codertocat/Hello-World/pull/2");
            assertThat(observation.externalId()).isEqualTo("github:merged:279147437");
            assertThat(observation.optional()).isTrue();
        });
    }

    @Test
    void aPullRequestMergedByABotIsIgnored() {
        ObjectNode body = fixture("pull_request_closed");
        ObjectNode pullRequest = (ObjectNode) body.path("pull_request");
        pullRequest.put("merged", true);
        ((ObjectNode) pullRequest.path("user")).put("type", "Bot");
        assertThat(GitHubEvents.parse("pull_request", body))
                .isEqualTo(GitHubEvents.Parsed.ignored("pull request by a bot"));
    }

    @Test
    void otherEventsAreIgnoredWithTheirName() {
        ObjectNode ping = JSON.createObjectNode();
        ping.put("zen", "Keep it logically awesome.");
        assertThat(GitHubEvents.parse("ping", ping))
                .isEqualTo(GitHubEvents.Parsed.ignored("event ping is not captured"));
        assertThat(GitHubEvents.parse("pull_request", fixture("pull_request_review_submitted")))
                .isEqualTo(GitHubEvents.Parsed.ignored("event pull_request.submitted is not captured"));
    }

    @Test
    void aMissingOrMalformedTimestampIsToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(GitHubEvents.date(null)).isEqualTo(today);
        assertThat(GitHubEvents.date("yesterday")).isEqualTo(today);
        assertThat(GitHubEvents.date("2021-06-04T13:55:30.394Z")).isEqualTo(LocalDate.of(2021, 6, 4));
    }

    @Test
    void blankAndNonTextFieldsReadAsMissing() {
        ObjectNode node = JSON.createObjectNode();
        node.put("blank", " ");
        node.put("number", 7);
        node.put("text", "x");
        assertThat(GitHubEvents.text(node, "blank")).isNull();
        assertThat(GitHubEvents.text(node, "number")).isNull();
        assertThat(GitHubEvents.text(node, "absent")).isNull();
        assertThat(GitHubEvents.text(node, "text")).isEqualTo("x");
    }

    static ObjectNode fixture(String name) {
        return (ObjectNode) read("/fixtures/github/" + name + ".payload.json");
    }

    static JsonNode read(String path) {
        try (InputStream in = GitHubEventsUnitTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
