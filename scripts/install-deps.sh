#!/usr/bin/env bash
# Installs what Topicscope needs to build, run and test on Debian 12. Idempotent: installs only what is
# missing, runs apt-get update only when something is. Uses sudo when not root.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n fonts-nanum
    libsqlite3-dev libgl-dev librdkafka-dev
    zlib1g-dev libsnappy-dev liblz4-dev libzstd-dev
    kcat python3-kafka python3-confluent-kafka
    xvfb xauth qt6-qpa-plugins
    # Connection passwords in the desktop keyring (File > Connect to Kafka; QtKeychain, Secret Service or KWallet).
    qtkeychain-qt6-dev
    # scripts/build-librdkafka.sh (librdkafka 2.15.1 for the *_rdkafka215 tests) needs these besides the codecs'
    # -dev packages above; it leaves out GSSAPI and libcurl, so libsasl2-dev and libcurl4-openssl-dev are not needed.
    libssl-dev
)

# Node.js and npm: kafkajs for tst_interop_kafkajs and npm pack for scripts/build-librdkafka.sh. Only when the
# commands are missing: a Node.js from elsewhere (NodeSource's nodejs, which bundles npm and conflicts with
# Debian's npm package) serves as well.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
