#!/usr/bin/env bash
# Builds librdkafka 2.15.1 for the interop tests' second run (the *_rdkafka215 ctest entries, tests/CMakeLists.txt).
# Debian 12 ships 2.0.2, and our machines reach only Debian's and npm's registries; the npm package
# @confluentinc/kafka-javascript@1.10.1 bundles the complete C source of 2.15.1 (deps/librdkafka), so it is built
# from there. configure runs offline (--no-download; never --install-deps or --source-deps-only, which fetch
# tarballs) with its features named, so that the library is the same on every machine whatever else is installed:
# SSL, zlib, zstd and lz4 required; GSSAPI (Cyrus SASL) and libcurl (OIDC) left out, no test uses them.
#
# Usage: scripts/build-librdkafka.sh OUTDIR        e.g. build/release/librdkafka-2.15.1
# Installs into OUTDIR (lib/, include/) and logs the build in OUTDIR/build.log; the unpacked source is deleted after
# a good build (kept after a failed one). Cached: when OUTDIR already holds a build that loads and reports 2.15.1,
# it only says so (about a second). Needs npm, gcc, g++, make, pkg-config, python3 and the -dev packages of OpenSSL,
# zlib, zstd and lz4 (scripts/install-deps.sh installs them). Takes about 2 minutes on 2 cores.
set -euo pipefail

readonly version=2.15.1
readonly version_hex=0x020f01ff # RD_KAFKA_VERSION in src/rdkafka.h
readonly npm_package=@confluentinc/kafka-javascript@1.10.1

die() {
    echo "build-librdkafka: ERROR: $*" >&2
    exit 1
}

[[ $# -eq 1 && -n $1 ]] || die "usage: $0 OUTDIR"
mkdir -p "$1" || die "cannot create $1"
out=$(cd "$1" && pwd)
lib=$out/lib/librdkafka.so.1
stamp=$out/.built
log=$out/build.log

# One build at a time per OUTDIR (the ctest fixture and the librdkafka215 target may meet).
exec 9>"$out/.lock"
flock 9

# The version the library reports when loaded by itself (rd_kafka_version_str), or nothing when it does not load.
loaded_version() {
    /usr/bin/python3 - "$lib" 2>/dev/null <<'PY' || true
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.rd_kafka_version_str.restype = ctypes.c_char_p
print(lib.rd_kafka_version_str().decode())
PY
}

# What the tests' clients load with LD_LIBRARY_PATH=OUTDIR/lib; a client that loads without it must load with it.
report_clients() {
    local got
    if /usr/bin/python3 -c 'import confluent_kafka' 2>/dev/null; then
        got=$(LD_LIBRARY_PATH=$out/lib /usr/bin/python3 -c \
            'import confluent_kafka; print(confluent_kafka.libversion()[0], confluent_kafka.version()[0])' 2>&1) ||
            die "confluent-kafka does not load with $out/lib: $got"
        [[ ${got%% *} == "$version" ]] || die "confluent-kafka loads librdkafka ${got%% *} with $out/lib, not $version"
        echo "build-librdkafka: confluent-kafka ${got#* } loads librdkafka ${got%% *} with LD_LIBRARY_PATH=$out/lib"
    fi
    if command -v kcat >/dev/null; then
        got=$(LD_LIBRARY_PATH=$out/lib kcat -V 2>&1 | grep -o 'librdkafka [0-9.]*' || true)
        [[ $got == "librdkafka $version" ]] || die "kcat -V with $out/lib says '${got:-nothing}', not librdkafka $version"
        echo "build-librdkafka: kcat loads $got with LD_LIBRARY_PATH=$out/lib"
    fi
}

if [[ -f $stamp && -f $lib && $(loaded_version) == "$version" ]]; then
    echo "build-librdkafka: librdkafka $version already built in $out (cached; delete the directory to rebuild)"
    report_clients
    exit 0
fi

for tool in npm gcc g++ make pkg-config tar; do
    command -v "$tool" >/dev/null || die "$tool is not installed (scripts/install-deps.sh installs it)"
done

# Runs a step with its output in the log; on failure shows the log's end and stops.
step() {
    local what=$1
    shift
    echo "build-librdkafka: $what"
    if ! "$@" >>"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "$what failed (whole log: $log)"
    fi
}

rm -rf "$out/src" "$out/lib" "$out/include" "$stamp"
mkdir -p "$out/src"
: >"$log"
started=$SECONDS

step "npm pack $npm_package" bash -c 'cd "$1" && npm pack --silent --ignore-scripts "$2"' _ "$out/src" "$npm_package"
tarball=$(find "$out/src" -maxdepth 1 -name '*.tgz' | head -n 1)
[[ -n $tarball ]] || die "npm pack $npm_package left no tarball in $out/src (is the npm registry reachable?)"
step "unpack $(basename "$tarball")" tar -xzf "$tarball" -C "$out/src"
src=$out/src/package/deps/librdkafka
[[ -x $src/configure ]] || die "$npm_package has no deps/librdkafka/configure"
grep -q "^#define RD_KAFKA_VERSION  *$version_hex" "$src/src/rdkafka.h" ||
    die "$npm_package does not bundle librdkafka $version ($src/src/rdkafka.h)"

step "configure (offline)" bash -c 'cd "$1" && ./configure --prefix="$2" --no-download --enable-ssl --enable-zlib \
    --enable-zstd --enable-lz4-ext --disable-gssapi --disable-curl' _ "$src" "$out"
step "make libs" make -C "$src" -j2 libs
step "make install-subdirs" make -C "$src" install-subdirs

got=$(loaded_version)
[[ $got == "$version" ]] || die "the built $lib reports '${got:-nothing (does not load)}', not $version"
report_clients
# The tests load only the shared library; the 200 MB of source and objects and the static libraries go.
rm -rf "$out/src" "$out"/lib/*.a
touch "$stamp"
echo "build-librdkafka: librdkafka $version built in $out in $((SECONDS - started)) s"
