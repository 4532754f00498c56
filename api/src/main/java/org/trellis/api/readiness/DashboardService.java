package org.trellis.api.readiness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.UserError;

/**
 * Manager dashboards over a scope of at most {@value #MAX_PEOPLE} people: a team and its sub-teams, every team the
 * caller manages, or (tenant admins) the organisation. Readiness comes from the rollups in a fixed number of
 * statements whatever the number of people, competencies or evidence; the heatmap's columns are the competencies of
 * the framework version most people in scope are on, by key.
 */
@Service
class DashboardService {

    static final int MAX_PEOPLE = 500;
    static final int TOP_GAPS = 10;

    private final DashboardQueries queries;
    private final ReadinessService readiness;
    private final PeopleService people;
    private final FrameworkService frameworks;

    DashboardService(
            DashboardQueries queries, ReadinessService readiness, PeopleService people, FrameworkService frameworks) {
        this.queries = queries;
        this.readiness = readiness;
        this.people = people;
        this.frameworks = frameworks;
    }

    @Transactional(readOnly = true)
    Dashboard dashboard(Actor actor, @Nullable UUID teamId, int staleMonths, int weeks) {
        ReadinessPolicy.requirePerson(actor);
        if (staleMonths < 1 || staleMonths > 60 || weeks < 1 || weeks > 52) {
            throw InvalidInputException.of(new UserError(
                    List.of(staleMonths < 1 || staleMonths > 60 ? "staleMonths" : "weeks"),
                    "staleMonths is 1 to 60, weeks 1 to 52.",
                    UserError.Code.INVALID));
        }
        List<DashboardQueries.Member> members = scope(actor, teamId);
        boolean truncated = members.size() > MAX_PEOPLE;
        Map<UUID, ReadinessSummary> stored = new HashMap<>();
        List<Person> inScope = new ArrayList<>(members.size());
        members.stream().limit(MAX_PEOPLE).forEach(member -> {
            inScope.add(member.person());
            if (member.stored() != null) {
                stored.put(member.person().id(), member.stored());
            }
        });
        inScope.sort(Comparator.comparing(Person::displayName).thenComparing(Person::id));
        List<Person> visible =
                inScope.stream().filter(p -> ReadinessPolicy.canSee(actor, p)).toList();
        Map<UUID, ReadinessSummary> decided = readiness.summaries(
                actor.tenant(), visible.stream().map(Person::id).toList(), stored);
        return new Dashboard(
                visible,
                inScope.size() - visible.size(),
                truncated,
                decided,
                heatmap(actor, visible, decided),
                staleMonths,
                weeks);
    }

    /**
     * The people in scope. A team's members come with whether the caller manages it, so the policy decides in the
     * same statement; only a team without members takes a second one to tell an absent team from an empty one.
     */
    private List<DashboardQueries.Member> scope(Actor actor, @Nullable UUID teamId) {
        boolean admin = ReadinessPolicy.isAdmin(actor);
        if (teamId == null) {
            return admin
                    ? queries.everyone(actor, MAX_PEOPLE + 1)
                    : queries.membersBelow(actor, queries.managedBy(actor.personId()), MAX_PEOPLE + 1);
        }
        List<DashboardQueries.Member> members = admin
                ? queries.membersBelow(actor, queries.team(teamId), MAX_PEOPLE + 1)
                : queries.teamMembers(actor, teamId, actor.personId(), MAX_PEOPLE + 1);
        if (!members.isEmpty()) {
            ReadinessPolicy.requireDashboard(actor, members.getFirst().manages());
            return members;
        }
        DashboardQueries.Access access = queries.access(teamId, admin ? null : actor.personId());
        if (!access.found()) {
            throw new NotFoundException("Team");
        }
        ReadinessPolicy.requireDashboard(actor, access.allowed());
        return members;
    }

    private Dashboard.Heatmap heatmap(Actor actor, List<Person> visible, Map<UUID, ReadinessSummary> decided) {
        UUID common = decided.values().stream()
                .collect(Collectors.groupingBy(ReadinessSummary::versionId, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<UUID, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().toString()))
                .map(Map.Entry::getKey)
                .orElse(null);
        List<Competency> columns = common == null
                ? List.of()
                : frameworks.competenciesOf(actor, List.of(common)).getOrDefault(common, List.of());
        // Where each column sits in a row's own keys, worked out once per distinct key list (people on one version
        // share theirs), so a heatmap of 500 people looks up no key per cell.
        Map<List<String>, int[]> positions = new HashMap<>();
        List<Dashboard.Row> rows = visible.stream()
                .map(person -> {
                    ReadinessSummary r = decided.get(person.id());
                    List<@Nullable Status> statuses = new ArrayList<>(columns.size());
                    if (r != null) {
                        int[] at = positions.computeIfAbsent(
                                r.keys(),
                                keys -> columns.stream()
                                        .mapToInt(c -> keys.indexOf(c.key()))
                                        .toArray());
                        for (int i : at) {
                            statuses.add(
                                    i < 0
                                            ? null
                                            : ReadinessSummary.status(
                                                    r.statuses().charAt(i)));
                        }
                    } else {
                        columns.forEach(c -> statuses.add(null));
                    }
                    return new Dashboard.Row(
                            person, r == null ? null : r.verdict(), r == null ? null : r.score(), statuses);
                })
                .toList();
        return new Dashboard.Heatmap(
                columns.stream()
                        .map(c -> new Dashboard.Column(c.key(), c.name(), c.theme()))
                        .toList(),
                rows);
    }

    List<Dashboard.VerdictCount> distribution(Dashboard dashboard) {
        Map<ReadinessEngine.@Nullable Verdict, Integer> counts = new HashMap<>();
        dashboard.people().forEach(p -> {
            ReadinessSummary r = dashboard.readiness().get(p.id());
            counts.merge(r == null ? null : r.verdict(), 1, Integer::sum);
        });
        List<Dashboard.VerdictCount> result = new ArrayList<>();
        for (ReadinessEngine.Verdict verdict : ReadinessEngine.Verdict.values()) {
            result.add(new Dashboard.VerdictCount(verdict, counts.getOrDefault(verdict, 0)));
        }
        result.add(new Dashboard.VerdictCount(null, counts.getOrDefault(null, 0)));
        return result;
    }

    List<Dashboard.GapCount> topGaps(Dashboard dashboard) {
        Map<String, int[]> counts = new HashMap<>();
        dashboard.readiness().values().forEach(r -> {
            for (int i = 0; i < r.keys().size(); i++) {
                int[] count = counts.computeIfAbsent(r.keys().get(i), k -> new int[2]);
                Status status = ReadinessSummary.status(r.statuses().charAt(i));
                if (status == Status.GAP || status == Status.NOT_ASSESSED) {
                    count[0]++;
                } else if (status == Status.PARTIAL) {
                    count[1]++;
                }
            }
        });
        Map<String, String> names = dashboard.heatmap().columns().stream()
                .collect(Collectors.toMap(Dashboard.Column::key, Dashboard.Column::name));
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingInt(e -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_GAPS)
                .map(e -> new Dashboard.GapCount(
                        e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    @Transactional(readOnly = true)
    Dashboard.Coverage coverage(Actor actor, Dashboard dashboard) {
        List<UUID> ids = dashboard.people().stream().map(Person::id).toList();
        if (ids.isEmpty()) {
            return new Dashboard.Coverage(0, List.of(), List.of());
        }
        DashboardQueries.Coverage coverage = queries.coverage(ids);
        Map<UUID, Person> mentors =
                BatchJoins.byId(people.getAll(actor, coverage.load().keySet()), Person::id);
        return new Dashboard.Coverage(
                coverage.mentorOf().size(),
                dashboard.people().stream()
                        .filter(p -> !coverage.mentorOf().containsKey(p.id()))
                        .toList(),
                coverage.load().entrySet().stream()
                        .filter(e -> mentors.containsKey(e.getKey()))
                        .map(e -> new Dashboard.MentorCount(
                                mentors.get(e.getKey()), mentors.get(e.getKey()).detailed() ? e.getValue() : null))
                        .sorted(Comparator.comparing(
                                (Dashboard.MentorCount m) -> m.mentor().displayName()))
                        .toList());
    }

    @Transactional(readOnly = true)
    List<Dashboard.WeekActivity> activity(Dashboard dashboard) {
        LocalDate monday = ReadinessService.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = monday.minusWeeks(dashboard.weeks() - 1L);
        List<UUID> ids = dashboard.people().stream().map(Person::id).toList();
        Map<LocalDate, int[]> weekly = ids.isEmpty() ? Map.of() : queries.weekly(ids, from);
        List<Dashboard.WeekActivity> result = new ArrayList<>();
        for (LocalDate week = from; !week.isAfter(monday); week = week.plusWeeks(1)) {
            int[] counts = weekly.getOrDefault(week, new int[2]);
            result.add(new Dashboard.WeekActivity(week, counts[0], counts[1]));
        }
        return result;
    }

    @Transactional(readOnly = true)
    List<Dashboard.StaleCompetency> stale(Dashboard dashboard) {
        List<UUID> ids = dashboard.people().stream().map(Person::id).toList();
        Map<String, LocalDate> last = ids.isEmpty() ? Map.of() : queries.lastEvidenceByKey(ids);
        LocalDate since = ReadinessService.today().minusMonths(dashboard.staleMonths());
        return dashboard.heatmap().columns().stream()
                .filter(c -> last.get(c.key()) == null || !last.get(c.key()).isAfter(since))
                .map(c -> new Dashboard.StaleCompetency(c.key(), c.name(), last.get(c.key())))
                .toList();
    }
}
