#!/usr/bin/env bash
# Rebuilds the registry hive fixtures from the .reg files here:
#   NAME.reg  →  NAME.hive
# make-minimal-hive.py writes an empty hive (hivex cannot create one from nothing), then
# hivex's own writer (`hivexregedit --merge`, apt-get install libwin-hivex-perl) adds the
# keys and values. The hives are committed so that the tests need neither tool; the
# reader's own test compares what it reads with what hivex exports from the same files.
set -euo pipefail
cd "$(dirname "$0")"
for reg in *.reg; do
  name=${reg%.reg}
  python3 make-minimal-hive.py "$name.hive" "$name"
  hivexregedit --merge "$name.hive" "$reg"
done
ls -l *.hive
