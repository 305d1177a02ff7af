package org.callcentre.ivr;

/**
 * DOMAIN.md's surge levels: (1) every manager takes calls, (2) breaks are restricted and waiting
 * callers are offered a callback, (3) off-duty staff are called in.
 */
public enum SurgeLevel {
    NONE, LEVEL_1, LEVEL_2, LEVEL_3;

    public boolean offersCallback() {
        return compareTo(LEVEL_2) >= 0;
    }
}
