#!/usr/bin/env bash
# Builds the release archive preuve-<version>.tar.gz from the fat jar:
#   dist/make-dist.sh JAR OUTPUT_DIR
# JAVA_HOME must be a JDK with jdeps and jlink (21 or newer); the runtime it links is the one the archive ships.
# The archive holds, under preuve-<version>/: bin/preuve, lib/preuve.jar, runtime/ (a jlink image), corpus-config/
# (the demo corpus, its data and licences), systemd/preuve.service and INSTALL.md. Files are sorted by name, owned by
# 0:0, dated from the last commit (or SOURCE_DATE_EPOCH) and gzip stores no name or time, so the same jar and JDK
# give the same archive.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:?usage: make-dist.sh JAR OUTPUT_DIR}"
OUT="${2:?usage: make-dist.sh JAR OUTPUT_DIR}"
JDK="${JAVA_HOME:?JAVA_HOME must point to a JDK with jlink}"
[ -f "$JAR" ] || { echo "make-dist: no jar at $JAR" >&2; exit 2; }
[ -x "$JDK/bin/jlink" ] || { echo "make-dist: $JDK has no jlink" >&2; exit 2; }

# The project version: the first <version> of the root POM, which is the project's own (the root has no parent).
VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n1)
[ -n "$VERSION" ] || { echo "make-dist: no version in $ROOT/pom.xml" >&2; exit 2; }
JVM_FLAGS=$(sed -n 's:.*<preuve.jvm.flags>\(.*\)</preuve.jvm.flags>.*:\1:p' "$ROOT/pom.xml" | head -n1)
NAME="preuve-$VERSION"
EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0)}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/preuve-dist.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/$NAME"
mkdir -p "$STAGE/bin" "$STAGE/lib" "$STAGE/corpus-config" "$STAGE/systemd" "$OUT"

# Modules: what jdeps sees in the jar's bytecode, plus what is only reached at run time, each seen failing without
# it: the vector module (the --add-modules JVM flag), jdk.management (Lucene checks for HotSpot through its MXBean and
# otherwise turns the vector code off), jdk.zipfs (Javalin serves the page from the jar through a zip file system),
# jdk.unsupported (PDFBox unmaps its buffers with sun.misc.Unsafe), jdk.charsets (charsets named by local files, beyond
# the few of java.base) and jdk.localedata (French and English locale data only).
echo "make-dist: listing modules with jdeps..." >&2
SECONDS=0
DEPS=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" "$JAR" | tail -n1)
EXTRA="jdk.incubator.vector,jdk.management,jdk.zipfs,jdk.unsupported,jdk.charsets,jdk.localedata"
MODULES=$(printf '%s\n' "${DEPS//,/$'\n'}" "${EXTRA//,/$'\n'}" | grep -v '^$' | LC_ALL=C sort -u | paste -sd, -)
echo "make-dist: jdeps took ${SECONDS} s; linking a runtime of $MODULES" >&2
SECONDS=0
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,fr --strip-debug --no-header-files --no-man-pages \
  --output "$STAGE/runtime"
echo "make-dist: jlink took ${SECONDS} s" >&2
SECONDS=0

cp "$JAR" "$STAGE/lib/preuve.jar"
# The runtime runs on this machine's platform only: drop the native libraries (and debug symbols) of the others that
# ONNX Runtime, the DJL tokenizer and SQLite bring, about half of the jar.
case "$(uname -m)" in
  x86_64|amd64) ORT=linux-x64 DJL=linux-x86_64 SQLITE=x86_64 ;;
  aarch64|arm64) ORT=linux-aarch64 DJL=linux-aarch64 SQLITE=aarch64 ;;
  *) ORT="" ;;
esac
if [ -n "$ORT" ] && command -v zip >/dev/null && command -v unzip >/dev/null; then
  unzip -Z1 "$STAGE/lib/preuve.jar" \
    | grep -E '^(ai/onnxruntime/native|native/lib|org/sqlite/native)/[^/]+/.' \
    | grep -vE "^(ai/onnxruntime/native/$ORT/|native/lib/$DJL/|org/sqlite/native/Linux(-Musl)?/$SQLITE/)" \
    > "$WORK/foreign.txt" || true
  if [ -s "$WORK/foreign.txt" ]; then zip -q -d "$STAGE/lib/preuve.jar" -@ < "$WORK/foreign.txt"; fi
else
  echo "make-dist: warning: zip/unzip missing or unknown platform; the jar keeps every platform's libraries" >&2
fi
sed "s|@JVM_FLAGS@|$JVM_FLAGS|" "$ROOT/dist/preuve.sh" > "$STAGE/bin/preuve"
chmod 755 "$STAGE/bin/preuve"
cp "$ROOT/dist/INSTALL.md" "$STAGE/INSTALL.md"
cp "$ROOT/dist/preuve.service" "$STAGE/systemd/preuve.service"
# The corpus declarations, the demo data and its provenance and licence files (README.md, SOURCE.txt, LICENSE).
cp "$ROOT"/corpus-config/*.yaml "$ROOT/corpus-config/README.md" "$STAGE/corpus-config/"
(cd "$ROOT/corpus-config" && find demo -type f ! -name .gitattributes -print0 | LC_ALL=C sort -z \
  | xargs -0 cp --parents -t "$STAGE/corpus-config/")
printf '%s\n' "$VERSION" > "$STAGE/VERSION"

ARCHIVE="$OUT/$NAME.tar.gz"
TMP_ARCHIVE="$WORK/$NAME.tar.gz"
LC_ALL=C tar --sort=name --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' \
  -C "$WORK" -cf - "$NAME" | gzip -n -6 > "$TMP_ARCHIVE"
mv "$TMP_ARCHIVE" "$ARCHIVE"
echo "make-dist: jar, files and archive took ${SECONDS} s" >&2
echo "$ARCHIVE"
