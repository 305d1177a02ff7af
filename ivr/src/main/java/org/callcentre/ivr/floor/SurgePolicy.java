package org.callcentre.ivr.floor;

import java.util.List;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.SurgeLevel;

/** The surge level the floor's figures call for: the highest level whose threshold is reached. */
final class SurgePolicy {

    private final List<IvrProperties.SurgeThreshold> thresholds;

    SurgePolicy(List<IvrProperties.SurgeThreshold> thresholds) {
        this.thresholds = thresholds;
    }

    SurgeLevel levelFor(int waitingCallers, long longestWaitSeconds) {
        SurgeLevel level = SurgeLevel.NONE;
        for (IvrProperties.SurgeThreshold t : thresholds) {
            boolean reached = waitingCallers >= t.waitingCallers() || longestWaitSeconds >= t.longestWait().toSeconds();
            if (reached && t.level().compareTo(level) > 0) {
                level = t.level();
            }
        }
        return level;
    }
}
