package org.inspraak.goal;

/** What a goal measures. Only the median answer time is better when lower. */
public enum GoalMetric {
    PARTICIPANTS(1_000_000),
    IDEAS(1_000_000),
    REACTIONS(10_000_000),
    SHARE_UNDER_35(100),
    MEDIAN_ANSWER_HOURS(24 * 365),
    BALLOTS(1_000_000);

    /** The largest target that makes sense; larger ones are refused as impossible. */
    final double maxTarget;

    GoalMetric(double maxTarget) {
        this.maxTarget = maxTarget;
    }

    public boolean lowerIsBetter() {
        return this == MEDIAN_ANSWER_HOURS;
    }

    /**
     * A level (a share, a median) is judged by where it stands now; only a running count grows towards its target
     * over time and may be "on track" with part of it.
     */
    public boolean isLevel() {
        return this == SHARE_UNDER_35 || this == MEDIAN_ANSWER_HOURS;
    }
}
