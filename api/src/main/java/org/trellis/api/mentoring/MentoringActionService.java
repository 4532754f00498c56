package org.trellis.api.mentoring;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;

/** Actions agreed in a session: the pair ticks them off while the pairing is active. */
@Service
class MentoringActionService {

    private final MentorshipService mentorships;
    private final MentoringSessionService sessions;
    private final SessionRecords sessionRecords;
    private final ActionRecords actions;
    private final AuditTrail audit;

    MentoringActionService(
            MentorshipService mentorships,
            MentoringSessionService sessions,
            SessionRecords sessionRecords,
            ActionRecords actions,
            AuditTrail audit) {
        this.mentorships = mentorships;
        this.sessions = sessions;
        this.sessionRecords = sessionRecords;
        this.actions = actions;
        this.audit = audit;
    }

    @Transactional
    MentoringAction setActionDone(Actor actor, UUID actionId, boolean done) {
        MentoringAction action = actions.findAction(actionId).orElseThrow(() -> new NotFoundException("Action"));
        MentoringSession session =
                sessionRecords.findSession(action.sessionId()).orElseThrow();
        mentorships.active(actor, session.mentorshipId(), "input", "id");
        MentoringAction updated = actions.setDone(actionId, done);
        audit.record(
                actor,
                actor.tenant(),
                "mentoring.action-" + (done ? "done" : "reopened"),
                "Mentorship",
                session.mentorshipId(),
                Map.of("action", actionId));
        return updated;
    }

    @Transactional(readOnly = true)
    MentoringAction action(Actor actor, UUID id) {
        MentoringAction action = actions.findAction(id).orElseThrow(() -> new NotFoundException("Action"));
        sessions.session(actor, action.sessionId());
        return action;
    }

    /** Actions per session, for sessions the caller already sees. */
    @Transactional(readOnly = true)
    Map<UUID, List<MentoringAction>> actionsOf(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? Map.of() : actions.actionsOf(sessionIds);
    }
}
