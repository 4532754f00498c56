package org.trellis.api.webhooks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidence;
import tools.jackson.databind.JsonNode;

/**
 * What GitHub deliveries show: a submitted pull-request review is code review by the reviewer (not when they review
 * their own pull request, and not by bots); a merged pull request is delivery by its author. Everything else is
 * ignored.
 */
final class GitHubEvents {

    static final Set<String> CODE_REVIEW = Set.of("code-review");
    static final Set<String> DELIVERY = Set.of("delivery");

    private GitHubEvents() {}

    /** Observations in the delivery, or the reason there are none. */
    static Parsed parse(String event, JsonNode body) {
        JsonNode pullRequest = body.path("pull_request");
        String repository = text(body.path("repository"), "full_name");
        if ("pull_request_review".equals(event) && "submitted".equals(text(body, "action"))) {
            JsonNode review = body.path("review");
            JsonNode reviewer = review.path("user");
            String login = text(reviewer, "login");
            long id = review.path("id").asLong(0);
            if (login == null || login.length() > 100 || id <= 0) {
                return Parsed.ignored("review without a reviewer or id");
            }
            if ("Bot".equals(text(reviewer, "type"))) {
                return Parsed.ignored("review by a bot");
            }
            if (login.equalsIgnoreCase(String.valueOf(text(pullRequest.path("user"), "login")))) {
                return Parsed.ignored("review of one's own pull request");
            }
            String title = String.valueOf(text(pullRequest, "title"));
            String state = String.valueOf(text(review, "state"))
                    .toLowerCase(Locale.ROOT)
                    .replace('_', ' ');
            return Parsed.of(new Observation(
                    new Account(login.toLowerCase(Locale.ROOT), login),
                    Evidence.Kind.CODE_REVIEW,
                    CODE_REVIEW,
                    "Reviewed " + repository + "#" + pullRequest.path("number").asLong() + ": " + title,
                    "Pull-request review (" + state + ") of [" + title + "](" + link(pullRequest) + ") in " + repository
                            + ".",
                    date(text(review, "submitted_at")),
                    text(review, "html_url"),
                    "github:review:" + id,
                    false));
        }
        if ("pull_request".equals(event) && "closed".equals(text(body, "action"))) {
            if (!pullRequest.path("merged").asBoolean(false)) {
                return Parsed.ignored("pull request closed without merging");
            }
            JsonNode author = pullRequest.path("user");
            String login = text(author, "login");
            long id = pullRequest.path("id").asLong(0);
            if (login == null || login.length() > 100 || id <= 0) {
                return Parsed.ignored("pull request without an author or id");
            }
            if ("Bot".equals(text(author, "type"))) {
                return Parsed.ignored("pull request by a bot");
            }
            String title = String.valueOf(text(pullRequest, "title"));
            return Parsed.of(new Observation(
                    new Account(login.toLowerCase(Locale.ROOT), login),
                    Evidence.Kind.DELIVERY,
                    DELIVERY,
                    "Merged " + repository + "#" + pullRequest.path("number").asLong() + ": " + title,
                    "Merged pull request [" + title + "](" + link(pullRequest) + ") in " + repository + ".",
                    date(text(pullRequest, "merged_at")),
                    text(pullRequest, "html_url"),
                    "github:merged:" + id,
                    true));
        }
        return Parsed.ignored("event " + event + (text(body, "action") == null ? "" : "." + text(body, "action"))
                + " is not captured");
    }

    private static String link(JsonNode pullRequest) {
        String url = text(pullRequest, "html_url");
        return url == null ? "" : url;
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    /** The day of an ISO timestamp, in UTC; today when it is missing or malformed. */
    static LocalDate date(@Nullable String timestamp) {
        if (timestamp != null) {
            try {
                return OffsetDateTime.parse(timestamp)
                        .atZoneSameInstant(ZoneOffset.UTC)
                        .toLocalDate();
            } catch (DateTimeParseException e) {
                // fall through: the delivery itself says when it happened, near enough
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Observations, or why there are none. */
    record Parsed(List<Observation> observations, @Nullable String ignored) {

        static Parsed of(Observation observation) {
            return new Parsed(List.of(observation), null);
        }

        static Parsed ignored(String reason) {
            return new Parsed(List.of(), reason);
        }
    }
}
