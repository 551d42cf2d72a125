package dev.earshot.sentiment.scoring;

import java.util.List;
import java.util.Map;

/**
 * The rule data of the scorer: VADER's constants and word lists (from its published reference
 * implementation, vaderSentiment 3.3.2), plus Earshot's own small lists. None of this is a
 * sentiment lexicon; the valences of words come from {@link Lexicon}.
 */
final class Rules {

    private Rules() {
    }

    // ---- VADER's constants ---------------------------------------------------------------

    /** Added to (or taken from) a word's valence by a booster ("very") or dampener ("slightly"). */
    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    /** Added to the valence of an ALL-CAPS word when the rest of the text is not in caps. */
    static final double C_INCR = 0.733;
    /** A negated word's valence is multiplied by this. */
    static final double N_SCALAR = -0.74;
    /** Normalization constant: compound = sum / sqrt(sum^2 + ALPHA). */
    static final double ALPHA = 15;
    /** "never so good": intensifies instead of negating. */
    static final double NEVER_SO = 1.25;
    /** Weight of the words before a contrast ("but") and after it. */
    static final double BEFORE_BUT = 0.5;
    static final double AFTER_BUT = 1.5;
    static final double EXCLAMATION_EACH = 0.292;
    static final int EXCLAMATION_MAX = 4;
    static final double QUESTION_EACH = 0.18;
    static final double QUESTION_MAX = 0.96;

    /** VADER's negations (vaderSentiment's NEGATE), plus {@code nobody}; any word ending in n't also negates. */
    static final List<String> NEGATORS = List.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
            "nobody");

    /** VADER's BOOSTER_DICT, single words (the two-word ones are handled as "kind of"/"sort of"). */
    static final List<String> BOOSTERS = List.of(
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
            "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin",
            "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly",
            "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber",
            "unbelievably", "unusually", "utter", "utterly", "very");

    static final List<String> DAMPENERS = List.of(
            "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
            "slight", "slightly", "somewhat", "sorta", "sortof", "sort-of");

    /**
     * Phrases whose meaning is not the sum of their words: VADER's SPECIAL_CASES and
     * SENTIMENT_LADEN_IDIOMS. Valence on VADER's scale; a valence of 0 silences the words it
     * covers. Pattern syntax: see {@link PhrasePattern}.
     */
    static final String VADER_IDIOMS = """
             3.0  the shit
             3.0  the bomb
             1.5  bad ass
             0.0  bus stop
            -2.0  yeah right
            -1.5  kiss of death
             3.0  to die for
             3.1  beating heart
            -2.9  broken heart
             2.0  cut the mustard
            -2.0  hand to mouth
            -2.0  back handed
            -2.0  blow|blowing smoke
             1.0  upper hand
             2.0  break a leg
             2.0  cooking with gas
             2.0  in the black
            -2.0  in the red
             2.0  on the ball
            -2.0  under the weather
            """;

    /**
     * Earshot's idioms: sarcasm markers, review idioms, and "like"/"please"/"help" used as a
     * preposition, a politeness or a request, which carry no feeling.
     */
    static final String EARSHOT_IDIOMS = """
            # sarcasm markers
            -2.5  thanks|thank_you for nothing
            -2.0  what_a|absolute|complete|total|utter|such_a joke|farce|shambles|circus
            -2.0  nothing says ~3 like
             2.2  thanks|thank_you so much for
            -1.5  so much for
            -1.6  oh great|wonderful|perfect|fantastic|brilliant|lovely|joy|goody
            -1.8  good luck getting|trying|with|finding|reaching|contacting|getting_through
            -1.0  nice try
            # review idioms
             2.8  couldn't|could_not be happier|better|more_pleased|more_satisfied|more_impressed|more_thrilled
             2.5  couldn't|could_not|can't|cannot ask for more|better|anything_more|a_better
             3.0  can't|cannot recommend ~3 enough
             3.0  can't|cannot say enough good|nice|great|positive
             1.5  can't|cannot wait
             1.0  does|did the job|trick
             1.2  does|did what it says|promised|should
             2.5  worth every penny|cent
             2.0  5|five stars
             2.0  10 10|out_of_10
            -2.0  1|one star
            -2.5  0|zero|no stars
            -1.0  nothing special|to_write_home_about
            -1.5  not great
            # words that carry no feeling here
             0.0  looks|look|looked|feels|feel|felt|seems|seem|seemed|sounds|sound|sounded like
             0.0  smells|smell|smelled|tastes|taste|tasted like
             0.0  just|more|something|anything|things|stuff|nothing|exactly like
             0.0  would|i'd|we'd|i_would like
             0.0  please
             0.0  dear
            -1.0  oh dear
             0.0  customer|tech|technical|it|online|phone|live|email|chat support
             0.0  contacted|emailed|called|rang|phoned|messaged|contact|email|call|ring|phone|message|asked support
             0.0  please|someone|anyone|can_you|could_you|can_anyone|can_someone|can_somebody help
            """;

    /**
     * Positive words that, alone at the head of a clause ("Great, ...", "Oh lovely.") in a text
     * that otherwise complains, are read as sarcasm.
     */
    static final List<String> SARCASM_PRONE = List.of(
            "great", "perfect", "wonderful", "fantastic", "brilliant", "lovely", "awesome", "nice",
            "amazing", "excellent", "fabulous", "terrific", "super", "marvellous", "marvelous",
            "splendid", "outstanding", "superb", "cool", "sweet", "fun", "love", "thanks", "thank");

    /** Words that let a positive word before them start a sarcastic aside ("Oh great,"). */
    static final List<String> SARCASM_LEAD = List.of("oh", "just", "well", "wow", "yay", "gee");

    /** "Love how they ...", "gotta love ...": love in front of a complaint is sarcasm. */
    static final List<String> SARCASM_LOVE_FOLLOWERS = List.of("how", "that", "it", "when", "the", "being");

    /** Adverbs that boost the next word rather than carry a feeling ("pretty bad"). */
    static final List<String> ADVERB_BOOSTERS = List.of("pretty", "super", "real", "way", "too");

    /**
     * Words that tell of something having gone wrong, with or without a feeling word ("flight now
     * leaving at 21:40, still no update", "parcel marked delivered, missing"). Read as a post cue
     * by the learned tier ({@link PostCues}), not as valence.
     */
    static final List<String> FAILURE_EVENTS = List.of(
            "delayed", "delay", "delays", "cancelled", "canceled", "cancellation", "cancelling", "lost", "losing",
            "missing", "broken", "broke", "stuck", "stranded", "waiting", "waited", "still", "again", "another",
            "overcharged", "charged", "refund", "refunds", "outage", "outages", "dropped", "crashed", "crashes",
            "crashing", "damaged", "smashed", "cracked", "late", "leaking", "leak", "faulty",
            "wrong", "failed", "fails", "failing", "declined", "rejected", "denied", "ignored",
            "ignoring", "diverted", "bumped", "overbooked", "nobody", "noone", "nothing", "never", "without",
            "yet", "unanswered", "disconnected", "cut", "expired", "spoiled", "mouldy", "moldy", "cold",
            "twice", "no-show", "unusable", "unreachable", "useless", "hours", "weeks");

    /** A sentence opening with one of these asks the brand to act ("Fix the app.", "Please refund me"). */
    static final List<String> REQUEST_LEADS = List.of(
            "please", "pls", "plz", "fix", "sort", "refund", "cancel", "send", "explain", "answer",
            "reply", "respond", "call", "tell", "give", "return", "bring", "need", "someone", "anyone", "help",
            "sack", "hire", "update", "deliver", "honour", "honor", "reimburse", "compensate");

    /** Contrast words: the clause after them weighs more. */
    static final List<String> CONTRAST = List.of("but", "however");

    /** Concessive openers: the clause they open weighs less than the main clause after it. */
    static final List<String> CONCESSIVE = List.of("although", "though", "while", "whilst", "even");

    /** A text that opens with one of these and has no "!" is a question even without "?". */
    static final List<String> QUESTION_WORDS = List.of(
            "what", "why", "how", "when", "where", "who", "which", "whats", "what's");

    /** Words that stand for a number in a complaint ("waited two hours"). */
    static final List<String> NUMBER_WORDS = List.of(
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred",
            "several", "few", "couple", "many", "multiple", "countless", "numerous", "dozen",
            "half");

    static final List<String> TIME_UNITS = List.of(
            "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
            "day", "days", "week", "weeks", "month", "months", "year", "years", "ages", "forever",
            "weekend", "fortnight");

    /**
     * Common emoji with a valence on VADER's scale. VADER itself translates emoji into their
     * names; a dozen or so that carry most of the feeling in reviews and posts will do here.
     */
    static final Map<Integer, Double> EMOJI = Map.ofEntries(
            Map.entry(0x1F621, -3.0),  // pouting face
            Map.entry(0x1F620, -2.5),  // angry face
            Map.entry(0x1F92C, -3.2),  // face with symbols on mouth
            Map.entry(0x1F622, -2.0),  // crying face
            Map.entry(0x1F62D, -2.3),  // loudly crying face
            Map.entry(0x1F61E, -2.0),  // disappointed face
            Map.entry(0x1F612, -1.6),  // unamused face
            Map.entry(0x1F644, -1.5),  // face with rolling eyes
            Map.entry(0x1F643, -1.2),  // upside-down face (irony)
            Map.entry(0x1F92E, -2.8),  // face vomiting
            Map.entry(0x1F44E, -2.0),  // thumbs down
            Map.entry(0x1F4A9, -2.2),  // pile of poo
            Map.entry(0x1F60D, 3.0),   // smiling face with heart-eyes
            Map.entry(0x1F970, 3.0),   // smiling face with hearts
            Map.entry(0x1F60A, 2.4),   // smiling face with smiling eyes
            Map.entry(0x1F642, 1.4),   // slightly smiling face
            Map.entry(0x1F600, 2.2),   // grinning face
            Map.entry(0x1F602, 1.5),   // face with tears of joy
            Map.entry(0x1F44D, 2.0),   // thumbs up
            Map.entry(0x2764, 2.8),    // red heart
            Map.entry(0x1F64F, 1.3),   // folded hands
            Map.entry(0x1F389, 2.2));  // party popper

    /**
     * Stop words per language, for a cheap language guess. Words that are just as common in
     * English ("a", "in", "me") are left out of the other lists.
     */
    static final Map<String, List<String>> STOP_WORDS = Map.of(
            "en", List.of("the", "and", "is", "are", "was", "were", "it", "this", "that", "to", "of",
                    "for", "with", "my", "i", "you", "they", "we", "have", "has", "had", "not", "but",
                    "on", "at", "be", "very", "would", "will", "been", "it's", "i'm", "their", "our",
                    "from", "what", "just", "there", "an", "so", "did", "didn't", "don't", "me", "your"),
            "es", List.of("el", "los", "las", "que", "y", "en", "una", "es", "por", "con", "muy",
                    "pero", "para", "lo", "se", "del", "al", "mi", "está", "fue", "su", "como", "más",
                    "todo", "nada", "nunca", "hemos", "tiene", "esta", "este", "estaba", "ha", "han",
                    "mis", "sigue", "todavía", "aún", "hace", "desde", "gracias", "cuando", "nadie", "otra",
                    "vez", "qué", "porque", "nos", "hoy", "días", "pedí", "llegó", "usted", "ustedes"),
            "fr", List.of("le", "les", "des", "et", "est", "un", "une", "que", "pas", "pour", "dans",
                    "je", "il", "ce", "cette", "avec", "sur", "mais", "très", "du", "au", "ne", "été",
                    "était", "nous", "vous", "qui", "suis", "mon", "ma", "c'est", "j'ai", "n'est", "rien",
                    "pourquoi", "toujours", "encore", "depuis", "merci", "mes", "vos", "votre", "avez", "sont",
                    "jamais", "aucun", "quand", "personne", "à", "déjà", "aujourd'hui", "jours", "leur"),
            "de", List.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "ich", "es",
                    "mit", "zu", "den", "dem", "auf", "für", "sehr", "aber", "war", "sind", "wir", "sie",
                    "auch", "noch", "von", "bei", "wurde", "kein", "keine", "nach", "mein", "meine", "hat",
                    "mir", "mich", "uns", "schon", "immer", "wieder", "seit", "warum", "wann", "wie", "kann",
                    "habe", "haben", "wird", "bitte", "danke", "nur", "nichts", "niemand", "heute", "tagen",
                    "mehr", "ihr", "euch", "ihre", "ihren", "oder", "dass", "wo", "ihnen"),
            "pt", List.of("os", "que", "e", "da", "em", "um", "uma", "não", "é", "muito", "mas",
                    "para", "com", "foi", "meu", "minha", "está", "na", "dos", "das", "nao",
                    "ainda", "pedido", "você", "isso",
                    "até", "sem", "obrigado", "obrigada", "já", "nem", "vocês", "hoje", "ninguém", "dias",
                    "há", "novo", "chegou", "meus", "minhas", "depois", "ficou", "estou", "por", "nada", "nunca"),
            "it", List.of("il", "lo", "gli", "di", "che", "e", "è", "un", "una", "non", "per", "con",
                    "molto", "ma", "sono", "del", "della", "ho", "mi", "questo", "anche", "ancora",
                    "stato", "nel", "alla", "sempre", "niente",
                    "perché", "grazie", "mio", "mia", "mai", "oggi", "giorni", "nessuno", "alle", "sei",
                    "siete", "hanno", "dopo", "ogni", "più", "arrivato", "vostro"),
            "nl", List.of("de", "het", "een", "en", "niet", "van", "ik", "dat", "die", "met", "voor",
                    "op", "zijn", "maar", "heel", "er", "te", "ook", "wel", "geen", "nog", "mijn",
                    "bij", "heb", "werd",
                    "waarom", "wanneer", "bedankt", "dank", "weer", "sinds", "dagen", "jullie", "uw",
                    "niemand", "steeds", "niks", "wat", "wordt", "moet", "hebben", "naar", "nooit", "alweer"));
}
