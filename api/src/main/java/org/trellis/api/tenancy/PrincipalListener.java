package org.trellis.api.tenancy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.PrincipalChanges.PrincipalsChanged;
import org.trellis.persistence.ChannelListener;

/**
 * Listens on {@link PrincipalChanges#CHANNEL} over one dedicated connection (not from the pool, as the runtime role)
 * and announces each tenant named there as {@link PrincipalsChanged} on this instance (its cached sign-ins are
 * dropped, its live connections signed in again). While the connection is down the sign-in cache is off, so no
 * instance serves a sign-in another instance has revoked; it reconnects every second.
 */
@Component
class PrincipalListener implements SmartLifecycle, ChannelListener.Handler {

    private final IssuerAuthenticationManagers managers;
    private final ApplicationEventPublisher events;
    private final ChannelListener listener;

    PrincipalListener(
            IssuerAuthenticationManagers managers, ApplicationEventPublisher events, Environment environment) {
        this.managers = managers;
        this.events = events;
        this.listener = new ChannelListener(
                PrincipalChanges.CHANNEL,
                new ChannelListener.Connect(
                        environment.getRequiredProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"),
                        "trellis-principal-listener"),
                this,
                Duration.ofSeconds(1),
                "Sign-in cache off");
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    @Override
    public void listening() {
        managers.principals().listening(true);
    }

    @Override
    public void lost() {
        managers.principals().listening(false);
    }

    @Override
    public void notified(List<String> payloads) {
        for (String payload : payloads) {
            try {
                events.publishEvent(new PrincipalsChanged(UUID.fromString(payload)));
            } catch (IllegalArgumentException e) {
                managers.principals().evictAll(); // not ours to read: forget everything
            }
        }
    }
}
