package com.funnelgate.gateway.funnel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the width of a tenant's rollup buckets so that bucket edges (UTC-aligned) always fall on
 * the tenant's local hour boundaries: 60 minutes for zones whose offsets are whole hours, 30 for
 * half-hour zones (India, Adelaide, Newfoundland), 15 for the rest (Nepal, Chatham). Offsets from
 * 2000 on count (funnel events cannot be older), and the zone's rules for the future.
 */
public final class RollupBuckets {

    private static final Instant SINCE = Instant.parse("2000-01-01T00:00:00Z");

    private RollupBuckets() {
    }

    /** Minutes per bucket for a zone: 60, 30 or 15. */
    public static int minutesFor(ZoneId zone) {
        List<ZoneOffset> offsets = offsets(zone.getRules());
        for (int minutes : new int[] {60, 30}) {
            if (offsets.stream().allMatch(offset -> offset.getTotalSeconds() % (minutes * 60) == 0)) {
                return minutes;
            }
        }
        return 15;
    }

    private static List<ZoneOffset> offsets(ZoneRules rules) {
        List<ZoneOffset> offsets = new ArrayList<>();
        offsets.add(rules.getOffset(SINCE));
        for (ZoneOffsetTransition transition : rules.getTransitions()) {
            if (transition.getInstant().isAfter(SINCE)) {
                offsets.add(transition.getOffsetAfter());
            }
        }
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            offsets.add(rule.getOffsetBefore());
            offsets.add(rule.getOffsetAfter());
        }
        return offsets;
    }
}
