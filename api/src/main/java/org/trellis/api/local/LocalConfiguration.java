package org.trellis.api.local;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Local profile wiring: the database bootstrap, and GraphiQL's page and the development issuer reachable without
 * a token.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalConfiguration {

    @Bean
    static LocalDatabaseBootstrap localDatabaseBootstrap(Environment environment) {
        return new LocalDatabaseBootstrap(environment);
    }

    /** Before Spring Security, so nothing under {@code /dev/} answers a request addressed to another host. */
    @Bean
    FilterRegistrationBean<LoopbackHostFilter> loopbackHostFilter() {
        FilterRegistrationBean<LoopbackHostFilter> registration =
                new FilterRegistrationBean<>(new LoopbackHostFilter());
        registration.addUrlPatterns("/dev/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain localTools(HttpSecurity http) throws Exception {
        return http.securityMatcher("/graphiql", "/graphiql/**", "/dev/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
