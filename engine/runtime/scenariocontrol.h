#pragma once

#include "runtime/scenarioplayer.h"
#include "scenarioclient.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace topicscope::engine {

// The flow view's door to the ScenarioPlayer on the engine's worker thread: part of EngineFacade (which creates
// it), so the UI still reaches the engine through one facade. Commands go in as queued functors; snapshots,
// state and query results come back as queued signals carrying values. Never blocks. Lives on the GUI thread.
class ScenarioControl : public ScenarioClient {
    Q_OBJECT
public:
    // player lives on the worker thread; it must outlive every queued call (EngineFacade deletes it when the
    // worker thread finishes).
    explicit ScenarioControl(ScenarioPlayer *player, QObject *parent = nullptr);

    // Every built-in scenario; reads the embedded files (any thread).
    static QList<std::pair<QString, QString>> builtIns(const QString &language = QStringLiteral("en"));
    QList<std::pair<QString, QString>> builtInScenarios(const QString &language) const override;

    void loadFile(const QString &path) override;
    void loadSandbox() override;
    void restart() override;
    void play() override;
    void pause() override;
    void stepEvent() override;
    void setSpeed(double speed) override;
    void advanceBy(qint64 ms) override;
    void setLanguage(const QString &language) override;

    void perform(const ScenarioStep &step) override;
    void addProducer(const ScenarioProducer &producer) override;
    void removeProducer(const QString &id) override;
    void addConsumer(const ScenarioConsumer &consumer) override;

    quint64 requestJourney(const TopicPartition &topicPartition, qint64 offset) override;
    quint64 requestHistory(int rebalanceIndex) override;
    quint64 requestComparison() override;

private:
    void onPlayer(std::function<void(ScenarioPlayer &)> fn);
    template <typename Result>
    void query(std::function<Result(ScenarioPlayer &)> fn, std::function<void(const Result &)> deliver);

    ScenarioPlayer *m_player;
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine
