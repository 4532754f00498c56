package org.trellis.api.mentoring;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for mentoring types: visible where their pairing is. */
final class MentoringNodes {

    private MentoringNodes() {}

    @Component
    static class Pairings implements NodeResolver {

        private final MentorshipService service;

        Pairings(MentorshipService service) {
            this.service = service;
        }

        @Override
        public String type() {
            return "Mentorship";
        }

        @Override
        public Object resolve(Actor actor, UUID id) {
            return service.get(actor, id);
        }
    }

    @Component
    static class Goals implements NodeResolver {

        private final MentoringContentService content;

        Goals(MentoringContentService content) {
            this.content = content;
        }

        @Override
        public String type() {
            return "MentoringGoal";
        }

        @Override
        public Object resolve(Actor actor, UUID id) {
            return content.goal(actor, id);
        }
    }

    @Component
    static class Sessions implements NodeResolver {

        private final MentoringContentService content;

        Sessions(MentoringContentService content) {
            this.content = content;
        }

        @Override
        public String type() {
            return "MentoringSession";
        }

        @Override
        public Object resolve(Actor actor, UUID id) {
            return content.session(actor, id);
        }
    }

    @Component
    static class Actions implements NodeResolver {

        private final MentoringContentService content;

        Actions(MentoringContentService content) {
            this.content = content;
        }

        @Override
        public String type() {
            return "MentoringAction";
        }

        @Override
        public Object resolve(Actor actor, UUID id) {
            return content.action(actor, id);
        }
    }
}
