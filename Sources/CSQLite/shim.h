#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import:
/// bind calls get it from here (SQLite then copies the bytes it is given).
static inline sqlite3_destructor_type sunset_sqlite_transient(void) { return SQLITE_TRANSIENT; }
