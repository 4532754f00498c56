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
    NodeResolver mentoringGoalNodes(MentoringGoalService goals) {
        return NodeResolver.of("MentoringGoal", goals::goal);
    }

    @Bean
    NodeResolver mentoringSessionNodes(MentoringSessionService sessions) {
        return NodeResolver.of("MentoringSession", sessions::session);
    }

    @Bean
    NodeResolver mentoringActionNodes(MentoringActionService actions) {
        return NodeResolver.of("MentoringAction", actions::action);
    }
}
