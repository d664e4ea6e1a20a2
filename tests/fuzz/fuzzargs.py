"""fuzzargs - what the one-utility fuzzers share (stat_fuzz.py, cat_fuzz.py,
df_fuzz.py, follow_fuzz.py): their command line, BINDIR SEED COUNT -> (our
binary's absolute path, its random.Random(SEED), COUNT), too few words
giving the caller's docstring; and pieces of the command lines they make."""
import os
import random
import sys


def fuzz_args(doc, util):
    if len(sys.argv) < 4:
        raise SystemExit(doc)
    ours = os.path.abspath(os.path.join(sys.argv[1], util))
    return ours, random.Random(int(sys.argv[2])), int(sys.argv[3])


def cluster(r, letters):
    """"-" and one to three random letters of LETTERS: an option cluster."""
    return "-" + "".join(r.choice(letters) for _ in range(r.randint(1, 3)))


def with_operands(r, args, names):
    """ARGS with zero to three of NAMES put in at random places."""
    for _ in range(r.randint(0, 3)):
        args.insert(r.randint(0, len(args)), r.choice(names))
    return args
