// Every (API, version) pair the broker advertises in ApiVersions, walked: a request encoded from the API's message
// description at that version (request header v1 or v2 as the version wants) is answered, the response header has
// the version Kafka uses for it (v1 with a tagged-field section for flexible versions, v0 for ApiVersions), and the
// response body decodes at that version to exactly its length. APIs the broker advertises without a description
// are named in notYetDescribed, and the list must be exact, so it shrinks as APIs move onto descriptions and an
// advertised API can never be left out of the walk unnoticed.
#include "wire/adminmessages.h"
#include "wire/apitable.h"
#include "wire/clustermessages.h"
#include "wire/consumergroupmessages.h"
#include "wire/groupmessages.h"
#include "wire/logmessages.h"
#include "wire/messagefields.h"
#include "wire/producermessages.h"
#include "wire/topicmessages.h"
#include "wirebroker.h"

#include <QTest>
#include <tuple>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

template <class Request, class Response> struct Api {
    static_assert(Request::apiKey == Response::apiKey);
    using RequestType = Request;
    using ResponseType = Response;
};

// The APIs whose request and response are described (wire/messagefields.h).
using DescribedApis = std::tuple<Api<ProduceRequest, ProduceResponse>, Api<FetchRequest, FetchResponse>,
    Api<ListOffsetsRequest, ListOffsetsResponse>, Api<MetadataRequest, MetadataResponse>,
    Api<OffsetCommitRequestData, OffsetCommitResponseData>, Api<OffsetFetchRequestData, OffsetFetchResponseData>,
    Api<FindCoordinatorRequest, FindCoordinatorResponse>, Api<JoinGroupRequestData, JoinGroupResponseData>,
    Api<HeartbeatRequestData, HeartbeatResponseData>, Api<LeaveGroupRequestData, LeaveGroupResponseData>,
    Api<SyncGroupRequestData, SyncGroupResponseData>, Api<DescribeGroupsRequestData, DescribeGroupsResponseData>,
    Api<ListGroupsRequestData, ListGroupsResponseData>, Api<ApiVersionsRequestData, ApiVersionsResponseData>,
    Api<CreateTopicsRequest, CreateTopicsResponse>, Api<DeleteTopicsRequest, DeleteTopicsResponse>,
    Api<DeleteRecordsRequest, DeleteRecordsResponse>, Api<InitProducerIdRequest, InitProducerIdResponse>,
    Api<DescribeConfigsRequestData, DescribeConfigsResponseData>,
    Api<AlterConfigsRequestData, AlterConfigsResponseData>,
    Api<DescribeLogDirsRequestData, DescribeLogDirsResponseData>,
    Api<CreatePartitionsRequestData, CreatePartitionsResponseData>,
    Api<DeleteGroupsRequestData, DeleteGroupsResponseData>,
    Api<IncrementalAlterConfigsRequestData, IncrementalAlterConfigsResponseData>,
    Api<OffsetDeleteRequestData, OffsetDeleteResponseData>,
    Api<DescribeClusterRequestData, DescribeClusterResponseData>,
    Api<ConsumerGroupHeartbeatRequestData, ConsumerGroupHeartbeatResponseData>,
    Api<ConsumerGroupDescribeRequestData, ConsumerGroupDescribeResponseData>>;

// Advertised, not described yet: every advertised API is described now; an API added without a description must be
// named here (and is walked by hand-built frames in tst_wireapis instead).
const QList<ApiKey> notYetDescribed = {};

// Sends a default request of the API at the version and checks the answer's framing and body. Empty string = fine.
template <class A> QString walk(qint16 version)
{
    using Request = typename A::RequestType;
    using Response = typename A::ResponseType;
    const auto key = static_cast<qint16>(Request::apiKey);
    const QString where = QStringLiteral("%1 v%2: ").arg(ApiKeys::name(key)).arg(version);

    WireBroker broker;
    const QByteArray body = encodeMessage(Request {}, version);
    const auto answer = broker.send(headerAwareFrame(key, version, [&](WireWriter &w) { w.raw(body); }));
    if (!answer->has_value())
        broker.clock.advance(120'000); // a parked request (long poll, rebalance) answers by its deadline
    if (!answer->has_value())
        return where + QStringLiteral("no answer");
    if ((*answer)->action != WireResponse::Action::Send)
        return where + QStringLiteral("connection closed: ") + (*answer)->reason;

    const QByteArray answerFrame = (*answer)->wholeFrame();
    WireReader r(answerFrame);
    if (r.int32() != 5)
        return where + QStringLiteral("wrong correlation id");
    const int headerVersion = ApiKeys::responseHeaderVersion(key, version);
    if (headerVersion != (ApiKeys::isFlexible(key, version) && Request::apiKey != ApiKey::ApiVersions ? 1 : 0))
        return where + QStringLiteral("response header v%1").arg(headerVersion);
    if (headerVersion >= 1)
        r.skipTaggedFields();
    const auto response = decodeMessage<Response>(r, version);
    if (!response)
        return where + QStringLiteral("response does not decode: ") + r.error();
    if (!r.atEnd())
        return where + QStringLiteral("%1 bytes after the response body").arg(r.remaining());
    return {};
}

// Runs walk<A> for the described API with this key; false when no described API has it.
template <std::size_t I = 0> bool walkDescribed(ApiKey key, qint16 version, QString *failure)
{
    if constexpr (I == std::tuple_size_v<DescribedApis>) {
        return false;
    } else {
        using A = std::tuple_element_t<I, DescribedApis>;
        if (A::RequestType::apiKey != key)
            return walkDescribed<I + 1>(key, version, failure);
        *failure = walk<A>(version);
        return true;
    }
}

} // namespace

class TestWireVersions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyAdvertisedVersionIsAnsweredAndDecodes()
    {
        QStringList failures;
        QList<ApiKey> undescribed;
        int walked = 0;
        for (const ApiRoute &route : ApiTable::routes()) {
            for (qint16 version = route.minVersion; version <= route.maxVersion; ++version) {
                QString failure;
                if (!walkDescribed(route.key, version, &failure)) {
                    undescribed.append(route.key);
                    break;
                }
                ++walked;
                if (!failure.isEmpty())
                    failures.append(failure);
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(walked > 0);
        QCOMPARE(undescribed, notYetDescribed);
    }

    // The walk itself can fail: a response encoded at one version and read at another does not decode exactly.
    void aVersionMismatchIsCaught()
    {
        ProduceResponse response;
        response.topics = {{QStringLiteral("t"), {}, {{}}}};
        const QByteArray v9 = encodeMessage(response, 9);
        WireReader asV7(v9);
        const auto decoded = decodeMessage<ProduceResponse>(asV7, 7);
        QVERIFY(!decoded || !asV7.atEnd());
    }
};

QTEST_GUILESS_MAIN(TestWireVersions)
#include "tst_wireversions.moc"
