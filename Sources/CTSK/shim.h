// The Sleuth Kit's C library (libtsk: CPL-1.0, with BSD/MIT-licensed parts; linked
// dynamically), for SunsetImage. It opens disk images read-only: raw and split raw itself,
// EnCase E01 through libewf, VHD/VHDX through libvhdi and VMDK through libvmdk (all three
// LGPL-3+, loaded by libtsk), then their volume systems (MBR, GPT) and file systems (NTFS,
// FAT, exFAT, ext…). Sunset calls only its C API; the C++ parts are behind __cplusplus.
#include <tsk/libtsk.h>
