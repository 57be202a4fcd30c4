#pragma once

#include <QMetaObject>
#include <QObject>
#include <functional>
#include <memory>
#include <utility>

namespace topicscope::engine {

// The one request/reply path between a facade on the GUI thread and its objects on the engine's worker thread
// (EngineFacade, ScenarioControl). Calls go in as functors run on the worker thread against a Target that is found
// there, by `resolve`, at the moment the call runs; results come back as values, delivered on the facade's thread.
// So the GUI side never holds a pointer into engine state, and a call made before the target exists (or after it is
// gone) is dropped instead of touching freed memory.
//
// Lifetimes, the one rule both ends rely on: `mailbox` (an empty QObject living on the worker thread) and `replyTo`
// (the facade) are destroyed only after the worker thread has stopped. Calls queued in the mailbox then run before
// it stops or never, and a reply posted to replyTo is either delivered or discarded with it.
template <typename Target> class WorkerChannel {
public:
    using Resolve = std::function<Target *()>; // runs on the worker thread; nullptr: not there (yet, or any more)

    WorkerChannel(QObject *mailbox, QObject *replyTo, Resolve resolve)
        : m_mailbox(mailbox)
        , m_replyTo(replyTo)
        , m_resolve(std::make_shared<Resolve>(std::move(resolve)))
    { }

    // Runs fn(target) on the worker thread; dropped when there is no target.
    void post(std::function<void(Target &)> fn) const
    {
        QMetaObject::invokeMethod(
            m_mailbox,
            [resolve = m_resolve, fn = std::move(fn)] {
                if (Target *target = (*resolve)())
                    fn(*target);
            },
            Qt::QueuedConnection);
    }

    // Runs fn(target) on the worker thread and hands its result to deliver on the facade's thread. Neither runs
    // when there is no target.
    template <typename Result>
    void request(std::function<Result(Target &)> fn, std::function<void(const Result &)> deliver) const
    {
        QObject *replyTo = m_replyTo;
        post([replyTo, fn = std::move(fn), deliver = std::move(deliver)](
                 Target &target) { deliverTo(replyTo, [deliver, result = fn(target)] { deliver(result); }); });
    }

    // For worker-side callbacks (progress of a long job): runs fn on the facade's thread.
    std::function<void(std::function<void()>)> replier() const
    {
        return [replyTo = m_replyTo](std::function<void()> fn) { deliverTo(replyTo, std::move(fn)); };
    }

    static void deliverTo(QObject *replyTo, std::function<void()> fn)
    {
        QMetaObject::invokeMethod(replyTo, std::move(fn), Qt::QueuedConnection);
    }

private:
    QObject *m_mailbox;
    QObject *m_replyTo;
    std::shared_ptr<Resolve> m_resolve;
};

} // namespace topicscope::engine
