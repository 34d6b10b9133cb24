#!/bin/sh
# Preuve launcher of an installed release: runs lib/preuve.jar on the Java runtime bundled in runtime/.
# Needs no JDK and no Maven. Symbolic links to this file (for example /usr/local/bin/preuve) work.
#   bin/preuve demo [--port N]     serve the demo corpus on http://127.0.0.1:7070
#   bin/preuve --help              every command
# PREUVE_HOME (default ~/.preuve) holds indexes, caches and the audit trail; PREUVE_JAVA_OPTS adds JVM options.
set -eu
SELF=$(readlink -f "$0" 2>/dev/null || echo "$0")
APP_DIR=$(cd "$(dirname "$SELF")/.." && pwd)
# shellcheck disable=SC2086
exec "$APP_DIR/runtime/bin/java" @JVM_FLAGS@ -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -Dpreuve.appDir="$APP_DIR" ${PREUVE_JAVA_OPTS:-} -jar "$APP_DIR/lib/preuve.jar" "$@"
