# The comparison: pandas read_csv + describe() over the same CSV (run with Debian's /usr/bin/python3).
import sys
import pandas

frame = pandas.read_csv(sys.argv[1])
frame.describe(include="all")
