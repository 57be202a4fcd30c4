#include "adminmessages.h"

#include "wire/wirewriter.h"

namespace topicscope::engine::wire {

} // namespace topicscope::engine::wire
