package org.callcentre.ivr.flow;

/** {@code kind: hours}: routes by the business calendar (open, closed, holiday). */
final class HoursHandler implements NodeHandler<Node.Hours> {

    private final BusinessCalendar calendar;

    HoursHandler(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Class<Node.Hours> kind() {
        return Node.Hours.class;
    }

    @Override
    public String handle(Node.Hours node, CallSession session) {
        BusinessCalendar.Status status = calendar.now();
        session.journey().note("hours", status.name().toLowerCase());
        return switch (status) {
            case OPEN -> node.open().take(session);
            case CLOSED -> node.closed().take(session);
            case HOLIDAY -> node.holiday().take(session);
        };
    }
}
