"""Prints the most frequent words of a text file: python3 word_freq.py FILE [N]."""
import re
import sys
from collections import Counter


def count_words(text, stop_words=None):
    words = re.findall(r"[a-z']+", text.lower())
    if stop_words:
        words = [w for w in words if w not in stop_words]
    return Counter(words)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    top = int(argv[2]) if len(argv) > 2 else 10
    with open(argv[1], encoding="utf-8") as f:
        counts = count_words(f.read(), stop_words={"the", "a", "an", "and", "of", "to"})
    for word, n in counts.most_common(top):
        print(f"{n:6}  {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
