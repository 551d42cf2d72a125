package dev.earshot.alert.incident;

import dev.earshot.events.Alert;

/**
 * The estimated reach of public complaints, from the customer-service research Earshot is built on:
 * each public complaint stands for about 26 unhappy customers who say nothing, and each unhappy
 * customer tells 9 to 15 people. An order of magnitude to weigh an incident by, never a count.
 */
public final class Reach {

    public static final int SILENT_PER_COMPLAINT = 26;
    public static final int TOLD_LOW = 9;
    public static final int TOLD_HIGH = 15;
    public static final String BASIS = "Estimate, not a count: each public complaint stands for about 26 unhappy"
            + " customers who stay silent, and each unhappy customer tells 9 to 15 people.";

    private Reach() {
    }

    /** Null when there is no complaint to extrapolate from. */
    public static Alert.Reach estimate(int complaints) {
        if (complaints <= 0) {
            return null;
        }
        int silent = complaints * SILENT_PER_COMPLAINT;
        int unhappy = complaints + silent;
        return new Alert.Reach(complaints, silent, unhappy * TOLD_LOW, unhappy * TOLD_HIGH, BASIS);
    }
}
