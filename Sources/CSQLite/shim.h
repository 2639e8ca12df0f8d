#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: this wrapper turns off
   SQLite's memory statistics, whose global mutex costs a bulk import dearly.
   It must run before the first connection is opened. */
static inline int mailmigrate_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
