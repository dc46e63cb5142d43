#!/usr/bin/env python3
"""Writes an empty but valid registry hive (regf 1.3): a base block, one 4 KiB hive bin
holding the root key, its security cell and free space. hivex cannot create a hive from
nothing, so the fixtures start from this file and `hivexregedit --merge` adds the keys."""
import struct
import sys

BIN = 0x1000

def cell(body):
    size = (len(body) + 4 + 7) & ~7
    return struct.pack('<i', -size) + body + b'\0' * (size - 4 - len(body))

def root_key(sk_offset, name=b'ROOT'):
    none = 0xFFFFFFFF
    return b'nk' + struct.pack('<HQIIIIIIIIIIIIIIIHH', 0x2C, 0, 0, 0, 0, 0, none, none, 0, none,
                               sk_offset, none, 0, 0, 0, 0, 0, len(name), 0) + name

def security(offset):
    descriptor = struct.pack('<BBHIIII', 1, 0, 0x8004, 0, 0, 0, 0)  # self-relative, NULL DACL
    return b'sk' + struct.pack('<HIIII', 0, offset, offset, 1, len(descriptor)) + descriptor

def hive(name):
    nk_offset = 0x20
    nk = cell(root_key(0))
    sk_offset = nk_offset + len(nk)
    nk = cell(root_key(sk_offset))
    sk = cell(security(sk_offset))
    used = 0x20 + len(nk) + len(sk)
    free = struct.pack('<i', BIN - used) + b'\0' * (BIN - used - 4)
    hbin = b'hbin' + struct.pack('<III', 0, BIN, 0) + b'\0' * 16 + nk + sk + free
    assert len(hbin) == BIN
    base = bytearray(BIN)
    struct.pack_into('<4sIIQIIIIIII', base, 0, b'regf', 1, 1, 0, 1, 3, 0, 1, nk_offset, BIN, 1)
    label = name.encode('utf-16-le')[:64]
    base[0x30:0x30 + len(label)] = label
    checksum = 0
    for (word,) in struct.iter_unpack('<I', bytes(base[:0x1FC])):
        checksum ^= word
    checksum = {0: 1, 0xFFFFFFFF: 0xFFFFFFFE}.get(checksum, checksum)
    struct.pack_into('<I', base, 0x1FC, checksum)
    return bytes(base) + hbin

if __name__ == '__main__':
    with open(sys.argv[1], 'wb') as out:
        out.write(hive(sys.argv[2] if len(sys.argv) > 2 else 'minimal'))
