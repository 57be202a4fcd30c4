#pragma once

#include "sim/scenario.h"

#include <QString>

namespace topicscope::engine {

class ScenarioWorld;

// Checks what the flow view asks of a running scenario before the world does it: an action (unknown client, bad
// partition, ...) or a client to add, against the world as it is now (topics may have grown, clients come and
// gone). A file's steps are checked by ScenarioParser instead. Messages name the action and the field. Lives with
// its world.
class ScenarioActionValidator {
public:
    explicit ScenarioActionValidator(const ScenarioWorld &world);

    bool validateStep(const ScenarioStep &step, QString *error) const;
    bool validateProducer(const ScenarioProducer &spec, QString *error) const;
    bool validateConsumer(const ScenarioConsumer &spec, QString *error) const;
    // Removed producers keep their id: a rate timer or a scheduled send of the old one must never find a new one.
    bool isClientIdTaken(const QString &id) const;

private:
    int partitionCount(const QString &topic) const;

    const ScenarioWorld &m_world;
};

} // namespace topicscope::engine
