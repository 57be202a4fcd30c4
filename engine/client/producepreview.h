#pragma once

#include "clientoptions.h"
#include "clustertypes.h"

#include <QString>
#include <QVariant>
#include <optional>

namespace topicscope::engine {

struct PartitionDecision;

// What the producer panel's text becomes before a record is sent, and which partition it would go to: shared by
// the embedded broker's explorer and the remote cluster backend, so that both answer a preview alike. Pure
// functions, usable on any thread.
class ProducePreview {
public:
    // The text a person typed, as the value type the chosen serializer expects. "{i}" becomes the record's
    // sequence number within the send, so that N records can differ. Sets *why when the text does not fit.
    static std::optional<QVariant> typedValue(
        const std::optional<QString> &text, SerdeFormat format, int sequence, QString *why);
    static PartitionPreview toPreview(const PartitionDecision &decision);
    // The partition request's first record goes to on a topic of partitionCount partitions (<= 0: no such topic).
    static PartitionPreview preview(const ProduceRequest &request, int partitionCount);
};

} // namespace topicscope::engine
