"""Read and write the TSV format of shared/datasets/sentiment-train (and of every file here).

UTF-8, one header line, tab-separated, no quoting; inside a field \\ \t \n \r stand for
backslash, tab, newline and carriage return.
"""
import csv
import sys

_ESC = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESC = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def escape(value):
    return "".join(_ESC.get(ch, ch) for ch in str(value))


def unescape(value):
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value) and value[i + 1] in _UNESC:
            out.append(_UNESC[value[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def write(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(escape(row.get(c, "")) for c in columns) + "\n")


def read(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for fields in reader:
            yield dict(zip(header, (unescape(x) for x in fields)))
