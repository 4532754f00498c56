package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/**
 * The schema's {@code Dashboard}: the people in scope the caller may see, with their packed readiness; the
 * heatmap, distribution and top gaps derive from it, and the other parts are read only when asked for.
 */
record Dashboard(
        List<Person> people,
        int hiddenPeople,
        boolean truncated,
        Map<UUID, ReadinessSummary> readiness,
        Heatmap heatmap,
        int staleMonths,
        int weeks) {

    /** The schema's {@code Heatmap}: one row of statuses per person, in column order. */
    record Heatmap(List<Column> columns, List<Row> rows) {}

    record Column(String key, String name, String theme) {}

    record Row(
            Person person,
            @Nullable Verdict verdict,
            @Nullable Integer score,
            List<@Nullable Status> statuses) {}

    record VerdictCount(@Nullable Verdict verdict, int people) {}

    record MentorCount(Person mentor, @Nullable Integer activeMentees) {}

    record Coverage(int withMentor, List<Person> withoutMentor, List<MentorCount> mentors) {}

    record WeekActivity(LocalDate weekStart, int logged, int endorsed) {}

    record StaleCompetency(
            String key, String name, @Nullable LocalDate lastEvidenceOn) {}

    record GapCount(String key, String name, int gaps, int partial) {}
}
