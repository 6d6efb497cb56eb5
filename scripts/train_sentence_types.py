"""Retrain the sentence typer's shipped weights from its shipped examples.

Usage: python scripts/train_sentence_types.py [OUT.npz]
(needs the embed extra; writes src/tidings/extract/data/type_weights.npz by default)
"""

import sys

from tidings.extract.sentence_types import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
