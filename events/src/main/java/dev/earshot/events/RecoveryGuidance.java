package dev.earshot.events;

import java.util.List;

/**
 * How to answer a complaint so the customer comes back (service-recovery research the product is built on), written
 * once: alert-service's emails list these steps under "What to do now", and the console's reply draft follows them.
 * Plain text; escape it like any other text where it is shown.
 */
public final class RecoveryGuidance {

    /** Answer fast, apologise first. */
    public static final String APOLOGISE_FIRST = "Answer publicly and fast, and apologise first: thank them for telling you.";
    /** One concrete next step, plainly. */
    public static final String OWN_THE_FIX = "Own the fix: say what you will do and by when, in plain words, without policy-speak.";
    /** No deflection before the apology. */
    public static final String NO_DEFLECTING = "Ask no \"have you tried...\" questions before the apology.";
    /** Something extra, and a follow-up. */
    public static final String SOMETHING_EXTRA = "Give something extra, then follow up once it is fixed.";

    /** The steps, in order. */
    public static final List<String> STEPS = List.of(APOLOGISE_FIRST, OWN_THE_FIX, NO_DEFLECTING, SOMETHING_EXTRA);

    private RecoveryGuidance() {
    }
}
