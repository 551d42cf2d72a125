"""Measure how many evaluation rows also occur in the training corpus.

Usage: python3 check_overlap.py TRAIN_DIR FILE.tsv [FILE.tsv ...]

A row overlaps when its text, lower-cased with punctuation and whitespace collapsed, equals a
training text, or (for texts of 8+ words) is contained in one - the rules the training corpus's
README says were used to remove held-out rows. Every row is checked, not a sample.
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tsvio  # noqa: E402


def norm(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


train_dir, files = sys.argv[1], sys.argv[2:]
train = [norm(r["text"]) for p in sorted(glob.glob(os.path.join(train_dir, "*.tsv")))
         if not p.endswith("MANIFEST.tsv") for r in tsvio.read(p)]
exact = set(train)
blob = " \n " + " \n ".join(train) + " \n "
print("training texts:", len(train))
for path in files:
    rows = list(tsvio.read(path))
    hits = []
    for r in rows:
        t = norm(r["text"])
        if t in exact or (len(t.split()) >= 8 and (" " + t + " ") in blob):
            hits.append(r["id"])
    print("%s: %d rows, %d in the training corpus %s" % (os.path.basename(path), len(rows), len(hits), hits[:10]))
