"""Convert the verbatim pages saved from public GitHub copies into the evaluation TSVs.

Usage: python3 convert_public.py RAW_DIR OUT_PUBLIC_DIR OUT_PRIVATE_DIR

RAW_DIR holds each page exactly as the file store returned it (see README.md, "Rebuilding"):
  uci_amazon_p0.txt, uci_yelp_p0.txt  - Kotzias et al. "Sentiment Labelled Sentences", sentence<TAB>0|1
  air_<offset>.csv                    - Twitter US Airline Sentiment, rows of
                                        tweet_id,airline_sentiment,negativereason,airline,text,tweet_created
  mi_<offset>.csv                     - Amazon reviews, Musical Instruments 5-core (McAuley), rows of
                                        reviewerID,asin,reviewerName,helpful,reviewText,overall,summary,
                                        unixReviewTime,reviewTime (mi_0.csv starts with that header line)
A page's first and last lines are cut mid-row by the store's paging and were not saved.
Nothing is filtered or relabelled; rows keep the source's order.
"""
import csv
import glob
import html
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tsvio  # noqa: E402

raw, out_public, out_private = sys.argv[1:4]

# --- single sentences (CC BY 4.0): committed -------------------------------------------
sentences = []
for site, key in (("amazon", "K1"), ("yelp", "K2")):
    path = os.path.join(raw, "uci_%s_p0.txt" % site)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            text, label = line.rstrip("\n").rsplit("\t", 1)
            sentences.append({
                "id": "kotzias-%s-%d" % (site, n),   # n = line number in the original file
                "label": {"0": "negative", "1": "positive"}[label.strip()],
                "stars": "", "text": text.strip(), "site": site, "source": key,
            })
tsvio.write(os.path.join(out_public, "sentences-kotzias.tsv"),
            ["id", "label", "stars", "text", "site", "source"], sentences)

# --- airline tweets (CC BY-NC-SA 4.0): not committed -------------------------------------
tweets = []
for path in sorted(glob.glob(os.path.join(raw, "air_*.csv")),
                   key=lambda p: int(p.rsplit("_", 1)[1].split(".")[0])):
    with open(path, encoding="utf-8", newline="") as f:
        for tweet_id, sentiment, reason, airline, text, created in csv.reader(f):
            tweets.append({
                "id": "airline-" + tweet_id, "label": sentiment, "stars": "",
                # the Kaggle copy keeps Twitter's HTML escapes (&amp; &lt; &gt;); a mention shows the characters
                "text": html.unescape(text).strip(),
                "airline": airline, "negativereason": reason, "tweet_created": created,
                "source": "T1@" + os.path.basename(path).split("_")[1].split(".")[0],
            })
os.makedirs(out_private, exist_ok=True)
tsvio.write(os.path.join(out_private, "posts-airline-tweets.tsv"),
            ["id", "label", "stars", "text", "airline", "negativereason", "tweet_created", "source"], tweets)

# --- star-rated Amazon reviews (no open licence): not committed --------------------------
MI_COLUMNS = ["reviewerID", "asin", "reviewerName", "helpful", "reviewText", "overall", "summary",
              "unixReviewTime", "reviewTime"]
reviews = []
for path in sorted(glob.glob(os.path.join(raw, "mi_*.csv")),
                   key=lambda p: int(p.rsplit("_", 1)[1].split(".")[0])):
    with open(path, encoding="utf-8", newline="") as f:
        for fields in csv.reader(f):
            if fields == MI_COLUMNS:
                continue
            r = dict(zip(MI_COLUMNS, fields))
            stars = int(float(r["overall"]))
            reviews.append({
                # reviewer names are left out; the pseudonymous reviewer id keeps the row traceable
                "id": "amazon-mi-%s-%s" % (r["asin"], r["reviewerID"]),
                # the same convention as the training corpus: 1-2 negative, 3 neutral, 4-5 positive
                "label": "negative" if stars <= 2 else "neutral" if stars == 3 else "positive",
                "stars": str(stars), "text": html.unescape(r["reviewText"]).strip(),
                "summary": html.unescape(r["summary"]).strip(), "asin": r["asin"],
                "review_time": r["unixReviewTime"],
                "source": "A1@" + os.path.basename(path).split("_")[1].split(".")[0],
            })
tsvio.write(os.path.join(out_private, "reviews-amazon-instruments.tsv"),
            ["id", "label", "stars", "text", "summary", "asin", "review_time", "source"], reviews)

for name, rows in (("sentences-kotzias", sentences), ("posts-airline-tweets", tweets),
                   ("reviews-amazon-instruments", reviews)):
    counts = {}
    for r in rows:
        counts[r["label"]] = counts.get(r["label"], 0) + 1
    print(name, len(rows), dict(sorted(counts.items())))
