package org.callcentre.ivr.supervision;

/** The manuals' side-by-side and remote monitoring: listen only, whisper to the agent, or join in. */
public enum MonitorMode {
    LISTEN("qsE"), WHISPER("qsEw"), BARGE("qsEB");

    /** ChanSpy options: q no beep, s no name announcement, E end with the spied call, w whisper, B barge. */
    final String chanSpyOptions;

    MonitorMode(String chanSpyOptions) {
        this.chanSpyOptions = chanSpyOptions;
    }
}
