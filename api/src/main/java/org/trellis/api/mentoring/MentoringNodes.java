package org.trellis.api.mentoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for mentoring types: visible where their pairing is. */
@Configuration(proxyBeanMethods = false)
class MentoringNodes {

    @Bean
    NodeResolver mentorshipNodes(MentorshipService mentorships) {
        return NodeResolver.of("Mentorship", mentorships::get);
    }

    @Bean
    NodeResolver mentoringGoalNodes(MentoringContentService content) {
        return NodeResolver.of("MentoringGoal", content::goal);
    }

    @Bean
    NodeResolver mentoringSessionNodes(MentoringContentService content) {
        return NodeResolver.of("MentoringSession", content::session);
    }

    @Bean
    NodeResolver mentoringActionNodes(MentoringContentService content) {
        return NodeResolver.of("MentoringAction", content::action);
    }
}
