package dev.earshot.sentiment.scoring;

/**
 * Earshot's complaint layer: phrases and patterns that say something went wrong even when no word
 * in them carries a feeling ("still waiting for my refund", "charged twice", "nobody called back").
 * General-purpose lexicons miss these, and they are exactly what a PR person must see.
 *
 * <p>One rule a line: valence on VADER's scale, the aspects it implies ({@code -} for none), and a
 * {@link PhrasePattern}. A rule that matches replaces the lexicon valences of the words it covers.
 * A match right after a negation ("no hidden fees", "never been overcharged") or inside a
 * condition ("if it arrives broken") does not count.
 */
final class ComplaintRules {

    private ComplaintRules() {
    }

    static final String RULES = """
            # ---- delay and waiting
            -2.2  waiting             still waiting|waitin
            -2.0  -                   still #neg
            -2.0  -                   still no|nothing
            -1.8  -                   still yet to
            -2.0  -                   still broken|late|missing|faulty|down|unresolved|pending|not_fixed|charging_me
            -1.8  communication       unresolved|unanswered
            -1.8  -                   yet to hear|receive|get|see|arrive|be_refunded
            -2.0  waiting             wait|waited|waiting|waits ~4 #time
            -2.0  waiting             waiting|waited|wait for|on my|our|the|a? refund|money|replacement|reply|response|callback|answer|order|package|parcel|delivery|engineer|technician|call
            -2.0  waiting             took|takes|taking forever|ages
            -1.8  waiting             took|takes|taking over|almost|nearly|more_than (#num|an|a)? #time
            -1.8  waiting             took|takes|taking #num|several|many weeks|months
            -2.0  waiting             #num|an|a|two|few #time late|overdue
            -1.8  waiting,delivery    arrived|arrives|came|comes|delivered|showed_up|turned_up (very|so|really|extremely)? late
            -1.5  waiting             is|was|were|are|been|running|always|again (very|so|really|extremely)? late
            -1.8  waiting             kept|keep|keeps|left me|us (on_hold|waiting|hanging)
            -1.8  waiting,communication  on hold for|forever|again
            -1.6  waiting             too|so|very|painfully|incredibly|ridiculously|really slow
            -1.6  waiting             slow service|delivery|response|shipping|staff
            -1.4  waiting             not here yet
            -1.8  waiting             late delivery|deliveries|order|orders|arrival|shipment|parcel|package|response|reply|refund|again
            -1.8  waiting             #num|an|a|half_an #time queue|wait|line|delay
            # ---- delivery and orders
            -2.5  delivery            #neg yet? arrived|arrive|showed_up|show_up|turned_up|turn_up|came|delivered|been_delivered|shipped|received|receive|got
            -2.0  delivery            stuck|held_up ~4 #time
            -1.8  -                   been|was|were|got|keeps_getting|keep_getting|kept_getting cancelled|canceled|delayed|postponed|rescheduled
            -2.2  delivery            lost|lose|losing|misplaced my|our|the order|parcel|package|luggage|bag|bags|booking|reservation|delivery
            -2.0  delivery            wrong|incorrect order|item|items|size|colour|color|product|address|parcel|package|meal|dish|food|drink
            -2.0  price               wrong|incorrect amount|charge|bill|change|price|total
            -2.0  -                   missing item|items|parts|part|piece|pieces|order|delivery|screws|pieces|half
            -2.0  -                   is|was|were|are missing
            -1.8  -                   cancelled|canceled|cancels|cancelling|canceling my|our|the order|booking|reservation|flight|appointment|delivery
            -1.5  -                   sent|send|sending|returned|returning|return it|them|this|everything? back
            -1.5  -                   had|have|has to return|send_back|chase|complain|call_again|email_again|reorder
            # ---- failure and poor quality
            -2.4  delivery,quality    arrived|arrives|came|comes|delivered|turned_up|showed_up already|completely|totally|badly? broken|damaged|cracked|smashed|dented|crushed|torn|leaking|opened|wet|defective|faulty|stale|melted|dead|empty|used|scratched|ruined|spoiled|spoilt|mouldy|moldy|cold
            -2.4  quality             stopped|stops|quit|quits working|charging|turning_on|responding|functioning|heating|cooling
            -2.2  quality             #neg even? work|works|working|turn_on|charge|charging|fit|fits|load|loads|loading|connect|connects|start|starts|open|opens|close|closes|function|functions|sync|print|prints
            -2.5  quality             broke|broken|died|dies|failed|fails|fell_apart|falls_apart|came_apart|cracked|snapped|tore|ripped|stopped_working|gave_up|gave_out|wore_out|leaked|leaks|faded|shrank ~3 after|within|in ~3 #time|use|uses|wash|washes|wear|wears|weeks|days|months|washing|trip|trips
            -2.3  quality             battery|charge ~2 runs|ran|run|drains|drained|dies|died|goes|went|running down|out|flat|dead? in|after|within ~2 #time
            -2.0  quality             battery|charge ~2 lasts|lasted|last only|barely|just|less_than|under ~2 #time
            -2.0  quality             battery|charge ~2 barely|only|hardly|just lasts|lasted|last
            -1.8  quality             goes|went|keeps_going|kept_going black|blank|dead
            -1.8  quality             turns|turned|switches|switched off_by_itself|itself_off|off_randomly
            -1.8  quality             out_of_order|out_of_service
            -1.6  quality             snapped|snaps|shattered|smashed|dented|torn|ripped
            -2.0  quality             letdown|let_down|let_me_down|let_us_down
            -1.6  quality             cold shower|showers|food|coffee|tea|chips|fries|meal|pizza|room|rooms|latte|soup|burger
            -1.2  quality             #neg cover|covers|covered
            -1.8  quality             battery|charge ~2 drains|drained|dies|died|draining
            -2.2  quality             keeps|kept|keep crashing|freezing|breaking|failing|dropping|disconnecting|rebooting|restarting|logging_me_out|cancelling|canceling|charging|happening|leaking|jamming
            -1.6  quality             crashes|glitchy|buggy|laggy|unreliable|unusable|overheats|malfunctioning|malfunctions|wobbly|flimsy
            -1.6  quality             undercooked|overcooked|stale|soggy|lukewarm|rancid|mouldy|moldy|inedible|cold_food|tasteless|burnt
            -2.0  quality             not|nothing as|like described|advertised|pictured|shown|expected|the_picture|the_pictures|the_photos|the_description
            -2.2  quality             fell|falls|came|comes|falling|coming apart
            -2.0  quality             poorly|cheaply|badly made|built|designed|packaged|packed|stitched|fitted|installed|cooked
            -1.8  quality             #neg do|does what|anything
            -1.5  quality             too|way_too small|big|large|tight|loose|short|long|thin|heavy|salty|sweet|greasy|oily|dry|noisy|loud|hot|cold|pricey|expensive|complicated|fiddly
            # ---- money
            -2.5  price               charged|billed|charging|billing me|us? twice|double|thrice|again|extra|two_times|three_times|for_nothing|after_cancelling|after_i_cancelled
            -2.5  price               double|duplicate charged|billed|charge|charges|payment
            -2.3  price               charged|billed|charging|billing|debited ~4 cancelled|canceled|cancelling|never_ordered|never_signed_up|didn't_order|did_not_order|never_received|didn't_receive|never_used|never_got
            -1.5  price               bill|price|charge|cost|total ~2 double|twice|triple
            -1.8  price               why ~3 charged|billed|ignored|cancelled|canceled|refused|overcharged|debited|penalised|penalized
            -2.3  price               overcharged|overcharging|overcharge|ripoff|rip-off
            -2.5  price               ripped|rip off
            -2.0  price               hidden fees|charges|costs|fee
            -2.0  price               want|wants|wanted|need|demand|demanding|asked_for|requested|still_waiting_for my|our|a|the? money_back|refund
            -2.2  price               #neg yet? refunded|reimbursed|compensated|credited
            -2.0  price               no|zero refund|compensation|apology|reimbursement|credit
            -2.5  price               waste of money|time|cash
            -2.5  price               save your money|cash
            -1.8  price               #neg worth it|the_money|the_price|the_cost|the_wait|the_hype
            -1.8  price               way|far|ridiculously|insanely|hugely|massively|totally|completely overpriced|expensive|pricey
            -1.6  price               overpriced
            -1.6  price               cost|costs|charged|paid an_arm_and_a_leg|a_fortune
            # ---- being ignored
            -2.3  communication       nobody|noone|no_one ~3 told|informed|warned|explained|mentioned|updated|called|call|rang|emailed|replied|responded|answered|got_back|gets_back|came|showed_up|bothered|picked_up|picks_up|answers|called_back|returned|knew|knows|cared|cares|helped|apologized|apologised
            -2.0  communication       #neg ever? called|call|rung|ring|rang|emailed|email|replied|reply|responded|respond|answered|answer|contacted|contact|get_back|got_back|called_back|call_back|heard_back|hear_back|heard_anything|heard_from|hear_from|followed_up|follow_up|acknowledged|bothered|tell|told|inform|informed|warn|warned|let_us_know|let_me_know
            -1.8  communication       without anyone|any? contacting|calling|replying|responding|telling|asking|explanation|warning|notice
            -1.8  communication       trying|tried to reach|contact|get_through|get_hold_of|speak_to|talk_to ~4 for|since
            -2.0  communication       how many_more_times|many_times_do_i|many_times_must_i|many_times_have_i
            -2.0  communication       no|zero|never_got_a|never_received_a reply|response|answer|callback|call_back|follow-up|followup|update|updates|word|contact|acknowledgement|acknowledgment|help|support|explanation
            -2.0  communication       ignored|ignoring|ignores|ignore my|our|me|us|all|every|the
            -2.0  communication       ghosted|stonewalled
            -2.2  communication,staff hung|hang|hangs up on me|us
            -1.8  communication       went|goes|go|sent straight? to voicemail
            -1.5  communication       automated|canned|generic|scripted|copy-paste reply|response|email|answer|message|replies|responses
            -1.6  communication       chasing|chased|chase them|it|this|up
            -1.5  communication       #num|several|multiple|many|countless|numerous calls|emails|messages|attempts|complaints|tickets|chats
            -1.8  communication       transferred|passed ~2 times|around|again|between
            -2.0  staff               couldn't|could_not|can't|cannot be bothered
            -1.8  staff               blamed|blame|blaming me|us|the_customer
            -1.8  staff               without|no an? apology
            -1.8  -                   kept|keeps|keep us|me up|awake
            -1.6  staff               unhelpful|dismissive|condescending|patronising|patronizing|clueless
            -2.2  -                   refused|refuses|refusing to refund|help|replace|exchange|fix|honour|honor|accept|give|cancel
            -2.0  -                   denied|rejected|declined my|our claim|refund|request|warranty|return
            -2.0  price               took|taken|stole|kept my|our money|cash|deposit
            -1.6  staff               talked|spoke down to
            -1.4  staff               rolled|rolling her|his|their? eyes
            # ---- broken promises and repeat failures
            -2.0  -                   promised|told_me|told_us|assured|guaranteed|said_it_would|said_they_would ~6 but|never|still|yet|nothing
            -1.6  -                   supposed|meant to be|arrive|have|get|come|call|ship|deliver|refund|take|last|work
            -1.8  -                   second|third|fourth|fifth|another|#num time this|it has? happened
            -1.5  -                   happened|late|broken|wrong|cancelled|canceled|missing again
            # ---- walking away
            -2.8  -                   never again
            -2.5  -                   #neg be? coming|come|going|go|shopping|shop|ordering|order|buying|buy|using|use|booking|book|staying|stay|eating|eat|visiting|visit|returning|return|flying|fly|dining|dine|dealing|deal ~2 back|again
            -2.0  -                   #neg ever? recommend|recommending
            -2.3  -                   avoid|stay_away|steer_clear|do_not_buy|don't_buy|dont_buy|don't_bother|do_not_bother|go_elsewhere|look_elsewhere|shop_elsewhere|buyer_beware
            -2.0  -                   cancelled|canceled|cancelling|canceling|closing|closed my account|subscription|membership|contract
            -1.5  -                   switching|switched|moving|moved to a? competitor|another|different
            # ---- health and safety
            -3.0  safety              food poisoning
            -2.8  safety              made|got|get|getting|felt|became|left me|us|my|him|her? ~1 sick|ill|vomiting
            -2.8  cleanliness         found|was|there_was|there_were a|an? hair|bug|bugs|cockroach|cockroaches|fly|insect|insects|glass|plastic|mould|mold|worm|maggots in
            -3.0  safety              caught|catches|catching fire
            -2.5  safety              exploded|explodes|sparked|sparking|smoking|melted
            -2.5  safety              allergic reaction
            -2.5  safety              burned|burnt|cut|shocked|injured|hurt my|me|him|her|his|our
            -2.5  safety              electric shock
            -1.8  -                   shame|pity about
            -1.8  quality             rubbish|garbage|junk|trash|nightmare|mediocre|bland|overrated|cramped|understaffed|scammed|unreliable|outdated|shoddy|shabby|subpar|sub-par
            -1.8  cleanliness         filthy|grimy|smelly|stinky|grubby|unclean|unhygienic|infested|mouldy|moldy
            -1.6  cleanliness         smelled|smells|smell|stinks|stank|reeked|reeks|reeking of|like ~2 urine|smoke|sewage|mould|mold|damp|bleach|sweat|vomit|garbage|rubbish|pee|wee
            -1.6  cleanliness         sticky|greasy|stained|grimy|unhygienic|dusty|mouldy|moldy tables|table|floor|floors|sheets|towels|cups|bathroom|room|carpet|carpets|menus|cutlery|counter|toilet|toilets
            """;

    /**
     * The mirror image: outcomes that tell of good service without a feeling word ("fixed on the
     * first visit", "no questions asked", "I'll definitely be back"). Same syntax and guards.
     */
    static final String PRAISE = """
             1.8  -        fixed|repaired|sorted|solved|resolved|replaced|refunded|answered|delivered|arrived|done|ready|served|installed|rang_back|called_back|got_back ~4 first_visit|first_time|same_day|next_day|the_next_day|straight_away|right_away|promptly|in_minutes|in_no_time|in_under|within_minutes|within_the_hour|within_an_hour|within_a_day|within_#num|ahead_of_schedule|early|before_i|no_questions_asked|free_of_charge|at_no_cost|for_free|without_any_fuss|without_fuss|as_promised
             1.5  -        no|without any? questions_asked|quibble|quibbles|fuss|hassle|extra_charge|extra_cost
             1.5  price    free_of_charge|at_no_cost|at_no_extra_cost|at_no_extra_charge|on_the_house|complimentary
             1.5  delivery arrived|came|delivered|turned_up|showed_up a|one|two|#num? day|days? early|ahead_of_schedule|ahead_of_time
             1.5  quality  still looks|works|runs|going|fits ~1 new|strong|fine|perfect|perfectly|well
             1.5  quality  #neg faded|shrunk|shrank|failed|leaked|skipped|let_me_down|let_us_down|missed_a_beat
             1.2  quality  lasts|lasted ~2 all_day|all_week|all_night|days|weeks|ages|forever|a_week|a_full_day|years
             2.0  -        definitely|certainly|will|would|i'll|we'll|i'd|we'd definitely? be_back|come_back|go_back|buy_again|order_again|book_again|stay_again|use_again|shop_again|visit_again
             2.0  staff    above and beyond
             2.0  staff    the|an extra mile
             1.8  -        exceeded|surpassed ~2 expectations
             1.2  -        upgraded|upgrade us|me|our|my
             1.2  price    waived|waive the? fee|fees|charge|charges|penalty
            """;
}
