package org.trellis.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.OUTBOX_EVENT;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.trellis.api.readiness.ReadinessTestBase;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * Writes store their domain events in their own transaction: each event type is written by the change that causes
 * it, a write that fails stores nothing, event data holds only ids, states and numbers (no names, emails or text),
 * and every instance hears of a new event on {@code trellis_outbox} when it commits.
 */
class OutboxIntegrationTest extends ReadinessTestBase {

    /** A UUID, an enum constant, a number or a boolean: what event data may hold. */
    private static final Pattern PLAIN_VALUE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z_]+|-?\\d+|true|false|");

    private String boss;
    private String eve;

    @BeforeEach
    void people() {
        organisation("outbox");
        boss = person("boss", null, "L5");
        eve = person("eve", boss, "L3");
    }

    @Test
    void everyKindOfChangeStoresItsEventInItsOwnTransaction() {
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", LocalDate.now());
        graphQl(admin)
                .document("mutation($m: ID!, $e: ID!) { proposeMentorship(input: {mentorId: $m, menteeId: $e,"
                        + " note: \"Pair on services\"}) { mentorship { id } userErrors { message } } }")
                .variable("m", boss)
                .variable("e", eve)
                .execute()
                .path("proposeMentorship.mentorship.id")
                .hasValue();
        String caseId = graphQl(token("boss"))
                .document("mutation($p: ID!) { nominateForPromotion(input: {personId: $p}) { promotionCase { id } } }")
                .variable("p", eve)
                .execute()
                .path("nominateForPromotion.promotionCase.id")
                .entity(String.class)
                .get();
        graphQl(admin)
                .document("mutation($id: ID!) { startPromotionReview(input: {id: $id, expectedVersion: 1}) {"
                        + " promotionCase { status } } }")
                .variable("id", caseId)
                .execute()
                .path("startPromotionReview.promotionCase.status")
                .entity(String.class)
                .isEqualTo("IN_REVIEW");
        graphQl(admin)
                .document("mutation($id: ID!) { decidePromotion(input: {id: $id, expectedVersion: 2, outcome:"
                        + " APPROVED, reason: \"Consistently senior\"}) { promotionCase { status } } }")
                .variable("id", caseId)
                .execute()
                .path("decidePromotion.promotionCase.status")
                .entity(String.class)
                .isEqualTo("APPROVED");
        graphQl(admin)
                .document("mutation($p: ID!) { deactivatePerson(input: {id: $p}) { person { status } } }")
                .variable("p", eve)
                .execute()
                .path("deactivatePerson.person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");

        List<Record> events = events();
        UUID eveId = uuid(eve, "Person");
        assertThat(types(events))
                .contains(
                        "person.provisioned",
                        "evidence.changed",
                        "evidence.endorsed",
                        "readiness.changed",
                        "promotion_case.decided",
                        "person.deactivated");
        assertThat(events)
                .filteredOn(e -> e.get(OUTBOX_EVENT.TYPE).equals("mentorship.state_changed"))
                .extracting(e -> e.get(OUTBOX_EVENT.DATA).data())
                .anySatisfy(data -> assertThat(data).contains("\"status\": \"PROPOSED\""))
                .anySatisfy(data ->
                        assertThat(data).contains("\"status\": \"LAPSED\"", "\"previousStatus\": \"PROPOSED\""));
        assertThat(events)
                .filteredOn(e -> e.get(OUTBOX_EVENT.TYPE).equals("evidence.changed"))
                .extracting(e -> e.get(OUTBOX_EVENT.DATA).data())
                .anySatisfy(data -> assertThat(data).contains("\"change\": \"CREATED\"", "\"status\": \"DRAFT\""))
                .anySatisfy(data ->
                        assertThat(data).contains("\"status\": \"ENDORSED\"", "\"previousStatus\": \"SUBMITTED\""));
        assertThat(events)
                .filteredOn(e -> e.get(OUTBOX_EVENT.TYPE).equals("promotion_case.decided"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get(OUTBOX_EVENT.SUBJECT_ID)).isEqualTo(uuid(caseId, "PromotionCase"));
                    assertThat(e.get(OUTBOX_EVENT.PERSON_ID)).isEqualTo(eveId);
                    assertThat(e.get(OUTBOX_EVENT.DATA).data()).contains("\"outcome\": \"APPROVED\"");
                });
        assertThat(events)
                .filteredOn(e -> e.get(OUTBOX_EVENT.TYPE).equals("readiness.changed"))
                .extracting(e -> e.get(OUTBOX_EVENT.PERSON_ID))
                .containsOnly(eveId, uuid(boss, "Person"));
        assertThat(events).extracting(e -> e.get(OUTBOX_EVENT.SEQ)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void readinessChangedIsPublishedWhenReadinessMovesNotForEveryEndorsement() {
        eveEndorsedForBackendServices("CODE_REVIEW", 2);
        long moved = readinessChanged();
        // A second item of the same kind: the competency stays partial, the verdict and score stay.
        eveEndorsedForBackendServices("CODE_REVIEW", 1);
        long same = readinessChanged();
        eveEndorsedForBackendServices("DESIGN_DOC", 0);

        assertThat(same).isEqualTo(moved);
        assertThat(readinessChanged()).isEqualTo(moved + 1);
    }

    private void eveEndorsedForBackendServices(String kind, int daysAgo) {
        endorse(
                token("eve"),
                token("boss"),
                "backend-services",
                kind,
                LocalDate.now().minusDays(daysAgo));
    }

    private long readinessChanged() {
        return events().stream()
                .filter(e -> e.get(OUTBOX_EVENT.TYPE).equals("readiness.changed"))
                .count();
    }

    @Test
    void eventDataHoldsOnlyIdsStatesAndNumbers() {
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", LocalDate.now());
        List<Record> events = events();
        assertThat(events).isNotEmpty();
        for (Record event : events) {
            Map<?, ?> data = new tools.jackson.databind.json.JsonMapper()
                    .readValue(event.get(OUTBOX_EVENT.DATA).data(), Map.class);
            assertThat(data.values())
                    .as("data of %s", event.get(OUTBOX_EVENT.TYPE))
                    .allSatisfy(value -> assertThat(
                                    PLAIN_VALUE.matcher(String.valueOf(value)).matches())
                            .as("plain value %s", value)
                            .isTrue());
            assertThat(event.get(OUTBOX_EVENT.DATA).data()).doesNotContain("eve@example.com", "Pair on services");
        }
    }

    @Test
    void aWriteThatFailsStoresNoEvent() {
        int before = events().size();
        graphQl(admin)
                .document("mutation($p: ID!) { deactivatePerson(input: {id: $p}) { person { status }"
                        + " userErrors { code } } }")
                .variable("p", personOf(admin))
                .execute()
                .path("deactivatePerson.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT");
        assertThat(events()).hasSize(before);
    }

    @Test
    void everyInstanceHearsOfAnEventOnceItCommitsByTenantAndIdOnly() throws Exception {
        try (Connection listener = TestDatabase.INSTANCE.connectAsAdministrator();
                Statement statement = listener.createStatement()) {
            statement.execute("LISTEN trellis_outbox");
            int before = events().size();
            endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", LocalDate.now());
            List<String> stored = events().stream()
                    .skip(before)
                    .map(event -> event.get(OUTBOX_EVENT.ID).toString())
                    .toList();
            assertThat(stored).isNotEmpty();

            List<String> announced = new java.util.ArrayList<>();
            long end = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!announced.containsAll(stored) && System.nanoTime() < end) {
                PGNotification[] heard = listener.unwrap(PGConnection.class).getNotifications(1_000);
                for (PGNotification notification : heard == null ? new PGNotification[0] : heard) {
                    List<String> words =
                            Arrays.asList(notification.getParameter().split(" "));
                    if (words.getFirst().equals(tenant.uuid().toString())) {
                        assertThat(words.subList(1, words.size()))
                                .allSatisfy(
                                        id -> assertThat(UUID.fromString(id)).isNotNull());
                        announced.addAll(words.subList(1, words.size()));
                    }
                }
            }
            assertThat(announced).containsAll(stored).doesNotHaveDuplicates();
        }
    }

    @Test
    void aWritingTransactionSendsNoNotificationOfItsOwn() throws Exception {
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator();
                Statement statement = admin.createStatement();
                var triggers = statement.executeQuery("select count(*) filter (where p.prosrc ilike '%notify%'),"
                        + " count(*) from pg_trigger t join pg_proc p on p.oid = t.tgfoid"
                        + " where t.tgrelid = 'outbox_event'::regclass and not t.tgisinternal")) {
            triggers.next();
            assertThat(triggers.getInt(1)).as("outbox triggers that notify").isZero();
            assertThat(triggers.getInt(2))
                    .as("outbox triggers (the webhook fan-out)")
                    .isPositive();
        }
    }

    @Test
    void onlyCommittedEventsAreAnnounced() throws Exception {
        try (Connection listener = TestDatabase.INSTANCE.connectAsAdministrator();
                Statement statement = listener.createStatement()) {
            statement.execute("LISTEN trellis_outbox");
            for (int i = 0; i < 3; i++) { // a write that fails (its transaction rolls back), between two that commit
                graphQl(admin)
                        .document("mutation($p: ID!) { deactivatePerson(input: {id: $p}) { person { status }"
                                + " userErrors { code } } }")
                        .variable("p", i == 1 ? personOf(admin) : person("p" + i, null, "L3"))
                        .execute()
                        .path("deactivatePerson.userErrors")
                        .entityList(Object.class)
                        .hasSize(i == 1 ? 1 : 0);
            }
            List<String> announced = new java.util.ArrayList<>();
            PGNotification[] heard;
            while ((heard = listener.unwrap(PGConnection.class).getNotifications(1_000)) != null && heard.length > 0) {
                for (PGNotification notification : heard) {
                    List<String> words =
                            Arrays.asList(notification.getParameter().split(" "));
                    if (words.getFirst().equals(tenant.uuid().toString())) {
                        announced.addAll(words.subList(1, words.size()));
                    }
                }
            }
            List<String> stored = events().stream()
                    .map(event -> event.get(OUTBOX_EVENT.ID).toString())
                    .toList();
            assertThat(announced).isNotEmpty();
            assertThat(stored).containsAll(announced);
        }
    }

    private List<Record> events() {
        return inTenant(
                tenant.uuid(),
                db -> List.copyOf(
                        db.selectFrom(OUTBOX_EVENT).orderBy(OUTBOX_EVENT.SEQ).fetch()));
    }

    private static List<String> types(List<Record> events) {
        return events.stream().map(e -> e.get(OUTBOX_EVENT.TYPE)).toList();
    }

    private static UUID uuid(String globalId, String type) {
        return GlobalId.decode(globalId, type).orElseThrow();
    }
}
