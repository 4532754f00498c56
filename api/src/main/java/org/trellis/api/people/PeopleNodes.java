package org.trellis.api.people;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for people and teams, as visible as through {@code person} and {@code team}. */
@Configuration(proxyBeanMethods = false)
class PeopleNodes {

    @Bean
    NodeResolver personNodes(PeopleService people) {
        return NodeResolver.of("Person", people::get);
    }

    @Bean
    NodeResolver teamNodes(TeamService teams) {
        return NodeResolver.of("Team", teams::get);
    }
}
