// libFuzzer target for the Kafka request decoders: every input is a client's byte stream on one connection
// (size-prefixed request frames) run through KafkaApis::handle with an in-memory log and a ManualClock (see
// wirefuzzharness.h). Built only with -DTOPICSCOPE_FUZZ=ON and clang; how to run it: docs/fuzzing.md.
#include "wirefuzzharness.h"

#include <QLoggingCategory>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The wire layer logs one line per refused request; at millions of executions that is only noise.
    QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    topicscope::wirefuzz::WireFuzzHarness::run(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    return 0;
}
