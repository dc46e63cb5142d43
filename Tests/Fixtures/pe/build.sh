#!/usr/bin/env bash
# Rebuilds the small PE fixtures from the .rc files here with mingw-w64
# (apt-get install mingw-w64). The binaries are committed so tests need no cross compiler.
#   NAME.rc  →  NAME.exe   (PE32+ unless NAME ends in -32, then PE32)
set -euo pipefail
cd "$(dirname "$0")"
printf 'int start(void) { return 0; }\n' > /tmp/sunset-pe-stub.c
for rc in *.rc; do
  name=${rc%.rc}
  prefix=x86_64-w64-mingw32
  case $name in *-32) prefix=i686-w64-mingw32 ;; esac
  $prefix-windres "$rc" -O coff -o "/tmp/$name.res"
  $prefix-gcc -Os -s -nostdlib -Wl,--entry=start -Wl,--file-alignment=512 \
    -o "$name.exe" /tmp/sunset-pe-stub.c "/tmp/$name.res"
done
ls -l *.exe
