#pragma once

#include "sim/scenariorecording.h"
#include "sim/scenariorunner.h"

#include <QList>
#include <QString>

namespace topicscope::engine {

class ScenarioRecorder;
class ScenarioWorld;

// Judges a run: checks the scenario's expectations against the recording and the broker's final state, counts
// record events by group and client, and writes the report (timeline, state, checks) that the command line prints
// and the golden tests freeze byte for byte. Lives with its world.
class ScenarioEvaluator {
public:
    ScenarioEvaluator(const ScenarioWorld &world, const ScenarioRecorder &recorder);

    // Checks every expectation now (at the end of the run).
    void evaluate();
    const QList<ScenarioExpectationResult> &results() const { return m_results; }
    bool allPassed() const;

    // Counts of the record events (see ScenarioCounts) of a group and/or a client; "" = any.
    int count(int ScenarioCounts::*field, const QString &group, const QString &client) const;

    QString timelineDump() const; // one line per event
    QString stateDump() const; // topics, groups, consumers, counters
    QString expectationsDump() const;
    QString report() const; // all three

private:
    ScenarioExpectationResult check(const ScenarioExpectation &e) const;

    const ScenarioWorld &m_world;
    const ScenarioRecorder &m_recorder;
    QList<ScenarioExpectationResult> m_results;
};

} // namespace topicscope::engine
