package org.trellis.api.readiness;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.frameworks.Level;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.PromotionCase.CaseStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Ids.PromotionCaseId;
import org.trellis.graphql.UserError;

/** GraphQL {@code PromotionCase}: nominating, reviewing and deciding, the committee view, and the packet. */
@Controller
class PromotionCaseController {

    private final PromotionCaseService cases;
    private final PeopleService people;
    private final FrameworkService frameworks;

    PromotionCaseController(PromotionCaseService cases, PeopleService people, FrameworkService frameworks) {
        this.cases = cases;
        this.people = people;
        this.frameworks = frameworks;
    }

    @QueryMapping
    List<PromotionCase> promotionCases(@Argument PersonId personId) {
        return cases.ofPerson(actor(), personId.value());
    }

    @QueryMapping
    List<PromotionCase> promotionCommittee(@Argument String levelCode) {
        return cases.committee(actor(), levelCode);
    }

    @MutationMapping
    Payload nominateForPromotion(@Argument NominateInput input) {
        return new Payload(cases.nominate(actor(), input.personId().value(), input.note()), List.of());
    }

    @MutationMapping
    Payload startPromotionReview(@Argument MoveInput input) {
        return new Payload(
                cases.move(actor(), input.id().value(), input.expectedVersion(), CaseStatus.IN_REVIEW, null),
                List.of());
    }

    @MutationMapping
    Payload decidePromotion(@Argument DecideInput input) {
        return new Payload(
                cases.move(actor(), input.id().value(), input.expectedVersion(), input.outcome(), input.reason()),
                List.of());
    }

    @SchemaMapping(typeName = "PromotionCase", field = "packet")
    String packet(PromotionCase promotion) {
        return cases.packet(promotion);
    }

    @BatchMapping(typeName = "PromotionCase", field = "person")
    Map<PromotionCase, @Nullable Person> person(List<PromotionCase> items) {
        return BatchJoins.toOne(items, PromotionCase::personId, this::people, Person::id);
    }

    @BatchMapping(typeName = "PromotionCase", field = "nominatedBy")
    Map<PromotionCase, @Nullable Person> nominatedBy(List<PromotionCase> items) {
        return BatchJoins.toOne(items, PromotionCase::nominatedById, this::people, Person::id);
    }

    @BatchMapping(typeName = "PromotionCase", field = "decidedBy")
    Map<PromotionCase, @Nullable Person> decidedBy(List<PromotionCase> items) {
        return BatchJoins.toOne(items, PromotionCase::decidedById, this::people, Person::id);
    }

    @BatchMapping(typeName = "PromotionCase", field = "level")
    Map<PromotionCase, @Nullable Level> level(List<PromotionCase> items) {
        return BatchJoins.toOne(items, PromotionCase::levelId, ids -> frameworks.levels(actor(), ids), Level::id);
    }

    private List<Person> people(List<java.util.UUID> ids) {
        return people.getAll(actor(), ids);
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record NominateInput(PersonId personId, @Nullable String note) {}

    record MoveInput(PromotionCaseId id, int expectedVersion) {}

    record DecideInput(PromotionCaseId id, int expectedVersion, CaseStatus outcome, String reason) {}

    record Payload(PromotionCase promotionCase, List<UserError> userErrors) {}
}
