package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #10, item 2: nested lists are priced at their documented maximums before anything runs. The reproduced query
 * (125 bytes that answered 36 MB in 21 s) and its 20-alias form are refused by an ordinary engineer against teams of
 * realistic size; legitimate nested queries still pass; an answer over the response cap is stopped with an error.
 */
class QueryCostIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final long MAX_COST = 100_000;

    /** The reproduction, byte for byte. */
    private static final String TEAMS = "{ teams { members { teams { members { teams { members { teams { members {"
            + " teams { members { displayName } } } } } } } } } } }";

    private static final int TEAM_COUNT = 4;
    private static final int PEOPLE = 100;

    private String admin;
    private String engineer;
    private List<String> teams;
    private List<String> people;

    /** Four teams of 50 members; each of 100 people is in two teams. */
    @BeforeEach
    void organisation() {
        TestTenant tenant = newTenant("cost");
        admin = tenant.admin();
        engineer = tenant.engineer();
        teams = new ArrayList<>();
        for (String name : List.of("Platform", "Payments", "Data", "Mobile")) {
            teams.add(dataOf(
                            admin,
                            "mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }",
                            Map.of("n", name))
                    .path("createTeam")
                    .path("team")
                    .path("id")
                    .asString());
        }
        people = new ArrayList<>();
        for (int batch = 0; batch < PEOPLE / 25; batch++) {
            int from = batch * 25;
            String mutation = IntStream.range(from, from + 25)
                    .mapToObj(i ->
                            "p" + i + ": createPerson(input: {displayName: \"Person " + i + "\"}) { person { id } }")
                    .collect(Collectors.joining(" ", "mutation { ", " }"));
            var data = dataOf(admin, mutation, Map.of());
            IntStream.range(from, from + 25)
                    .forEach(i -> people.add(
                            data.path("p" + i).path("person").path("id").asString()));
        }
        List<String> memberships = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            for (int t : new int[] {i % TEAM_COUNT, (i + 1) % TEAM_COUNT}) {
                memberships.add("addTeamMember(input: {teamId: \"" + teams.get(t) + "\", personId: \"" + people.get(i)
                        + "\"}) { team { id } }");
            }
        }
        for (int from = 0; from < memberships.size(); from += 25) {
            int start = from;
            dataOf(
                    admin,
                    IntStream.range(start, Math.min(start + 25, memberships.size()))
                            .mapToObj(i -> "m" + i + ": " + memberships.get(i))
                            .collect(Collectors.joining(" ", "mutation { ", " }")),
                    Map.of());
        }
    }

    @Test
    void refusesTheReproducedNestedTeamsQueryBeforeItRuns() {
        assertThat(TEAMS).hasSize(125);
        refusedBeforeExecution(TEAMS);
    }

    @Test
    void refusesTwentyAliasesOfTheNestedTeamsQueryBeforeTheyRun() {
        String inner = TEAMS.substring(2, TEAMS.length() - 2);
        String aliased = IntStream.range(0, 20)
                .mapToObj(i -> "t" + i + ": " + inner)
                .collect(Collectors.joining(" ", "{ ", " }"));
        refusedBeforeExecution(aliased);
    }

    @Test
    void answersLegitimateNestedQueries() {
        var teamsWithPeople =
                dataOf(engineer, "{ teams { name members { displayName } managers { displayName } } }", Map.of());
        assertThat(teamsWithPeople.path("teams").size()).isEqualTo(TEAM_COUNT);
        teamsWithPeople
                .path("teams")
                .forEach(team -> assertThat(team.path("members").size()).isEqualTo(50));
        var dashboard = dataOf(
                engineer,
                "{ people(first: 100) { edges { node { displayName title manager { displayName } teams { name }"
                        + " directReports { displayName } } } } }",
                Map.of());
        assertThat(dashboard.path("people").path("edges").size()).isEqualTo(100);
        // admin, engineer and 98 of the people, each of whom is in two teams
        int memberships = 0;
        for (var edge : dashboard.path("people").path("edges")) {
            memberships += edge.path("node").path("teams").size();
        }
        assertThat(memberships).isEqualTo(98 * 2);
    }

    @Test
    void stopsAnAnswerLargerThanTheResponseCap() {
        // A version of ~230 KB of expectation text: one copy is fine, 28 aliased copies (6.5 MB) are over the 4 MB cap
        // while costing 28 × 2,102 fields, within the budget.
        String version = dataOf(
                        admin,
                        "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }",
                        Map.of("y", bigFramework()))
                .path("importFramework")
                .path("frameworkVersion")
                .path("id")
                .asString();
        String one = "frameworkVersion(id: $v) { competencies { expectations { description } } }";
        assertThat(dataOf(admin, "query($v: ID!) { " + one + " }", Map.of("v", version))
                        .path("frameworkVersion")
                        .path("competencies")
                        .size())
                .isEqualTo(40);
        String aliased = IntStream.range(0, 28)
                .mapToObj(i -> "v" + i + ": " + one)
                .collect(Collectors.joining(" ", "query($v: ID!) { ", " }"));
        String body = post(admin, aliased, Map.of("v", version));
        assertThat(body.length()).isLessThan(2_000);
        var answer = JSON.readTree(body);
        assertThat(answer.has("data")).isFalse();
        var error = answer.path("errors").get(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("limit").asString()).isEqualTo("maxResponseBytes");
        assertThat(error.path("extensions").path("correlationId").asString()).isNotBlank();
        assertThat(error.path("message").asString()).contains("larger than 4194304 bytes");
    }

    @Test
    void answersAtMostTheDeclaredMaximumOfAListAndPagesThroughTheRest() {
        String everyone = dataOf(
                        admin, "mutation { createTeam(input: {name: \"Everyone\"}) { team { id } } }", Map.of())
                .path("createTeam")
                .path("team")
                .path("id")
                .asString();
        List<String> all = new ArrayList<>(people);
        all.add(personOf(engineer));
        addAll(everyone, all);
        String query = "query($t: ID!) { team(id: $t) { members { displayName } }"
                + " people(first: 100, filter: {teamId: $t}) { edges { node { displayName } } pageInfo { hasNextPage } } }";
        var data = dataOf(engineer, query, Map.of("t", everyone));
        List<String> members = new ArrayList<>();
        data.path("team")
                .path("members")
                .forEach(m -> members.add(m.path("displayName").asString()));
        List<String> paged = new ArrayList<>();
        data.path("people")
                .path("edges")
                .forEach(e -> paged.add(e.path("node").path("displayName").asString()));
        assertThat(members).hasSize(100).isEqualTo(paged);
        assertThat(data.path("people").path("pageInfo").path("hasNextPage").asBoolean())
                .isTrue();
    }

    private void addAll(String team, List<String> persons) {
        for (int from = 0; from < persons.size(); from += 25) {
            int start = from;
            dataOf(
                    admin,
                    IntStream.range(start, Math.min(start + 25, persons.size()))
                            .mapToObj(i -> "m" + i + ": addTeamMember(input: {teamId: \"" + team + "\", personId: \""
                                    + persons.get(i) + "\"}) { team { id } }")
                            .collect(Collectors.joining(" ", "mutation { ", " }")),
                    Map.of());
        }
    }

    /**
     * Refused with the computed cost and the limit, small, fast, and with no more SQL than a trivial query. Fast is
     * measured against the trivial query on the same machine in the same minute, so a busy machine slows both alike.
     */
    private void refusedBeforeExecution(String query) {
        post(engineer, "{ me { kind } }", Map.of());
        sqlStatements.reset();
        long trivialStart = System.nanoTime();
        post(engineer, "{ me { kind } }", Map.of());
        Duration trivialTook = Duration.ofNanos(System.nanoTime() - trivialStart);
        int trivial = sqlStatements.count();
        sqlStatements.reset();
        long start = System.nanoTime();
        String body = post(engineer, query, Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(sqlStatements.count()).isLessThanOrEqualTo(trivial);
        assertThat(took).isLessThan(Duration.ofSeconds(2).plus(trivialTook.multipliedBy(20)));
        assertThat(body.length()).isLessThan(2_000);
        var answer = JSON.readTree(body);
        assertThat(answer.has("data")).isFalse();
        var error = answer.path("errors").get(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("correlationId").asString()).isNotBlank();
        assertThat(error.path("extensions").path("maxCost").asLong()).isEqualTo(MAX_COST);
        long cost = error.path("extensions").path("cost").asLong();
        assertThat(cost).isGreaterThan(MAX_COST);
        assertThat(error.path("message").asString())
                .contains("could resolve " + (cost == Long.MAX_VALUE ? "over " : "") + cost)
                .contains("the limit is " + MAX_COST);
        // The tenant's teams are unchanged and the server still answers at once.
        assertThat(dataOf(admin, "{ teams { id } }", Map.of()).path("teams").size())
                .isEqualTo(TEAM_COUNT);
    }

    private static String bigFramework() {
        String text = "Explains the expectation in detail. ".repeat(80); // 2,880 characters
        StringBuilder yaml = new StringBuilder("framework:\n  name: Big\nversion:\n  levels:\n"
                + "    - code: L1\n      title: One\n    - code: L2\n      title: Two\n  competencies:\n");
        for (int c = 0; c < 40; c++) {
            yaml.append("    - key: c")
                    .append(c)
                    .append("\n      theme: T\n      name: C")
                    .append(c)
                    .append("\n      description: D\n      expectations:\n");
            for (String level : List.of("L1", "L2")) {
                yaml.append("        - level: ")
                        .append(level)
                        .append("\n          description: \"")
                        .append(text)
                        .append("\"\n          examples: []\n          rule:\n            minEndorsedEvidence: 1\n"
                                + "            recencyMonths: 12\n            minDistinctKinds: 1\n"
                                + "            required: true\n");
            }
        }
        return yaml.toString();
    }

    private tools.jackson.databind.JsonNode dataOf(String token, String query, Map<String, Object> variables) {
        var answer = JSON.readTree(post(token, query, variables));
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.path("data");
    }

    private String post(String token, String query, Map<String, Object> variables) {
        return http().mutate()
                .responseTimeout(RESPONSE_TIMEOUT)
                .build()
                .post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
