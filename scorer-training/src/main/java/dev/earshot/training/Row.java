package dev.earshot.training;

/**
 * One labelled text of a TSV file.
 *
 * @param label     negative | neutral | positive | complaint (as in the file)
 * @param complaint the file's {@code complaint} column, null when it has none
 * @param stars     1-5, 0 when none
 * @param group     rows of one review share it ({@code review_id}, else {@code id}): split by it
 * @param file      the file's name, e.g. {@code hotel.tsv}
 */
record Row(String id, String label, Boolean complaint, int stars, String text, String group, String file,
        String lang) {

    /** Gold complaint: the file's own column, else a complaint narrative or a negative text. */
    boolean isComplaint() {
        return complaint != null ? complaint : label.equals("complaint") || label.equals("negative");
    }
}
