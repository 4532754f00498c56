package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** {@code /Groups} reads: members only when asked for, pages read from the database at a constant statement cost. */
class ScimGroupsIntegrationTest extends ScimHttpTest {

    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    @Test
    void excludedAttributesAndAttributesChooseWhetherMembersAreReturned() {
        String fay = create(Map.of("userName", "fay@example.com", "displayName", "Fay"));
        String group = group("Search", fay);

        JsonNode full = list("/Groups/" + group);
        assertThat(full.get("members").get(0).get("value").asString()).isEqualTo(fay);
        assertThat(full.get("members").get(0).get("display").asString()).isEqualTo("Fay");
        assertThat(list("/Groups/" + group + "?excludedAttributes=members").has("members"))
                .isFalse();
        assertThat(list("/Groups/" + group + "?excludedAttributes=" + encode(GROUP + ":Members"))
                        .has("members"))
                .isFalse();
        JsonNode named = list("/Groups/" + group + "?attributes=displayName");
        assertThat(named.propertyNames()).containsExactlyInAnyOrder("schemas", "id", "displayName");
        JsonNode values = list("/Groups/" + group + "?attributes=members.value");
        assertThat(values.get("members").get(0).propertyNames()).containsExactly("value");
        assertThat(values.has("displayName")).isFalse();
        JsonNode withoutDisplay = list("/Groups/" + group + "?excludedAttributes=members.display");
        assertThat(withoutDisplay.get("members").get(0).has("display")).isFalse();
        assertThat(withoutDisplay.get("members").get(0).get("value").asString()).isEqualTo(fay);

        String filter = "?filter=" + encode("displayName eq \"search\"");
        assertThat(list("/Groups" + filter)
                        .get("Resources")
                        .get(0)
                        .get("members")
                        .get(0)
                        .get("value")
                        .asString())
                .isEqualTo(fay);
        JsonNode listed = list("/Groups" + filter + "&excludedAttributes=members");
        assertThat(listed.get("totalResults").asInt()).isEqualTo(1);
        assertThat(listed.get("Resources").get(0).has("members")).isFalse();
        assertThat(listed.get("Resources").get(0).get("displayName").asString()).isEqualTo("Search");
        assertThat(list("/Groups?attributes=displayName")
                        .get("Resources")
                        .get(0)
                        .has("members"))
                .isFalse();

        // The User answers the Groups it is a member of, unless left out.
        JsonNode user = list("/Users/" + fay);
        assertThat(user.get("groups").get(0).get("value").asString()).isEqualTo(group);
        assertThat(user.get("groups").get(0).get("display").asString()).isEqualTo("Search");
        assertThat(list("/Users/" + fay + "?excludedAttributes=groups").has("groups"))
                .isFalse();
        assertThat(list("/Users/" + fay + "?attributes=userName").propertyNames())
                .containsExactlyInAnyOrder("schemas", "id", "userName");
    }

    @Test
    void pagesGroupsWithStartIndexAndCount() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(group("Pager " + i));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int start = 1; start <= 5; start += 2) {
            JsonNode page = list("/Groups?startIndex=" + start + "&count=2");
            assertThat(page.get("totalResults").asInt()).isEqualTo(5);
            assertThat(page.get("startIndex").asInt()).isEqualTo(start);
            assertThat(page.get("itemsPerPage").asInt()).isEqualTo(start == 5 ? 1 : 2);
            page.get("Resources").forEach(group -> seen.add(group.get("id").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(created); // by name: Pager 1 … Pager 5
        for (String beyond : List.of("6", "100")) {
            JsonNode empty = list("/Groups?startIndex=" + beyond + "&count=2");
            assertThat(empty.get("totalResults").asInt()).isEqualTo(5);
            assertThat(empty.get("itemsPerPage").asInt()).isZero();
            assertThat(empty.get("Resources")).isEmpty();
        }
        JsonNode none = list("/Groups?count=0");
        assertThat(none.get("totalResults").asInt()).isEqualTo(5);
        assertThat(none.get("Resources")).isEmpty();
        JsonNode filtered = list("/Groups?filter=" + encode("displayName eq \"PAGER 4\"") + "&startIndex=1&count=1");
        assertThat(filtered.get("totalResults").asInt()).isEqualTo(1);
        assertThat(filtered.get("Resources").get(0).get("id").asString()).isEqualTo(created.get(3));
        assertThat(list("/Groups?count=100000").get("itemsPerPage").asInt()).isEqualTo(5);

        send(HttpMethod.DELETE, "/Groups/" + created.get(0), null)
                .expectStatus()
                .isNoContent();
        JsonNode first = list("/Groups?count=2");
        assertThat(first.get("totalResults").asInt()).isEqualTo(4);
        assertThat(first.get("Resources").get(0).get("id").asString()).isEqualTo(created.get(1));
    }

    @Test
    void aPageOfGroupsCostsTheSameStatementsWhateverTheNumberOfGroups() {
        String gil = create(Map.of("userName", "gil@example.com"));
        String hal = create(Map.of("userName", "hal@example.com"));
        for (int i = 0; i < 2; i++) {
            group("Few " + i, gil, hal);
        }
        int few = statementsOf("/Groups?count=100");
        int fewWithoutMembers = statementsOf("/Groups?count=100&excludedAttributes=members");
        for (int i = 0; i < 12; i++) {
            group("Many " + i, gil, hal);
        }
        assertThat(list("/Groups?count=100").get("totalResults").asInt()).isEqualTo(14);
        assertThat(statementsOf("/Groups?count=100")).isEqualTo(few);
        assertThat(statementsOf("/Groups?count=5&startIndex=6")).isEqualTo(few);
        assertThat(statementsOf("/Groups?count=100&excludedAttributes=members")).isEqualTo(fewWithoutMembers);
        assertThat(fewWithoutMembers).isLessThan(few);

        statementsOf("/Groups?count=5&startIndex=6");
        List<String> sql = sqlStatements.executionStatements().stream()
                .map(statement -> statement.toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(sql)
                .anySatisfy(statement -> assertThat(statement)
                        .contains("from \"public\".\"team\"")
                        .contains("offset ? rows fetch next ? rows only"));
        assertThat(sql)
                .anySatisfy(statement -> assertThat(statement).startsWith("select count(*) from \"public\".\"team\""));
    }

    /** How many SQL statements one GET costs, its authentication included. */
    private int statementsOf(String path) {
        sqlStatements.reset();
        list(path);
        return sqlStatements.count();
    }
}
