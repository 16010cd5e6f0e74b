package io.rackscope.desktop.capacity;

import io.rackscope.desktop.topology.Rack;

/**
 * What one rack has left: free U per face and the largest contiguous free run of each (the biggest
 * device that still goes in), its power by the devices' nameplates ({@code power_w}), drawn now and
 * at its peak over the last day (NaN where not known), against its budget ({@code power_budget_w},
 * NaN without one).
 */
public record RackCapacity(
        Rack rack,
        int freeFront,
        int freeRear,
        int largestFront,
        int largestRear,
        double nameplateWatts,
        double budgetWatts,
        double nowWatts,
        double peakWatts) {
    /** BTU/h per watt: all the power a rack draws ends up as heat. */
    public static final double BTU_PER_HOUR_PER_WATT = 3.412142;

    /**
     * The power to plan with: the measured peak when known, else what is drawn now, else the
     * nameplates (NaN when nothing is known).
     */
    public double plannedWatts() {
        if (!Double.isNaN(peakWatts)) {
            return Math.max(peakWatts, Double.isNaN(nowWatts) ? peakWatts : nowWatts);
        }
        return !Double.isNaN(nowWatts) ? nowWatts : nameplateWatts;
    }

    /** The budget less the power planned with; NaN without a budget or without a power. */
    public double headroomWatts() {
        return budgetWatts - plannedWatts();
    }

    /** Heat load, BTU/h, of what is drawn now (else the nameplates). */
    public double heatBtuPerHour() {
        double w = !Double.isNaN(nowWatts) ? nowWatts : nameplateWatts;
        return w * BTU_PER_HOUR_PER_WATT;
    }

    /** The largest contiguous free run of either face. */
    public int largestFree() {
        return Math.max(largestFront, largestRear);
    }

    /** Whether its nameplates or its measured peak exceed its budget. */
    public boolean overBudget() {
        return nameplateWatts > budgetWatts || peakWatts > budgetWatts;
    }

    /**
     * Whether a device of {@code units} U drawing {@code watts} goes in: a free run that long on a
     * face, and, with a budget, that much headroom (without one, power does not stop it).
     */
    public boolean fits(int units, double watts) {
        if (largestFree() < units) {
            return false;
        }
        return Double.isNaN(budgetWatts)
                || Double.isNaN(plannedWatts()) && watts <= budgetWatts
                || headroomWatts() >= watts;
    }
}
