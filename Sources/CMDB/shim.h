// mdbtools' libmdb (LGPL-2.0-or-later, linked dynamically): reads Jet 3, Jet 4 and ACE
// databases for SunsetReadable's JetSource.
#include <mdbtools.h>
