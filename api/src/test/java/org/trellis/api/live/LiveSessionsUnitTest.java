package org.trellis.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tomcat.websocket.Constants;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;

class LiveSessionsUnitTest {

    /**
     * Tomcat writes a close frame other than 1000 within 50 ms or drops the connection without one, and a client then
     * sees 1006 (seen once in a full test run: a refused connection_init answered 1006, not 4401, and again once with
     * 2 s on a loaded CI machine). Every connection gets 5 s.
     */
    @Test
    void everyConnectionGivesItsCloseFrameTimeToBeWrittenUnderLoad() {
        Map<String, Object> properties = new HashMap<>();
        StandardWebSocketSession session = new StandardWebSocketSession(new HttpHeaders(), Map.of(), null, null);
        session.initializeNativeSession(tomcatSession(properties));

        new LiveSessions(new LiveProperties(10, 5, 500), new SimpleMeterRegistry()).opened(session);

        assertThat(properties).containsEntry(Constants.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT_PROPERTY, 5_000L);
    }

    /**
     * A sign-in beyond the limit is refused with 4429, on a thread its refusal waits for before the GraphQL handler
     * answers the refused connection_init with its own close (4401): not waiting raced it, and a test run saw 4401.
     */
    @Test
    void aConnectionBeyondTheLimitIsRefusedAndClosedWith4429() throws InterruptedException {
        LiveSessions sessions = new LiveSessions(new LiveProperties(10, 1, 500), new SimpleMeterRegistry());
        sessions.start();
        Actor actor =
                new Actor(ActorKind.PERSON, UUID.randomUUID(), UUID.randomUUID(), null, "eng", Set.of(), Set.of());
        List<CloseStatus> first = new CopyOnWriteArrayList<>();
        List<CloseStatus> second = new CopyOnWriteArrayList<>();
        sessions.opened(recording("one", first));
        sessions.opened(recording("two", second));

        assertThat(sessions.authenticated("one", actor, null, null)).isNull();
        CloseStatus refusal = sessions.authenticated("two", actor, null, null);
        assertThat(refusal).isEqualTo(LiveSessions.TOO_MANY_CONNECTIONS);
        sessions.close("two", refusal).join();

        assertThat(second).containsExactly(new CloseStatus(4429, "Too many connections"));
        assertThat(first).isEmpty();
    }

    /** A WebSocket session that records how it was closed. */
    private static WebSocketSession recording(String id, List<CloseStatus> closes) {
        return (WebSocketSession) Proxy.newProxyInstance(
                LiveSessionsUnitTest.class.getClassLoader(),
                new Class<?>[] {WebSocketSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> closes.isEmpty();
                    case "close" -> {
                        closes.add((CloseStatus) args[0]);
                        yield null;
                    }
                    default -> null;
                });
    }

    /** A standard session as far as opening a connection asks of it: an id, its user properties, and closed. */
    private static Session tomcatSession(Map<String, Object> properties) {
        return (Session) Proxy.newProxyInstance(
                LiveSessionsUnitTest.class.getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> "session-1";
                    case "getUserProperties" -> properties;
                    case "isOpen" -> false;
                    default -> null;
                });
    }
}
