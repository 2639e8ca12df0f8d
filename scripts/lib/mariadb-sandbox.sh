# A throw-away MariaDB for scripts: `mariadb_sandbox_start` installs
# mariadb-server when it is missing, starts a server with no network (a
# socket in a temporary directory) and removes everything on exit.
# Afterwards `sql ARGS…` runs the client on it, `table_jsonl DB TABLE` prints
# every row of a table as one JSON object per line (by id), and
# `mysqldump_sandbox ARGS…` dumps from it. Source this file; needs bash.

mariadb_sandbox_start() {
  if ! command -v mariadbd >/dev/null || ! command -v mysqldump >/dev/null; then
    echo "mariadb-sandbox: installing mariadb-server" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends mariadb-server mariadb-client >/dev/null
  fi
  sandbox=$(mktemp -d)
  sock="$sandbox/mysqld.sock"
  trap mariadb_sandbox_stop EXIT
  mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$sandbox/data" --skip-test-db >/dev/null 2>&1
  mariadbd --no-defaults --user="$(id -un)" --datadir="$sandbox/data" --socket="$sock" --skip-networking \
    --pid-file="$sandbox/mysqld.pid" --log-error="$sandbox/error.log" &
  # Ready when it answers, not when its socket appears.
  for _ in $(seq 1 300); do
    [ -S "$sock" ] && mariadb-admin --no-defaults -S "$sock" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "mariadb-sandbox: the server did not answer within 30 s" >&2
  cat "$sandbox/error.log" >&2
  exit 1
}

mariadb_sandbox_stop() {
  if [ -f "$sandbox/mysqld.pid" ]; then
    local pid; pid=$(cat "$sandbox/mysqld.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$sandbox"
}

sql() { mariadb --no-defaults -S "$sock" -uroot "$@"; }

mysqldump_sandbox() { mysqldump --no-defaults -S "$sock" -uroot --skip-dump-date "$@"; }

table_jsonl() {  # table_jsonl DB TABLE → one JSON object per row, by id
  local columns
  columns=$(sql -N -B -e "SELECT GROUP_CONCAT(CONCAT('''', COLUMN_NAME, ''', \`', COLUMN_NAME, '\`') ORDER BY ORDINAL_POSITION)
    FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '$1' AND TABLE_NAME = '$2'")
  sql -N -B -r -e "SELECT JSON_OBJECT($columns) FROM \`$2\` ORDER BY id" "$1"
}
