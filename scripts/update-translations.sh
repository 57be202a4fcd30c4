#!/usr/bin/env bash
# Rewrites resources/translations/*.ts from the tr() texts in app/ and ui/ (Qt's lupdate). Run it after changing
# user-visible texts, then translate what it reports as new in topicscope_ko.ts (Qt Linguist, or by hand:
# every <translation type="unfinished"> needs a Korean text and the type removed); tests/ui/tst_translations
# fails until none is left. Never run by the build: it rewrites files in the source tree.
# Usage: scripts/update-translations.sh [path/to/lupdate]
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${1:-}
if [[ -z "$lupdate" ]]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
        [[ -n "$candidate" && -x "$candidate" ]] && { lupdate=$candidate; break; }
    done
fi
[[ -n "$lupdate" ]] || { echo "update-translations: lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 1; }

# No source locations: line numbers would change the .ts on every edit and conflict between branches.
# -no-obsolete: a text removed from the sources leaves the catalogue (tst_translations refuses obsolete ones).
# tests/ui/tst_translations.cpp holds a test-only plural text ("%n topic(s)") checked in both catalogues.
# engine/runtime/enginefacade.cpp: the facade's display name of the broker, which the window shows.
common=(app ui engine/runtime/enginefacade.cpp tests/ui/tst_translations.cpp -extensions cpp,h -locations none
    -no-obsolete -source-language en)
# Korean: every text.
"$lupdate" "${common[@]}" -target-language ko -ts resources/translations/topicscope_ko.ts
# English: only the texts with plural forms (tr("%n topic(s)", nullptr, n)), whose "1 topic" / "2 topics"
# forms the catalogue gives; every other English text is the source itself.
"$lupdate" "${common[@]}" -pluralonly -target-language en -ts resources/translations/topicscope_en.ts

unfinished=$(grep -c 'type="unfinished"' resources/translations/topicscope_ko.ts || true)
echo "update-translations: $unfinished Korean text(s) to translate in resources/translations/topicscope_ko.ts"
unfinished_en=$(grep -c 'type="unfinished"' resources/translations/topicscope_en.ts || true)
echo "update-translations: $unfinished_en English plural form(s) to write in resources/translations/topicscope_en.ts"
