package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.Level;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Ranks candidate mentors for a mentee. The mentee's gaps are the competencies of their framework version with
 * fewer than {@value #GAP_THRESHOLD} endorsed pieces of evidence in the past year (or the competencies the caller
 * names). A candidate scores {@value #PER_ITEM} per endorsed piece of evidence in each gap (by competency key, at
 * most {@value #CAP_PER_GAP} per gap, past year), {@value #PER_LEVEL} per level above the mentee, and
 * {@value #PER_FREE_PLACE} per free mentoring place (at most three). People without free capacity, without strength
 * in any gap, already paired with the mentee, inactive, or (by default) in the mentee's reporting line are left
 * out. Every suggestion carries its reasons.
 *
 * <p>A candidate's level, evidence counts and capacity are shown, and weigh in the ranking, only when the caller may
 * see the candidate's details (the person's management chain and tenant admins; see {@link Person#detailed()}).
 * Any other candidate scores {@value #PER_ITEM} per gap they have endorsed evidence in, whatever the count: no more
 * than their appearing in a search for that gap alone tells. So the order never reveals a hidden count, level or
 * capacity; appearing at all says only "endorsed evidence in a gap, past year" and "a free place". The price: a
 * candidate the caller sees in detail can outrank a stronger one they do not; admins see everyone, so theirs is the
 * full ranking.
 */
@Service
public class MentorSuggestions {

    static final int GAP_THRESHOLD = 2;
    static final int CAP_PER_GAP = 5;
    static final double PER_ITEM = 2.0;
    static final double PER_LEVEL = 1.5;
    static final double PER_FREE_PLACE = 0.5;

    private final MentorshipService mentorships;
    private final MentorLoads loads;
    private final AssignmentService assignments;
    private final EvidenceService evidence;
    private final PeopleService people;

    MentorSuggestions(
            MentorshipService mentorships,
            MentorLoads loads,
            AssignmentService assignments,
            EvidenceService evidence,
            PeopleService people) {
        this.mentorships = mentorships;
        this.loads = loads;
        this.assignments = assignments;
        this.evidence = evidence;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Result suggest(
            Actor actor, UUID menteeId, @Nullable List<UUID> competencyIds, boolean excludeReportingLine, int limit) {
        if (people.getAll(actor, List.of(menteeId)).isEmpty()) {
            throw new NotFoundException("Person");
        }
        MentoringPolicy.requireSuggest(actor, menteeId, people.reportsOf(actor));
        List<Competency> framework = assignments.currentCompetencyList(actor, menteeId);
        if (framework.isEmpty()) {
            throw invalid("menteeId", "The mentee has no framework assignment, so there are no gaps to match.");
        }
        LocalDate since = LocalDate.now(ZoneOffset.UTC).minusYears(1);
        List<Competency> gaps;
        if (competencyIds != null && !competencyIds.isEmpty()) {
            gaps = framework.stream()
                    .filter(c -> competencyIds.contains(c.id()))
                    .toList();
            if (gaps.size() != new HashSet<>(competencyIds).size()) {
                throw invalid("competencyIds", "Competencies must come from the mentee's framework version.");
            }
        } else {
            Map<String, Integer> own = evidence.endorsedByCompetencyKey(
                            actor,
                            menteeId,
                            framework.stream().map(Competency::key).toList(),
                            since)
                    .getOrDefault(menteeId, Map.of());
            gaps = framework.stream()
                    .filter(c -> own.getOrDefault(c.key(), 0) < GAP_THRESHOLD)
                    .toList();
        }
        if (gaps.isEmpty()) {
            return new Result(gaps, List.of());
        }
        Map<UUID, Map<String, Integer>> strengths = evidence.endorsedByCompetencyKey(
                actor, null, gaps.stream().map(Competency::key).toList(), since);
        Set<UUID> excluded = new HashSet<>(mentorships.openPartnersOf(menteeId));
        excluded.add(menteeId);
        Set<UUID> line = excludeReportingLine ? people.reportingLine(actor, menteeId) : Set.of();
        excluded.addAll(line);
        List<UUID> candidates =
                strengths.keySet().stream().filter(id -> !excluded.contains(id)).toList();
        if (candidates.isEmpty()) {
            return new Result(gaps, List.of());
        }
        Map<UUID, Person> found = new java.util.HashMap<>();
        people.getAll(actor, candidates).stream()
                .filter(person -> person.status() == PersonStatus.ACTIVE)
                .forEach(person -> found.put(person.id(), person));
        List<UUID> levelled = new ArrayList<>(found.keySet());
        levelled.add(menteeId);
        Map<UUID, Level> levels = assignments.currentLevels(actor, levelled);
        Map<UUID, MentorLoad> capacity = loads.loads(found.keySet());
        Level menteeLevel = levels.get(menteeId);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Person candidate : found.values()) {
            MentorLoad load = capacity.get(candidate.id());
            if (load.freeCapacity() <= 0) {
                continue;
            }
            suggestions.add(score(
                    candidate,
                    candidate.detailed(),
                    gaps,
                    strengths.getOrDefault(candidate.id(), Map.of()),
                    levels.get(candidate.id()),
                    menteeLevel,
                    load,
                    excludeReportingLine));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::score)
                .reversed()
                .thenComparing(s -> s.mentor().displayName()));
        return new Result(gaps, suggestions.subList(0, Math.min(limit, suggestions.size())));
    }

    /**
     * One candidate's score and the reasons for it, from what the caller may see of them: with {@code detailed}
     * false, only which gaps they have endorsed evidence in counts, and the level, counts and capacity stay null.
     */
    static Suggestion score(
            Person candidate,
            boolean detailed,
            List<Competency> gaps,
            Map<String, Integer> strength,
            @Nullable Level level,
            @Nullable Level menteeLevel,
            MentorLoad load,
            boolean outsideLine) {
        double score = 0;
        List<String> reasons = new ArrayList<>();
        List<Strength> strengths = new ArrayList<>();
        for (Competency gap : gaps) {
            int count = strength.getOrDefault(gap.key(), 0);
            if (count > 0 && !detailed) {
                strengths.add(new Strength(gap, null));
                score += PER_ITEM;
                reasons.add("Endorsed evidence in " + gap.name() + " in the past year");
            } else if (count > 0) {
                strengths.add(new Strength(gap, count));
                score += PER_ITEM * Math.min(count, CAP_PER_GAP);
                reasons.add(count + " endorsed piece" + (count == 1 ? "" : "s") + " of evidence in " + gap.name()
                        + " in the past year");
            }
        }
        if (!detailed) {
            if (outsideLine) {
                reasons.add("Outside the mentee's reporting line");
            }
            return new Suggestion(candidate, score, null, null, strengths, reasons);
        }
        if (level != null && menteeLevel != null) {
            int above = level.position() - menteeLevel.position();
            if (above > 0) {
                score += PER_LEVEL * above;
                reasons.add("Level " + level.code() + ", " + above + " above the mentee's " + menteeLevel.code());
            } else {
                reasons.add("Level " + level.code() + ", not above the mentee's " + menteeLevel.code());
            }
        }
        int free = load.freeCapacity();
        score += PER_FREE_PLACE * Math.min(free, 3);
        reasons.add(free + " of " + load.capacity() + " mentoring place" + (load.capacity() == 1 ? "" : "s") + " free");
        if (outsideLine) {
            reasons.add("Outside the mentee's reporting line");
        }
        return new Suggestion(
                candidate,
                Math.round(score * 10) / 10.0,
                free,
                level == null ? null : level.code(),
                strengths,
                reasons);
    }

    private static InvalidInputException invalid(String field, String message) {
        return InvalidInputException.of(new UserError(List.of(field), message, Code.INVALID));
    }

    /** The gaps considered and the ranked suggestions. */
    public record Result(List<Competency> gaps, List<Suggestion> suggestions) {}

    /** A suggested mentor, as the schema's {@code MentorSuggestion}. */
    public record Suggestion(
            Person mentor,
            double score,
            @Nullable Integer freeCapacity,
            @Nullable String level,
            List<Strength> strengths,
            List<String> reasons) {}

    /** A candidate's endorsed evidence in one gap competency; the count is null where the caller may not see it. */
    public record Strength(Competency competency, @Nullable Integer endorsedEvidence) {}
}
