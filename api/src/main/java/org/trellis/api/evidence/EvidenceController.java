package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.UserError;

/** GraphQL: evidence, the review queue, and one mutation per workflow step. */
@Controller
class EvidenceController implements NodeResolver {

    private final EvidenceService evidence;
    private final PeopleService people;
    private final FrameworkService frameworks;
    private final EvidenceImport importer;

    EvidenceController(
            EvidenceService evidence, PeopleService people, FrameworkService frameworks, EvidenceImport importer) {
        this.evidence = evidence;
        this.people = people;
        this.frameworks = frameworks;
        this.importer = importer;
    }

    @QueryMapping(name = "evidence")
    Window<Evidence> evidenceOf(
            @Argument String personId, @Argument @Nullable FilterInput filter, ScrollSubrange subrange) {
        EvidenceFilter criteria = filter == null
                ? new EvidenceFilter(null, null, null, null, null)
                : new EvidenceFilter(
                        Ids.decodeOptional(filter.competencyId(), "Competency"),
                        filter.kind(),
                        filter.status(),
                        filter.from(),
                        filter.to());
        return evidence.ofPerson(actor(), Ids.decode(personId, "Person"), criteria, subrange);
    }

    @QueryMapping
    Window<Evidence> reviewQueue(ScrollSubrange subrange) {
        return evidence.reviewQueue(actor(), subrange);
    }

    @BatchMapping(typeName = "Evidence", field = "person")
    Map<Evidence, Person> person(List<Evidence> items) {
        Map<UUID, Person> found = index(
                people.getAll(
                        actor(),
                        items.stream().map(Evidence::personId).distinct().toList()),
                Person::id);
        return items.stream().collect(Collectors.toMap(Function.identity(), e -> found.get(e.personId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Evidence", field = "reviewedBy")
    Map<Evidence, @Nullable Person> reviewedBy(List<Evidence> items) {
        Map<UUID, Person> found = index(
                people.getAll(
                        actor(),
                        items.stream()
                                .map(Evidence::reviewedById)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList()),
                Person::id);
        Map<Evidence, @Nullable Person> result = new HashMap<>();
        items.forEach(e -> result.put(e, e.reviewedById() == null ? null : found.get(e.reviewedById())));
        return result;
    }

    @BatchMapping(typeName = "Evidence", field = "competencies")
    Map<Evidence, List<Competency>> competencies(List<Evidence> items) {
        Map<UUID, List<UUID>> ids =
                evidence.competencyIds(actor(), items.stream().map(Evidence::id).toList());
        Map<UUID, Competency> found = index(
                frameworks.competenciesById(
                        actor(),
                        ids.values().stream().flatMap(List::stream).distinct().toList()),
                Competency::id);
        return items.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        e -> ids.get(e.id()).stream().map(found::get).toList(),
                        (a, b) -> a));
    }

    @MutationMapping
    Payload logEvidence(@Argument LogInput input) {
        return Payload.of(evidence.log(
                actor(), Ids.decodeOptional(input.personId(), "Person"), input.draft(), input.idempotencyKey()));
    }

    @MutationMapping
    ImportPayload importEvidence(@Argument ImportInput input) {
        List<EvidenceImport.Item> items = input.items().stream()
                .map(item ->
                        new EvidenceImport.Item(item.externalId(), Ids.decode(item.personId(), "Person"), item.draft()))
                .toList();
        return new ImportPayload(importer.importItems(actor(), items), List.of());
    }

    @MutationMapping
    Payload updateEvidence(@Argument UpdateInput input) {
        return Payload.of(evidence.update(
                actor(),
                Ids.decode(input.id(), "Evidence"),
                input.expectedVersion(),
                input.draft(),
                input.idempotencyKey()));
    }

    @MutationMapping
    Payload submitEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.SUBMIT);
    }

    @MutationMapping
    Payload endorseEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.ENDORSE);
    }

    @MutationMapping
    Payload requestEvidenceChanges(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.REQUEST_CHANGES);
    }

    @MutationMapping
    Payload rejectEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.REJECT);
    }

    @MutationMapping
    Payload withdrawEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.WITHDRAW);
    }

    @Override
    public String type() {
        return "Evidence";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return evidence.get(actor, id);
    }

    private Payload step(TransitionInput input, EvidencePolicy.Transition transition) {
        return Payload.of(evidence.transition(
                actor(),
                Ids.decode(input.id(), "Evidence"),
                input.expectedVersion(),
                transition,
                input.comment(),
                input.idempotencyKey()));
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    private static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private static @Nullable List<UUID> decodeCompetencies(@Nullable List<String> ids) {
        return ids == null
                ? null
                : ids.stream().map(id -> Ids.decode(id, "Competency")).toList();
    }

    record FilterInput(
            @Nullable String competencyId,
            Evidence.@Nullable Kind kind,
            Evidence.@Nullable Status status,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    record LogInput(
            @Nullable String personId,
            @Nullable List<String> competencyIds,
            Evidence.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate occurredOn,
            @Nullable List<String> links,
            Evidence.@Nullable Impact impact,
            @Nullable String idempotencyKey) {

        EvidenceService.Draft draft() {
            return new EvidenceService.Draft(
                    decodeCompetencies(competencyIds), kind, title, description, occurredOn, links, impact);
        }
    }

    record UpdateInput(
            String id,
            int expectedVersion,
            @Nullable List<String> competencyIds,
            Evidence.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate occurredOn,
            @Nullable List<String> links,
            Evidence.@Nullable Impact impact,
            @Nullable String idempotencyKey) {

        EvidenceService.Draft draft() {
            return new EvidenceService.Draft(
                    decodeCompetencies(competencyIds), kind, title, description, occurredOn, links, impact);
        }
    }

    record ImportInput(List<ImportItem> items) {}

    record ImportItem(
            String externalId,
            String personId,
            @Nullable List<String> competencyIds,
            Evidence.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate occurredOn,
            @Nullable List<String> links,
            Evidence.@Nullable Impact impact) {

        EvidenceService.Draft draft() {
            return new EvidenceService.Draft(
                    decodeCompetencies(competencyIds), kind, title, description, occurredOn, links, impact);
        }
    }

    record ImportPayload(List<EvidenceImport.Result> results, List<UserError> userErrors) {}

    record TransitionInput(
            String id,
            int expectedVersion,
            @Nullable String comment,
            @Nullable String idempotencyKey) {}

    record Payload(Evidence evidence, List<UserError> userErrors) {

        static Payload of(Evidence evidence) {
            return new Payload(evidence, List.of());
        }
    }
}
