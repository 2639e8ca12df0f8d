#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: this wrapper turns off
   SQLite's memory statistics, whose global mutex costs a bulk import dearly.
   It must run before the first connection is opened. */
static inline int mailmigrate_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The smallest run (in pages) SQLite's external sorter keeps in memory before
   it writes it to a temporary file. The default, 250 pages, is 16 MB with the
   store's 64 KiB pages: building the key index at the end of a large run
   would hold that much. Also before the first connection. */
static inline int mailmigrate_sqlite3_set_sorter_run_pages(unsigned pages) {
    return sqlite3_config(SQLITE_CONFIG_PMASZ, pages);
}
