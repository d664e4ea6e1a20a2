"""fuzzargs - the command line the one-utility fuzzers share (stat_fuzz.py,
cat_fuzz.py, df_fuzz.py): BINDIR SEED COUNT -> (our binary's absolute path, its
random.Random(SEED), COUNT); too few words: the caller's docstring."""
import os
import random
import sys


def fuzz_args(doc, util):
    if len(sys.argv) < 4:
        raise SystemExit(doc)
    ours = os.path.abspath(os.path.join(sys.argv[1], util))
    return ours, random.Random(int(sys.argv[2])), int(sys.argv[3])
