#pragma once

#include "localizedtext.h"
#include "scenariospec.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// A workshop scenario: topics, in-app clients, a script of timed actions and the outcomes it must show.
// The file format ("topicscope-scenario", version 1) is documented in docs/scenarios.md. A plain value,
// parsed and strictly validated by Scenario::parse(); the ScenarioRunner plays it. Usable on any thread.
struct Scenario {
    static constexpr int FormatVersion = 1;

    // Shown texts carry one text per language (LocalizedText): a plain string in the file is English.
    LocalizedText title;
    LocalizedText description;
    ScenarioSettings settings;
    QList<ScenarioTopic> topics;
    QList<ScenarioProducer> producers;
    QList<ScenarioConsumer> consumers;
    QList<ScenarioStep> steps; // sorted by atMs, file order among equals
    QList<ScenarioExpectation> expectations;

    // Parses and validates a scenario file. On failure returns nullopt and *error says where:
    // "line 4, column 9: ..." for JSON syntax, "line 12: steps[2].action: ..." for a bad field (the line of the
    // field, or of its object when the field is missing).
    static std::optional<Scenario> parse(const QByteArray &json, QString *error);
    static std::optional<Scenario> load(const QString &path, QString *error);

    // ":/scenarios/....json" of every built-in scenario, sorted.
    static QStringList builtInFiles();
    // The flow view's free-play world: one topic, a keyed producer and a two-member group, no steps; the player
    // runs it open-ended and the user adds clients and actions.
    static Scenario sandbox();

    static QString actionName(ScenarioAction action);
    static QString commitModeName(ScenarioCommitMode mode);

    const ScenarioProducer *producer(const QString &id) const;
    const ScenarioConsumer *consumer(const QString &id) const;
};

} // namespace topicscope::engine
