#pragma once

#include "sim/scenario.h"

#include <QByteArray>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

class ScenarioObjectReader;

// Reads a scenario file ("topicscope-scenario", docs/scenarios.md) into a Scenario, one section at a time in a
// fixed order: header (format, version, texts), settings, topics, clients, steps, expectations. The order is part
// of the format: a section may only name what an earlier one declared (a client's topic, a step's producer, an
// expectation's consumer), and the first error found in that order is the one reported, so messages stay stable.
// Used by Scenario::parse(); a short-lived object on the calling thread.
class ScenarioParser {
public:
    // On failure returns nullopt and *error (never null) says where: "line 4, column 9: ..." for JSON syntax,
    // "line 12: steps[2].action: ..." for a bad field.
    static std::optional<Scenario> parse(const QByteArray &json, QString *error);

private:
    explicit ScenarioParser(QString *error)
        : m_error(error)
    { }

    // The error without its line: "steps[2].action: ...".
    std::optional<Scenario> parseDocument(const QByteArray &json);
    // Every reader of one parse shares m_error, so this is false after the first failure anywhere.
    bool ok() const { return m_error->isEmpty(); }

    void readHeader(ScenarioObjectReader &top);
    void readSettings(ScenarioObjectReader &top);
    void readTopics(ScenarioObjectReader &top);
    void readClient(ScenarioObjectReader &r);
    void readProducer(ScenarioObjectReader &r, const QString &id);
    void readConsumer(ScenarioObjectReader &r, const QString &id);
    void readStep(ScenarioObjectReader &r, qint64 *previousAt);
    // Reads the fields of step's action; returns their names for allowOnly, in the order the messages list them.
    QStringList readActionFields(ScenarioObjectReader &r, ScenarioStep &step);
    void readExpectation(ScenarioObjectReader &r);
    void readAssignment(ScenarioObjectReader &r, ScenarioExpectation &e);
    void readRecordsPerPartition(ScenarioObjectReader &r, ScenarioExpectation &e);

    // A step's "producer" / "consumer", which must be declared under clients.
    QString readProducerId(ScenarioObjectReader &r);
    QString readConsumerId(ScenarioObjectReader &r);
    void checkTopic(ScenarioObjectReader &r, const QString &key, const QString &topic) const;
    // Calls read(reader of array[i]) for each element, which must be an object; stops at the first error.
    template <typename Read>
    void forEachObject(ScenarioObjectReader &top, const QJsonArray &array, const QString &key, Read read);

    QString *m_error;
    Scenario m_scenario;
    QSet<QString> m_topicNames;
    QSet<QString> m_clientIds;
};

} // namespace topicscope::engine
