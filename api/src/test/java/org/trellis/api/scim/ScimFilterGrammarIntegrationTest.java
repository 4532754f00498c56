package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /Users?filter=} with the whole RFC 7644 filter grammar, checked by the exact Users found (oldest first):
 * every operator, the case rules of each attribute, {@code and}/{@code or}/{@code not} and grouping, value paths,
 * dates, the limits, and that a filtered page costs the same statements however many Users there are.
 */
class ScimFilterGrammarIntegrationTest extends ScimHttpTest {

    private static final String ANN = "ann@example.com";
    private static final String BOB = "bob@example.org";
    private static final String CY = "cy_100%@example.com";
    private static final String DEE = "DEE@Example.com";

    private final Map<String, JsonNode> users = new LinkedHashMap<>();

    /**
     * The admin who made the credential signed in, so is a person too: SCIM deletes them, which leaves exactly the
     * people made here (and shows that deleted people match no filter, not even a negated one).
     */
    @BeforeEach
    void people() {
        list("/Users")
                .get("Resources")
                .forEach(user -> send(
                                HttpMethod.DELETE, "/Users/" + user.get("id").asString(), null)
                        .expectStatus()
                        .isNoContent());
        user(ANN, "Ann Lee", "00u-ann", ANN, "Ann", "Lee", true, "Staff Engineer");
        user(BOB, "Bob Builder", "00u-bob", "BOB@example.org", "Bob", "Builder", false, null);
        user(CY, "Cy", null, null, null, null, true, null);
        user(DEE, "dee lee", "00U-DEE", "dee@example.com", null, null, true, null);
    }

    @Test
    void comparesWithEveryOperatorAndTheCaseRulesOfEachAttribute() {
        assertFinds("userName eq \"ANN@EXAMPLE.COM\"", ANN);
        assertFinds("USERNAME EQ \"bob@example.org\"", BOB);
        assertFinds("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bob@example.org\"", BOB);
        assertFinds("externalId eq \"00u-dee\"");
        assertFinds("externalId eq \"00U-DEE\"", DEE);
        assertFinds("displayName eq \"ANN LEE\"", ANN);
        assertFinds("externalId ne \"00u-ann\"", BOB, CY, DEE);
        assertFinds("userName co \"EXAMPLE.COM\"", ANN, CY, DEE);
        assertFinds("userName co \"_\"", CY);
        assertFinds("userName co \"%\"", CY);
        assertFinds("userName sw \"cy_1\"", CY);
        assertFinds("displayName sw \"ann\"", ANN);
        assertFinds("userName ew \".ORG\"", BOB);
        assertFinds("userName lt \"b\"", ANN);
        assertFinds("userName le \"BOB@example.org\"", ANN, BOB);
        assertFinds("userName gt \"bob@example.org\"", CY, DEE);
        assertFinds("userName ge \"c\"", CY, DEE);
        assertFinds("title eq \"staff engineer\"", ANN);
        assertFinds("name.familyName eq \"LEE\"", ANN);
        assertFinds("name.givenName sw \"b\"", BOB);
        assertFinds("name.formatted eq \"Dee Lee\"", DEE);
        assertFinds("active eq true", ANN, CY, DEE);
        assertFinds("active eq \"False\"", BOB);
        assertFinds("active ne true", BOB);
        String bob = users.get(BOB).get("id").asString();
        assertFinds("id eq \"" + bob + "\"", BOB);
        assertFinds("id ne \"" + bob + "\"", ANN, CY, DEE);
        assertFinds("id eq \"not-an-id\"");
    }

    @Test
    void presentAndValuePathsLookIntoEmailsNamesAndGroups() {
        assertFinds("externalId pr", ANN, BOB, DEE);
        assertFinds("emails pr", ANN, BOB, DEE);
        assertFinds("name.givenName pr", ANN, BOB);
        assertFinds("title pr", ANN);
        assertFinds("emails[type eq \"work\" and value eq \"bob@EXAMPLE.org\"]", BOB);
        assertFinds("emails[value co \"example.com\"]", ANN, DEE);
        assertFinds("emails[type eq \"home\"]");
        assertFinds("emails[primary eq true and not (value sw \"ann\")]", BOB, DEE);
        assertFinds("emails.value ew \"example.org\"", BOB);
        assertFinds("emails co \"example.org\"", BOB);
        String platform = group("Platform", id(BOB), id(DEE));
        assertFinds("groups[value eq \"" + platform + "\"]", BOB, DEE);
        assertFinds("groups.value eq \"" + platform + "\" and active eq true", DEE);
    }

    @Test
    void combinesWithAndOrNotAndGroupingByPrecedence() {
        assertFinds("userName sw \"a\" or userName sw \"b\" and active eq false", ANN, BOB);
        assertFinds("(userName sw \"a\" or userName sw \"b\") and active eq false", BOB);
        assertFinds("not (emails pr)", CY);
        assertFinds("not (userName sw \"a\" or userName sw \"b\")", CY, DEE);
        assertFinds("not (name.givenName eq \"Ann\")", BOB, CY, DEE);
        assertFinds("not (not (userName eq \"" + CY + "\"))", CY);
        String deep = "not (".repeat(ScimFilterConditions.MAX_DEPTH) + "userName pr"
                + ")".repeat(ScimFilterConditions.MAX_DEPTH);
        assertFinds(deep, ANN, BOB, CY, DEE);
    }

    @Test
    void comparesDatesAsInstants() {
        assertFinds("meta.created gt \"" + created(ANN) + "\"", BOB, CY, DEE);
        assertFinds("meta.created le \"" + created(BOB) + "\"", ANN, BOB);
        assertFinds("meta.created eq \"" + created(CY) + "\"", CY);
        assertFinds("meta.created ge \"2000-01-01T00:00:00+02:00\"", ANN, BOB, CY, DEE);
        assertFinds("meta.created lt \"2000-01-01T00:00:00Z\"");
    }

    @Test
    void refusesMalformedUnknownMistypedTooLongAndTooDeepFiltersWithInvalidFilter() {
        for (String filter : List.of(
                "password eq \"x\"",
                "emails.foo eq \"x\"",
                "name.middleName eq \"J\"",
                "title[value eq \"x\"]",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"",
                "active gt true",
                "active co \"t\"",
                "meta.created co \"2026\"",
                "meta.created gt \"yesterday\"",
                "userName eq true",
                "userName eq 42",
                "id sw \"a\"",
                "userName eq [\"x\"]",
                "userName eq \"x\" and",
                "userName xx \"x\"",
                "(userName eq \"x\"",
                "emails[type eq \"work\"].value eq \"x\"",
                "emails[value eq \"x\"",
                "userName eq \"" + "a".repeat(ScimFilterConditions.MAX_LENGTH) + "\"",
                "not (".repeat(ScimFilterConditions.MAX_DEPTH + 1) + "userName pr"
                        + ")".repeat(ScimFilterConditions.MAX_DEPTH + 1))) {
            error(send(HttpMethod.GET, "/Users?filter=" + encode(filter), null), 400, "invalidFilter");
        }
    }

    @Test
    void excludesPeopleDeletedThroughScimFromEveryFilter() {
        send(HttpMethod.DELETE, "/Users/" + id(CY), null).expectStatus().isNoContent();
        send(HttpMethod.DELETE, "/Users/" + id(DEE), null).expectStatus().isNoContent();
        assertFinds("userName pr", ANN, BOB);
        assertFinds("not (userName eq \"" + ANN + "\")", BOB);
        assertFinds("externalId ne \"x\" or not (emails pr)", ANN, BOB);
    }

    @Test
    void theFiltersOktaAndEntraSendFindTheirUser() {
        assertFinds("userName eq \"ann@example.com\"", ANN);
        assertFinds("externalId eq \"00u-bob\"", BOB);
        assertFinds("emails[type eq \"work\" and value eq \"dee@example.com\"]", DEE);
        assertFinds("displayName eq \"Cy\"", CY);
    }

    @Test
    void aFilteredPageCostsOnePageAndOneCountStatementWhateverTheNumberOfUsers() {
        String filter = "?count=100&filter="
                + encode("(userName co \"example\" or emails[type eq \"work\" and value co \"zq-marker\"])"
                        + " and not (name.givenName eq \"zq-marker\")");
        int few = statementsOf("/Users" + filter);
        for (int i = 0; i < 10; i++) {
            user("more" + i + "@example.com", "More " + i, null, null, "More", null, true, null);
        }
        assertThat(list("/Users" + filter).get("totalResults").asInt()).isEqualTo(14);
        assertThat(statementsOf("/Users" + filter)).isEqualTo(few);

        List<String> sql = sqlStatements.executionStatements().stream()
                .map(statement -> statement.toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(sql)
                .filteredOn(statement -> statement.contains("from \"public\".\"person\"")
                        && statement.contains("offset ? rows fetch next ? rows only"))
                .hasSize(1);
        assertThat(sql)
                .filteredOn(statement -> statement.startsWith("select count(*) from \"public\".\"person\""))
                .hasSize(1);
        assertThat(sql).noneSatisfy(statement -> assertThat(statement).contains("zq-marker"));
    }

    private void assertFinds(String filter, String... userNames) {
        JsonNode page = list("/Users?count=200&filter=" + encode(filter));
        List<String> found = page.get("Resources")
                .valueStream()
                .map(user -> user.get("userName").asString())
                .toList();
        assertThat(found).as(filter).containsExactly(userNames);
        assertThat(page.get("totalResults").asInt()).as(filter).isEqualTo(userNames.length);
    }

    private void user(
            String userName,
            String displayName,
            String externalId,
            String email,
            String givenName,
            String familyName,
            boolean active,
            String title) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("userName", userName);
        user.put("displayName", displayName);
        user.put("active", active);
        if (externalId != null) {
            user.put("externalId", externalId);
        }
        if (email != null) {
            user.put("emails", List.of(Map.of("value", email, "type", "work", "primary", true)));
        }
        Map<String, String> name = new LinkedHashMap<>();
        if (givenName != null) {
            name.put("givenName", givenName);
        }
        if (familyName != null) {
            name.put("familyName", familyName);
        }
        user.put("name", name);
        if (title != null) {
            user.put("title", title);
        }
        users.put(
                userName,
                send(HttpMethod.POST, "/Users", user)
                        .expectStatus()
                        .isCreated()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody());
    }

    private String id(String userName) {
        return users.get(userName).get("id").asString();
    }

    private String created(String userName) {
        return users.get(userName).get("meta").get("created").asString();
    }

    private int statementsOf(String path) {
        sqlStatements.reset();
        list(path);
        return sqlStatements.count();
    }
}
