package dev.earshot.training;

/**
 * One training text as the scorer sees it.
 *
 * @param sentiment       0 negative, 1 neutral, 2 positive
 * @param complaint       1 when it is a complaint
 * @param sentimentWeight how much it counts for the sentiment heads (source and class balance)
 * @param complaintWeight how much it counts for the complaint head
 */
record Example(Row row, int[] buckets, boolean[] unigram, double value, double[] dense, int sentiment,
        int complaint, double sentimentWeight, double complaintWeight) {
}
