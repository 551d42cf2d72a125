package dev.earshot.sentiment.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a mention can be about: aspect ids (delivery, staff, ...) and the words or phrases that
 * name each one. Immutable; an operator extends the defaults with {@link #with(Map)}.
 *
 * <p>A keyword is one word or a phrase of words separated by spaces, matched whole and in any
 * case. A single word also matches its plural with a trailing {@code s}.
 */
public final class AspectTaxonomy {

    /** At most this many aspects, so a word's aspects fit one {@code long} bit set. */
    public static final int MAX_ASPECTS = 64;

    private static final Pattern ASPECT_ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private static final AspectTaxonomy DEFAULTS = new AspectTaxonomy(defaultKeywords());

    private final Map<String, List<String>> keywordsByAspect;

    private AspectTaxonomy(Map<String, List<String>> keywordsByAspect) {
        this.keywordsByAspect = keywordsByAspect;
    }

    /**
     * Earshot's eight aspects: {@code delivery, staff, quality, price, waiting, cleanliness,
     * safety, communication}.
     */
    public static AspectTaxonomy defaults() {
        return DEFAULTS;
    }

    /** A taxonomy of exactly these aspects and keywords. */
    public static AspectTaxonomy of(Map<String, List<String>> keywordsByAspect) {
        return new AspectTaxonomy(merge(new LinkedHashMap<>(), keywordsByAspect));
    }

    /**
     * This taxonomy plus more keywords; an aspect id not yet known becomes a new aspect.
     *
     * @throws IllegalArgumentException for a malformed aspect id, a blank keyword, or more than
     *                                  {@value #MAX_ASPECTS} aspects
     */
    public AspectTaxonomy with(Map<String, List<String>> extraKeywordsByAspect) {
        return new AspectTaxonomy(merge(new LinkedHashMap<>(keywordsByAspect), extraKeywordsByAspect));
    }

    /** The aspect ids, in the order they were defined. */
    public List<String> aspects() {
        return List.copyOf(keywordsByAspect.keySet());
    }

    /** The keywords of one aspect (lower-case, spaces normalized); empty for an unknown aspect. */
    public List<String> keywords(String aspect) {
        return keywordsByAspect.getOrDefault(aspect, List.of());
    }

    /** Every aspect with its keywords, in definition order. */
    public Map<String, List<String>> keywordsByAspect() {
        return keywordsByAspect;
    }

    @Override
    public String toString() {
        return "AspectTaxonomy" + keywordsByAspect.keySet();
    }

    private static Map<String, List<String>> merge(Map<String, List<String>> base, Map<String, List<String>> extra) {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        base.forEach((aspect, words) -> sets.put(aspect, new LinkedHashSet<>(words)));
        extra.forEach((aspect, words) -> {
            if (aspect == null || !ASPECT_ID.matcher(aspect).matches()) {
                throw new IllegalArgumentException("aspect id must match " + ASPECT_ID + ": " + aspect);
            }
            Set<String> set = sets.computeIfAbsent(aspect, a -> new LinkedHashSet<>());
            for (String word : words) {
                set.add(normalizeKeyword(aspect, word));
            }
        });
        if (sets.size() > MAX_ASPECTS) {
            throw new IllegalArgumentException("at most " + MAX_ASPECTS + " aspects, got " + sets.size());
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        sets.forEach((aspect, words) -> result.put(aspect, List.copyOf(words)));
        return Collections.unmodifiableMap(result);
    }

    private static String normalizeKeyword(String aspect, String keyword) {
        if (keyword == null || keyword.isBlank()) {
            throw new IllegalArgumentException("blank keyword for aspect " + aspect);
        }
        List<String> words = new ArrayList<>();
        for (String w : keyword.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("\\s+")) {
            words.add(w);
        }
        return String.join(" ", words);
    }

    private static Map<String, List<String>> defaultKeywords() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("delivery", words("""
                delivery deliveries deliver delivered delivering shipping shipped ship shipment courier
                parcel package packaging postage dispatch dispatched tracking postman postwoman doorstep
                fedex dhl usps|royal mail|out for delivery|left at the door|tracking number"""));
        k.put("staff", words("""
                staff employee worker waiter waitress server cashier barista manager receptionist clerk
                agent representative rep assistant technician crew bartender host hostess attendant
                attitude rude impolite polite courteous friendly unfriendly attentive unhelpful
                salesperson salesman saleswoman chef cook concierge|customer service|front desk|shop assistant"""));
        k.put("quality", words("""
                quality broken broke defective faulty damaged flimsy sturdy durable material fabric
                stitching battery screen build taste tasted tasteless flavour flavor fresh stale bland
                undercooked overcooked soggy tough product item cracked leaks leaking leaked ripped torn
                scratched dented malfunction malfunctioning works working crashes crashing
                crash|stopped working|fell apart|falls apart|cheaply made|poorly made|well made"""));
        k.put("price", words("""
                price priced pricing cost costs expensive cheap overpriced pricey value money refund
                refunds refunded charge charged charges overcharged fee fees bill billed billing invoice
                payment paid pay discount coupon voucher subscription dollars euros pounds bucks receipt
                deposit ripoff|hidden fees|money back|rip off|price tag"""));
        k.put("waiting", words("""
                wait waited waiting queue queued delay delayed delays late slow slowly forever ages quick
                quickly fast speedy prompt promptly minutes hours weeks overdue|on hold|took ages|took forever"""));
        k.put("cleanliness", words("""
                clean cleaned cleaner cleanliness dirty filthy messy mess stain stained smell smelled
                smelly stink stinks stank hygiene hygienic unhygienic dust dusty sticky grimy greasy mould
                mold mouldy moldy cockroach cockroaches roach roaches rats mice spotless tidy untidy
                bathroom toilet toilets restroom restrooms sheets|hair in"""));
        k.put("safety", words("""
                safe safety unsafe dangerous danger hazard hazardous injury injured hurt burn burned burnt
                fire sick ill poisoning allergic allergy allergen recall recalled exploded explode
                overheating overheated overheats shock choking expired contaminated raw vomit vomiting
                hospital ambulance|food poisoning|electric shock|sharp edges|caught fire"""));
        k.put("communication", words("""
                email emails emailed call called calls calling phone phoned reply replied replies respond
                responded response contact contacted message messages messaged chat support hotline
                voicemail callback update updates informed notify notified notification ticket answer
                answered ignored ghosted|call back|called back|get back|got back|heard back|hear back|no response"""));
        return merge(new LinkedHashMap<>(), k);
    }

    /** Single words separated by whitespace, then phrases separated by {@code |}. */
    private static List<String> words(String block) {
        List<String> out = new ArrayList<>();
        String[] parts = block.split("\\|");
        for (String w : parts[0].strip().split("\\s+")) {
            out.add(w);
        }
        for (int i = 1; i < parts.length; i++) {
            out.add(parts[i].strip().replaceAll("\\s+", " "));
        }
        return out;
    }
}
