package org.trellis.api.frameworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two framework versions, by stable keys (competency keys, level codes), as the schema's
 * {@code FrameworkDiff}.
 */
public record FrameworkDiff(
        List<String> addedLevels,
        List<String> removedLevels,
        List<String> changedLevels,
        List<String> addedCompetencies,
        List<String> removedCompetencies,
        List<String> changedCompetencies,
        List<ExpectationChange> changedExpectations) {

    /** One expectation that was added, removed or changed (description, examples or rule). */
    public record ExpectationChange(String competencyKey, String levelCode, Kind kind, boolean ruleChanged) {}

    /** How an item changed. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    static FrameworkDiff between(FrameworkDocument from, FrameworkDocument to) {
        Map<String, FrameworkDocument.LevelDoc> fromLevels = index(from.levels(), FrameworkDocument.LevelDoc::code);
        Map<String, FrameworkDocument.LevelDoc> toLevels = index(to.levels(), FrameworkDocument.LevelDoc::code);
        Map<String, FrameworkDocument.CompetencyDoc> fromCompetencies =
                index(from.competencies(), FrameworkDocument.CompetencyDoc::key);
        Map<String, FrameworkDocument.CompetencyDoc> toCompetencies =
                index(to.competencies(), FrameworkDocument.CompetencyDoc::key);
        List<ExpectationChange> expectations = new ArrayList<>();
        for (var entry : toCompetencies.entrySet()) {
            var before = fromCompetencies.get(entry.getKey());
            Map<String, FrameworkDocument.ExpectationDoc> old =
                    before == null ? Map.of() : index(before.expectations(), FrameworkDocument.ExpectationDoc::level);
            Map<String, FrameworkDocument.ExpectationDoc> now =
                    index(entry.getValue().expectations(), FrameworkDocument.ExpectationDoc::level);
            now.forEach((level, expectation) -> {
                var previous = old.get(level);
                if (previous == null) {
                    expectations.add(new ExpectationChange(entry.getKey(), level, Kind.ADDED, true));
                } else if (!previous.equals(expectation)) {
                    expectations.add(new ExpectationChange(
                            entry.getKey(),
                            level,
                            Kind.CHANGED,
                            !previous.rule().equals(expectation.rule())));
                }
            });
            old.keySet().stream()
                    .filter(level -> !now.containsKey(level))
                    .forEach(level ->
                            expectations.add(new ExpectationChange(entry.getKey(), level, Kind.REMOVED, true)));
        }
        fromCompetencies.forEach((key, competency) -> {
            if (!toCompetencies.containsKey(key)) {
                competency
                        .expectations()
                        .forEach(e -> expectations.add(new ExpectationChange(key, e.level(), Kind.REMOVED, true)));
            }
        });
        return new FrameworkDiff(
                added(fromLevels, toLevels),
                added(toLevels, fromLevels),
                changed(fromLevels, toLevels, (a, b) -> a.equals(b)),
                added(fromCompetencies, toCompetencies),
                added(toCompetencies, fromCompetencies),
                changed(
                        fromCompetencies,
                        toCompetencies,
                        (a, b) -> a.theme().equals(b.theme())
                                && a.name().equals(b.name())
                                && a.description().equals(b.description())),
                expectations);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static List<String> added(Map<String, ?> before, Map<String, ?> after) {
        return after.keySet().stream().filter(key -> !before.containsKey(key)).toList();
    }

    private static <T> List<String> changed(
            Map<String, T> before, Map<String, T> after, java.util.function.BiPredicate<T, T> same) {
        return after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()) && !same.test(before.get(e.getKey()), e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
