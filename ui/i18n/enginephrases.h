#pragma once

#include <QCoreApplication>
#include <QString>

namespace topicscope::ui {

// The engine's own English phrases, in the language of the user interface: rebalance causes from the group
// coordinator ("new member c-1 joined (client reason: ...)"), record-journey steps ("fetched by c-1 (group g, gen
// 2)"), partitioner decisions, the live Flow's labels ("Live broker", "client's own").
//
// The engine writes these in English on purpose: they are also the headless reports' lines, which tests freeze
// byte for byte, and a recording file keeps them as written. The user interface turns them into its language here,
// at the last moment, with one catalogue entry per engine phrase (context "topicscope::ui::EnginePhrases" in
// resources/translations). Each entry's source text is the engine's format with %1, %2, ... where the engine puts
// names and numbers, so the same entry both recognises the phrase and translates it. Names, numbers and a client's
// own words (its KIP-800 "client reason") are carried over as they are.
//
// A phrase no entry recognises is shown as the engine wrote it: English is never wrong, only untranslated.
// tests/ui/tst_enginephrases plays every built-in scenario and a live recording, and fails on any engine phrase
// a Korean user would see in English.
//
// GUI thread only (translations are cached per language).
class EnginePhrases {
    Q_DECLARE_TR_FUNCTIONS(topicscope::ui::EnginePhrases)

public:
    // english in the current language; unchanged when the language is English or the phrase is unknown.
    static QString translate(const QString &english);
    // Whether an entry recognises english as a whole (what the test checks for every phrase it collects).
    static bool recognises(const QString &english);
};

} // namespace topicscope::ui
