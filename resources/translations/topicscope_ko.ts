<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>topicscope::engine::EngineFacade</name>
    <message>
        <source>Embedded broker (in memory)</source>
        <translation>내장 브로커 (메모리)</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>내장 브로커</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::AddConsumerDialog</name>
    <message>
        <source>Add Consumer</source>
        <translation>컨슈머 추가</translation>
    </message>
    <message>
        <source>auto-commit (enable.auto.commit)</source>
        <translation>자동 커밋 (enable.auto.commit)</translation>
    </message>
    <message>
        <source>commitSync() after each poll&apos;s records</source>
        <translation>poll()로 받은 레코드를 처리한 뒤 commitSync()</translation>
    </message>
    <message>
        <source>commitSync() after every record</source>
        <translation>레코드마다 commitSync()</translation>
    </message>
    <message>
        <source>commitSync() before processing (may lose)</source>
        <translation>처리 전에 commitSync() (유실 가능)</translation>
    </message>
    <message>
        <source> ms per record</source>
        <translation> ms/레코드</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>group.id</source>
        <translation>group.id</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당 전략</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>커밋 방식</translation>
    </message>
    <message>
        <source>auto.offset.reset</source>
        <translation>auto.offset.reset</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>처리 시간</translation>
    </message>
    <message>
        <source>auto.commit.interval.ms</source>
        <translation>auto.commit.interval.ms</translation>
    </message>
    <message>
        <source>max.poll.records</source>
        <translation>max.poll.records</translation>
    </message>
    <message>
        <source>classic</source>
        <translation>클래식</translation>
    </message>
    <message>
        <source>consumer (Kafka 4, KIP-848)</source>
        <translation>컨슈머 (Kafka 4, KIP-848)</translation>
    </message>
    <message>
        <source>group.protocol. Under the consumer protocol the broker computes the assignment (group.remote.assignor). A group is of one protocol: a group with classic members refuses consumer-protocol members, and the other way round.</source>
        <translation>group.protocol. 컨슈머 프로토콜에서는 브로커가 할당을 계산합니다 (group.remote.assignor). 그룹은 한 프로토콜만 씁니다: 클래식 멤버가 있는 그룹은 컨슈머 프로토콜 멤버를 거절하고, 그 반대도 마찬가지입니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::AddProducerDialog</name>
    <message>
        <source>Add Producer</source>
        <translation>프로듀서 추가</translation>
    </message>
    <message>
        <source>No key (null)</source>
        <translation>키 없음 (null)</translation>
    </message>
    <message>
        <source>One fixed key</source>
        <translation>고정 키 하나</translation>
    </message>
    <message>
        <source>4 distinct keys</source>
        <translation>서로 다른 키 4개</translation>
    </message>
    <message>
        <source>12 distinct keys</source>
        <translation>서로 다른 키 12개</translation>
    </message>
    <message>
        <source>built-in (murmur2 for keys, sticky without)</source>
        <translation>기본 (키가 있으면 murmur2, 없으면 sticky)</translation>
    </message>
    <message>
        <source>round-robin</source>
        <translation>round-robin</translation>
    </message>
    <message>
        <source>uniform-sticky</source>
        <translation>uniform-sticky</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> 레코드/초</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 바이트</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키 패턴</translation>
    </message>
    <message>
        <source>Partitioner</source>
        <translation>파티셔너</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>linger.ms</source>
        <translation>linger.ms</translation>
    </message>
    <message>
        <source>batch.size</source>
        <translation>batch.size</translation>
    </message>
    <message>
        <source>Key and value serializer</source>
        <translation>키와 값 시리얼라이저</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::AssignorComparisonView</name>
    <message>
        <source>Rebalances</source>
        <translation>리밸런스</translation>
    </message>
    <message>
        <source>Partitions moved</source>
        <translation>이동한 파티션</translation>
    </message>
    <message>
        <source>Processing gap</source>
        <translation>처리 공백</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Choose a scenario and press Compare</source>
        <translation>시나리오를 고른 뒤 비교를 누르세요</translation>
    </message>
    <message>
        <source>The comparison could not be played:
%1</source>
        <translation>비교를 실행하지 못했습니다:
%1</translation>
    </message>
    <message>
        <source>Assignor comparison</source>
        <translation>할당 전략 비교</translation>
    </message>
    <message>
        <source>The same membership script under each assignor. Lower is better; the best value of each metric is marked.</source>
        <translation>같은 멤버 변화 스크립트를 할당 전략마다 실행합니다. 값이 낮을수록 좋으며, 지표마다 가장 좋은 값에 표시가 붙습니다.</translation>
    </message>
    <message>
        <source>nobody processing</source>
        <translation>처리하는 컨슈머 없음</translation>
    </message>
    <message>
        <source>  best</source>
        <translation>  최고</translation>
    </message>
    <message>
        <source>Zoomed to %1 – %2</source>
        <translation>%1 – %2 구간 확대</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>제너레이션</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Duration ms</source>
        <translation>소요 ms</translation>
    </message>
    <message>
        <source>Paused ms</source>
        <translation>중단 ms</translation>
    </message>
    <message>
        <source>%1 · consumer protocol</source>
        <translation>%1 · 컨슈머 프로토콜</translation>
    </message>
    <message>
        <source>Kafka 4&apos;s consumer group protocol (KIP-848, group.protocol=consumer): no JoinGroup or SyncGroup, the broker&apos;s %1 assignor, each member reconciling on its own heartbeats</source>
        <translation>Kafka 4의 컨슈머 그룹 프로토콜(KIP-848, group.protocol=consumer): JoinGroup도 SyncGroup도 없이, 브로커의 %1 어사이너가 할당하고 각 멤버가 자기 하트비트에 맞춰 조정합니다</translation>
    </message>
    <message>
        <source>rebalance (gN = generation N, eN = epoch N)</source>
        <translation>리밸런스 (gN = 제너레이션 N, eN = 에포크 N)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::BrokersModel</name>
    <message>
        <source>up</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>down</source>
        <translation>끊김</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>미연결</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>Topicscope&apos;s connection to broker %1: %2</source>
        <translation>Topicscope와 브로커 %1의 연결: %2</translation>
    </message>
    <message>
        <source>The controller manages the cluster: partition leaders, topics and brokers joining.</source>
        <translation>컨트롤러는 클러스터를 관리합니다: 파티션 리더, 토픽, 브로커 합류.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>파티션 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Partitions this broker leads, over every topic: producers and consumers talk to the leader</source>
        <translation>이 브로커가 리더인 파티션 수 (모든 토픽): 프로듀서와 컨슈머는 리더와 통신합니다</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>브로커</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>랙</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>컨트롤러</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Leader of</source>
        <translation>리더 파티션</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::BrokersView</name>
    <message numerus="yes">
        <source>%n broker(s)</source>
        <translation>
            <numerusform>브로커 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>controller: broker %1</source>
        <translation>컨트롤러: 브로커 %1</translation>
    </message>
    <message>
        <source>cluster id %1</source>
        <translation>클러스터 ID %1</translation>
    </message>
    <message numerus="yes">
        <source>%n broker(s) unreachable</source>
        <translation>
            <numerusform>연결 안 되는 브로커 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection problem: %1</source>
        <translation>연결 문제: %1</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ChartsView</name>
    <message>
        <source>Produce rate per topic</source>
        <translation>토픽별 프로듀스 속도</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>레코드/초</translation>
    </message>
    <message>
        <source>Consume rate per topic</source>
        <translation>토픽별 컨슘 속도</translation>
    </message>
    <message>
        <source>Lag per consumer group</source>
        <translation>컨슈머 그룹별 랙</translation>
    </message>
    <message>
        <source>records</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>All topics (one line per topic)</source>
        <translation>모든 토픽 (토픽마다 선 하나)</translation>
    </message>
    <message>
        <source>Records consumed per second: how fast the consumer groups&apos; committed offsets advance (summed over groups, averaged over 10 s).</source>
        <translation>초당 소비된 레코드 수: 컨슈머 그룹의 커밋된 오프셋이 얼마나 빨리 나아가는지입니다 (그룹 합계, 10초 평균).</translation>
    </message>
    <message>
        <source>Rates of:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <source>%1 (one line per partition)</source>
        <translation>%1 (파티션마다 선 하나)</translation>
    </message>
    <message>
        <source>Consume rate per topic (committed offsets)</source>
        <translation>토픽별 컨슘 속도 (커밋된 오프셋 기준)</translation>
    </message>
    <message>
        <source>Produce rate per partition of %1</source>
        <translation>%1의 파티션별 프로듀스 속도</translation>
    </message>
    <message>
        <source>Consume rate per partition of %1 (committed offsets)</source>
        <translation>%1의 파티션별 컨슘 속도 (커밋된 오프셋 기준)</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>차트 데이터 내보내기</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>History is not kept: %1</source>
        <translation>이력을 보관할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>History is not kept for an in-memory broker.</source>
        <translation>인메모리 브로커는 이력을 보관하지 않습니다.</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>이력을 읽는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Recording history for this cluster (kept %n day(s)).</source>
        <translation>
            <numerusform>이 클러스터의 이력을 기록하는 중입니다 (%n일 보관).</numerusform>
        </translation>
    </message>
    <message>
        <source>History file: %1</source>
        <translation>이력 파일: %1</translation>
    </message>
    <message numerus="yes">
        <source>Since %1 from the history file, then live (kept %n day(s)).</source>
        <translation>
            <numerusform>%1부터 이력 파일의 기록, 이어서 실시간 (%n일 보관).</numerusform>
        </translation>
    </message>
    <message>
        <source>Last hour, live</source>
        <translation>최근 1시간 (실시간)</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message numerus="yes">
        <source>From the history file: one average per %n minute(s).</source>
        <translation>
            <numerusform>이력 파일의 기록 (%n분 단위 평균).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ClusterTreeModel</name>
    <message>
        <source>Broker</source>
        <translation>브로커</translation>
    </message>
    <message>
        <source> · broker 0</source>
        <translation> · 브로커 0</translation>
    </message>
    <message>
        <source>Topics (%1)</source>
        <translation>토픽 (%1)</translation>
    </message>
    <message>
        <source>partition %1 · %2</source>
        <translation>파티션 %1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Consumer groups (%1)</source>
        <translation>컨슈머 그룹 (%1)</translation>
    </message>
    <message>
        <source>Wire clients (no listener)</source>
        <translation>외부 클라이언트 (리스너 없음)</translation>
    </message>
    <message>
        <source>Wire clients (%1) on %2</source>
        <translation>외부 클라이언트 (%1) · %2</translation>
    </message>
    <message>
        <source>%1 · connection %2</source>
        <translation>%1 · 연결 %2</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>닫는 중</translation>
    </message>
    <message>
        <source>Brokers (%1)</source>
        <translation>브로커 (%1)</translation>
    </message>
    <message>
        <source>broker %1 · %2</source>
        <translation>브로커 %1 · %2</translation>
    </message>
    <message>
        <source> · controller</source>
        <translation> · 컨트롤러</translation>
    </message>
    <message>
        <source> · down</source>
        <translation> · 끊김</translation>
    </message>
    <message>
        <source>%1 · connecting…</source>
        <translation>%1 · 연결 중…</translation>
    </message>
    <message>
        <source>Open in a window of its own: what you choose here shows there.</source>
        <translation>자체 창에서 열려 있습니다. 여기서 고른 항목은 그 창에 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ConnectDialog</name>
    <message>
        <source>Connect to Kafka</source>
        <translation>Kafka에 연결</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>삭제(&amp;L)</translation>
    </message>
    <message>
        <source>Saved connections:</source>
        <translation>저장된 연결:</translation>
    </message>
    <message>
        <source>e.g. kafka1.example.com:9092,kafka2.example.com:9092</source>
        <translation>예: kafka1.example.com:9092,kafka2.example.com:9092</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>시스템 인증서</translation>
    </message>
    <message>
        <source>Certificate Authority File</source>
        <translation>CA 인증서 파일</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 인증서 (*.pem *.crt *.cer);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Add &amp;Property</source>
        <translation>속성 추가(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import Properties File…</source>
        <translation>속성 파일 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import Properties File</source>
        <translation>속성 파일 가져오기</translation>
    </message>
    <message>
        <source>Properties files (*.properties *.conf *.config);;All files (*)</source>
        <translation>속성 파일 (*.properties *.conf *.config);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Bootstrap servers:</source>
        <translation>bootstrap 서버(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Security protocol:</source>
        <translation>보안 프로토콜(&amp;S):</translation>
    </message>
    <message>
        <source>SASL &amp;mechanism:</source>
        <translation>SASL 메커니즘(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>사용자 이름(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>비밀번호(&amp;W):</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 파일(&amp;F):</translation>
    </message>
    <message>
        <source>Other librdkafka properties:</source>
        <translation>그 밖의 librdkafka 속성:</translation>
    </message>
    <message>
        <source>Add a connection.</source>
        <translation>연결을 추가하세요.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>새 연결</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (사본)</translation>
    </message>
    <message>
        <source>The properties file was not imported: %1</source>
        <translation>속성 파일을 가져오지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n setting(s) from %1.</source>
        <translation>
            <numerusform>%1에서 설정 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the password for %1.</source>
        <translation>%1의 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>%1에 연결을 테스트하는 중…</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>broker %1 at %2</source>
        <translation>%2의 브로커 %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected to cluster %1: %n broker(s), controller %2.</source>
        <translation>
            <numerusform>클러스터 %1에 연결했습니다: 브로커 %n개, 컨트롤러는 %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(ID 없음)</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The cluster refused the credentials: %1</source>
        <translation>클러스터가 인증 정보를 거부했습니다: %1</translation>
    </message>
    <message>
        <source>librdkafka refused a setting: %1</source>
        <translation>librdkafka가 설정을 거부했습니다: %1</translation>
    </message>
    <message>
        <source>The desktop keyring is not available: %1. The password is not saved; you will be asked for it when you connect.</source>
        <translation>데스크톱 키링을 사용할 수 없습니다: %1. 비밀번호는 저장되지 않으며, 연결할 때 다시 묻습니다.</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>복제(&amp;D)</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>찾아보기(&amp;R)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Property</source>
        <translation>속성 삭제(&amp;V)</translation>
    </message>
    <message>
        <source>The TLS connection failed: %1</source>
        <translation>TLS 연결에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>Read the rebalance &amp;history from __consumer_offsets</source>
        <translation>__consumer_offsets에서 리밸런스 이력 읽기(&amp;H)</translation>
    </message>
    <message>
        <source>Each generation of every group as Kafka recorded it. The topic holds every offset commit too, and all of it is downloaded: turn this off on a cluster that commits a lot, and the history is what polling sees.</source>
        <translation>Kafka가 기록한 모든 그룹의 제너레이션입니다. 이 토픽에는 모든 오프셋 커밋도 들어 있어 전부 내려받습니다. 커밋이 많은 클러스터에서는 끄세요. 그러면 이력은 폴링으로 본 것만 남습니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ConnectionLauncher</name>
    <message>
        <source>%1 — Topicscope</source>
        <translation>%1 — Topicscope</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>연결의 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the bootstrap servers as HOST:PORT, several separated by commas.</source>
        <translation>bootstrap 서버를 HOST:PORT 형식으로 입력하세요. 여러 개는 쉼표로 구분합니다.</translation>
    </message>
    <message>
        <source>Bootstrap servers: &apos;%1&apos; is not HOST:PORT (a port from 1 to 65535).</source>
        <translation>bootstrap 서버: &apos;%1&apos;은(는) HOST:PORT 형식이 아닙니다 (포트는 1부터 65535까지).</translation>
    </message>
    <message>
        <source>%1 needs a user name.</source>
        <translation>%1에는 사용자 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>A property has no name (value &apos;%1&apos;).</source>
        <translation>이름이 없는 속성이 있습니다 (값 &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>connection &apos;%1&apos;</source>
        <translation>연결 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>CA 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The CA file %1 is not a file.</source>
        <translation>CA 파일 %1은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>CA 파일 %1을(를) 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ConnectionProfilesModel</name>
    <message>
        <source>(no name)</source>
        <translation>(이름 없음)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::CreateTopicDialog</name>
    <message>
        <source>New Topic</source>
        <translation>새 토픽</translation>
    </message>
    <message>
        <source>e.g. orders</source>
        <translation>예: orders</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1일</translation>
    </message>
    <message>
        <source>7 days (Kafka&apos;s default)</source>
        <translation>7일 (Kafka 기본값)</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>영구 보존</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Partitions:</source>
        <translation>파티션(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>보존 기간(&amp;R):</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; at most 249 characters.</source>
        <translation>영문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;만 쓸 수 있으며 최대 249자입니다.</translation>
    </message>
    <message>
        <source>A topic named &quot;%1&quot; already exists.</source>
        <translation>&quot;%1&quot; 토픽이 이미 있습니다.</translation>
    </message>
    <message>
        <source>Valid. Kafka advises against mixing &apos;.&apos; and &apos;_&apos; in topic names.</source>
        <translation>사용할 수 있습니다. 다만 Kafka는 토픽 이름에 &apos;.&apos;와 &apos;_&apos;를 섞어 쓰지 말라고 권합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; collides with the existing topic &quot;%2&quot;: Kafka refuses names that differ only in &apos;.&apos; and &apos;_&apos; (their metric names would be the same).</source>
        <translation>&quot;%1&quot;은(는) 기존 토픽 &quot;%2&quot;와(과) 충돌합니다: Kafka는 &apos;.&apos;과 &apos;_&apos;만 다른 이름을 거부합니다(메트릭 이름이 같아지기 때문입니다).</translation>
    </message>
    <message>
        <source>Delete old records (Kafka&apos;s default)</source>
        <translation>오래된 레코드 삭제 (Kafka 기본값)</translation>
    </message>
    <message>
        <source>Compact: keep the newest of each key</source>
        <translation>컴팩션: 키마다 최신 레코드만 유지</translation>
    </message>
    <message>
        <source>Compact and delete old records</source>
        <translation>컴팩션 + 오래된 레코드 삭제</translation>
    </message>
    <message>
        <source>&amp;Cleanup:</source>
        <translation>정리 정책(&amp;C):</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::DeleteRecordsDialog</name>
    <message>
        <source>Delete Records</source>
        <translation>레코드 삭제</translation>
    </message>
    <message>
        <source>partition %1 (offsets %2 to %3)</source>
        <translation>파티션 %1(오프셋 %2부터 %3까지)</translation>
    </message>
    <message>
        <source>Kafka moves the partition&apos;s log start offset up to this offset: consumers can no longer read the records before it, and segment files wholly below it are deleted at once. Nothing brings them back.</source>
        <translation>Kafka는 파티션의 로그 시작 오프셋을 이 오프셋까지 옮깁니다. 컨슈머는 그 앞의 레코드를 더 이상 읽을 수 없고, 전부 그 아래에 있는 세그먼트 파일은 바로 삭제됩니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Delete Records</source>
        <translation>레코드 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>토픽:</translation>
    </message>
    <message>
        <source>&amp;Partition:</source>
        <translation>파티션(&amp;P):</translation>
    </message>
    <message>
        <source>Delete &amp;before offset:</source>
        <translation>이 오프셋 앞까지 삭제(&amp;B):</translation>
    </message>
    <message>
        <source>The topic has no partition.</source>
        <translation>토픽에 파티션이 없습니다.</translation>
    </message>
    <message>
        <source>Enter an offset from %1 (the log start) to %2 (the high watermark).</source>
        <translation>%1(로그 시작)부터 %2(하이 워터마크)까지의 오프셋을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::EnginePhrases</name>
    <message>
        <source>%1; removed %2 (did not rejoin)</source>
        <translation>%1. 다시 참여하지 않은 %2 제거</translation>
    </message>
    <message>
        <source>member %1 expired: no heartbeat within its session timeout of %2 ms</source>
        <translation>멤버 %1 만료: 세션 타임아웃 %2 ms 안에 하트비트 없음</translation>
    </message>
    <message>
        <source>rebalance timeout of %1 ms expired</source>
        <translation>리밸런스 타임아웃 %1 ms 경과</translation>
    </message>
    <message>
        <source>initial rebalance delay elapsed, %1 member(s) joined</source>
        <translation>초기 리밸런스 지연 경과, 멤버 %1명 참여</translation>
    </message>
    <message>
        <source>all members left</source>
        <translation>모든 멤버가 떠남</translation>
    </message>
    <message>
        <source>all %1 member(s) joined</source>
        <translation>멤버 %1명 모두 참여</translation>
    </message>
    <message>
        <source>removed %1: no SyncGroup within the rebalance timeout</source>
        <translation>%1 제거: 리밸런스 타임아웃 안에 SyncGroup 없음</translation>
    </message>
    <message>
        <source>leader %1 sent the assignment for generation %2</source>
        <translation>리더 %1이(가) 제너레이션 %2의 할당을 보냄</translation>
    </message>
    <message>
        <source>group reached its maximum size of %1</source>
        <translation>그룹이 최대 크기 %1에 도달</translation>
    </message>
    <message>
        <source>member %1 rejoined with changed metadata (client reason: %2)</source>
        <translation>멤버 %1이(가) 바뀐 메타데이터로 다시 참여 (클라이언트 사유: %2)</translation>
    </message>
    <message>
        <source>member %1 rejoined (client reason: %2)</source>
        <translation>멤버 %1이(가) 다시 참여 (클라이언트 사유: %2)</translation>
    </message>
    <message>
        <source>leader %1 rejoined (client reason: %2)</source>
        <translation>리더 %1이(가) 다시 참여 (클라이언트 사유: %2)</translation>
    </message>
    <message>
        <source>new member %1 joined (client reason: %2)</source>
        <translation>새 멤버 %1 참여 (클라이언트 사유: %2)</translation>
    </message>
    <message>
        <source>static member %1 (instance %2) replaced %3 (client reason: %4)</source>
        <translation>정적 멤버 %1(인스턴스 %2)이(가) %3을(를) 대체 (클라이언트 사유: %4)</translation>
    </message>
    <message>
        <source>member %1 left the group (client reason: %2)</source>
        <translation>멤버 %1이(가) 그룹을 떠남 (클라이언트 사유: %2)</translation>
    </message>
    <message>
        <source>its last committed offsets were deleted</source>
        <translation>마지막 커밋 오프셋이 삭제됨</translation>
    </message>
    <message>
        <source>its last committed offsets went with topic %1</source>
        <translation>마지막 커밋 오프셋이 토픽 %1과(와) 함께 삭제됨</translation>
    </message>
    <message>
        <source>group deleted</source>
        <translation>그룹 삭제됨</translation>
    </message>
    <message>
        <source>not provided</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>rejoining with the member id the coordinator assigned</source>
        <translation>코디네이터가 준 멤버 ID로 다시 참여</translation>
    </message>
    <message>
        <source>rejoining as a new member</source>
        <translation>새 멤버로 다시 참여</translation>
    </message>
    <message>
        <source>rejoining after %1</source>
        <translation>%1 후 다시 참여</translation>
    </message>
    <message>
        <source>retrying JoinGroup</source>
        <translation>JoinGroup 재시도</translation>
    </message>
    <message>
        <source>consumer poll timeout has expired.</source>
        <translation>컨슈머 poll 타임아웃이 지났습니다.</translation>
    </message>
    <message>
        <source>the consumer is being closed</source>
        <translation>컨슈머를 닫는 중</translation>
    </message>
    <message>
        <source>join: %1</source>
        <translation>참여: %1</translation>
    </message>
    <message>
        <source>rejoin: %1</source>
        <translation>재참여: %1</translation>
    </message>
    <message>
        <source>leave: %1</source>
        <translation>떠남: %1</translation>
    </message>
    <message>
        <source>session timeout: %1</source>
        <translation>세션 타임아웃: %1</translation>
    </message>
    <message>
        <source>rebalance timeout: %1</source>
        <translation>리밸런스 타임아웃: %1</translation>
    </message>
    <message>
        <source>metadata change: %1</source>
        <translation>메타데이터 변경: %1</translation>
    </message>
    <message>
        <source>static member replaced: %1</source>
        <translation>정적 멤버 대체: %1</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>회수됨</translation>
    </message>
    <message>
        <source>left</source>
        <translation>떠남</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>비정상 종료</translation>
    </message>
    <message>
        <source>poll timeout</source>
        <translation>poll 타임아웃</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>떠남</translation>
    </message>
    <message>
        <source>session timeout</source>
        <translation>세션 타임아웃</translation>
    </message>
    <message>
        <source>rebalance timeout</source>
        <translation>리밸런스 타임아웃</translation>
    </message>
    <message>
        <source>produced by %1 to %2 at offset %3 (%4)</source>
        <translation>%1이(가) %2의 오프셋 %3에 생산 (%4)</translation>
    </message>
    <message>
        <source>polled by %1 (gen %2)</source>
        <translation>%1이(가) 가져감 (제너레이션 %2)</translation>
    </message>
    <message>
        <source>processed by %1 (gen %2)</source>
        <translation>%1이(가) 처리함 (제너레이션 %2)</translation>
    </message>
    <message>
        <source>processed AGAIN by %1 (gen %2): duplicate, the %3 time in group %4</source>
        <translation>%1이(가) 다시 처리함 (제너레이션 %2): 중복, 그룹 %4에서 %3번째</translation>
    </message>
    <message>
        <source>deserialization failed in %1 (gen %2): %3; skipped</source>
        <translation>%1에서 역직렬화 실패 (제너레이션 %2): %3. 건너뜀</translation>
    </message>
    <message>
        <source>deserialization failed in %1 (gen %2); skipped</source>
        <translation>%1에서 역직렬화 실패 (제너레이션 %2). 건너뜀</translation>
    </message>
    <message>
        <source>LOST: %1 crashed before processing it, but group %2 had committed past it</source>
        <translation>유실: %1이(가) 처리 전에 비정상 종료했지만 그룹 %2은(는) 이미 그 뒤까지 커밋함</translation>
    </message>
    <message>
        <source>committed by group %1 (offset %2, by %3)</source>
        <translation>그룹 %1이(가) 커밋함 (오프셋 %2, %3)</translation>
    </message>
    <message>
        <source>deleted by %1: logStartOffset moved to %2</source>
        <translation>%1에 의해 삭제됨: logStartOffset이 %2(으)로 이동</translation>
    </message>
    <message>
        <source>(this open-ended run keeps its newest %1 events: what happened to the record before %2 is no longer known)</source>
        <translation>(끝이 없는 실행은 최근 이벤트 %1개만 보관합니다: %2 이전에 이 레코드에 일어난 일은 더 이상 알 수 없습니다)</translation>
    </message>
    <message>
        <source>offset %1 of %2 was deleted: the log starts at %3</source>
        <translation>%2의 오프셋 %1은(는) 삭제됨: 로그는 %3부터 시작</translation>
    </message>
    <message>
        <source>offset %1 is outside %2&apos;s log [%3, %4)</source>
        <translation>오프셋 %1은(는) %2의 로그 [%3, %4) 밖에 있음</translation>
    </message>
    <message>
        <source>offset %1 of %2 could not be read</source>
        <translation>%2의 오프셋 %1을(를) 읽을 수 없음</translation>
    </message>
    <message>
        <source>the scenario has not started</source>
        <translation>시나리오가 아직 시작되지 않음</translation>
    </message>
    <message>
        <source>unknown partition %1</source>
        <translation>알 수 없는 파티션 %1</translation>
    </message>
    <message>
        <source>produced by %1 to %2 at offset %3, in a batch of %4 record(s) (offsets %5..%6)</source>
        <translation>%1이(가) %2의 오프셋 %3에 생산, 레코드 %4개 배치 (오프셋 %5..%6)</translation>
    </message>
    <message>
        <source>fetched AGAIN by %1 (group %2, gen %3): redelivery, %4 had fetched it before</source>
        <translation>%1이(가) 다시 가져감 (그룹 %2, 제너레이션 %3): 재전달, 이전에 %4이(가) 가져갔음</translation>
    </message>
    <message>
        <source>fetched AGAIN by %1: redelivery, %2 had fetched it before</source>
        <translation>%1이(가) 다시 가져감: 재전달, 이전에 %2이(가) 가져갔음</translation>
    </message>
    <message>
        <source>an earlier member</source>
        <translation>이전 멤버</translation>
    </message>
    <message>
        <source>fetched by %1 (group %2, gen %3)</source>
        <translation>%1이(가) 가져감 (그룹 %2, 제너레이션 %3)</translation>
    </message>
    <message>
        <source>fetched by %1</source>
        <translation>%1이(가) 가져감</translation>
    </message>
    <message>
        <source>no key: the client chose partition %1 itself (Kafka&apos;s clients spread keyless records round-robin or sticky)</source>
        <translation>키 없음: 클라이언트가 파티션 %1을(를) 직접 골랐습니다 (Kafka 클라이언트는 키 없는 레코드를 라운드 로빈이나 스티키로 분산합니다)</translation>
    </message>
    <message>
        <source>murmur2(key) = 0x%1 → toPositive %2 % %3 = %4: partition %5, as Kafka&apos;s default partitioner picks</source>
        <translation>murmur2(key) = 0x%1 → toPositive %2 % %3 = %4: 파티션 %5, Kafka 기본 파티셔너가 고르는 그대로</translation>
    </message>
    <message>
        <source>murmur2(key) = 0x%1 → toPositive %2 % %3 = %4, but the record is in partition %5: the client did not use Kafka&apos;s default murmur2 partitioner (librdkafka&apos;s default, consistent_random, hashes keys with CRC32), chose the partition itself, or the topic had fewer partitions then</source>
        <translation>murmur2(key) = 0x%1 → toPositive %2 % %3 = %4인데 레코드는 파티션 %5에 있습니다: 클라이언트가 Kafka 기본 murmur2 파티셔너를 쓰지 않았거나(librdkafka의 기본값 consistent_random은 키를 CRC32로 해시합니다), 파티션을 직접 골랐거나, 그때 토픽의 파티션 수가 더 적었습니다</translation>
    </message>
    <message>
        <source>no key → sticky partition %1 (%2 of batch.size %3 bytes sent to it; %4)</source>
        <translation>키 없음 → 스티키 파티션 %1 (batch.size %3바이트 중 %2바이트 전송됨. %4)</translation>
    </message>
    <message>
        <source>picked at random for the first keyless record</source>
        <translation>첫 키 없는 레코드를 위해 무작위로 고름</translation>
    </message>
    <message>
        <source>partition count changed</source>
        <translation>파티션 수가 바뀜</translation>
    </message>
    <message>
        <source>switched from %1 after %2 bytes ≥ batch.size, batch full</source>
        <translation>%2바이트 ≥ batch.size가 되어 %1에서 바꿈, 배치가 가득 참</translation>
    </message>
    <message>
        <source>switched from %1 after %2 bytes ≥ 2 × batch.size</source>
        <translation>%2바이트 ≥ 2 × batch.size가 되어 %1에서 바꿈</translation>
    </message>
    <message>
        <source>invalid partition given with record: %1 is not in the range [0...%2]</source>
        <translation>레코드에 잘못된 파티션 지정: %1은(는) [0...%2] 범위 밖</translation>
    </message>
    <message>
        <source>explicit partition %1 (of %2), set by the caller</source>
        <translation>호출자가 지정한 파티션 %1 (%2개 중)</translation>
    </message>
    <message>
        <source>round-robin: partition %1 again, its new batch was just opened (key ignored)</source>
        <translation>라운드 로빈: 새 배치가 막 열려서 다시 파티션 %1 (키 무시)</translation>
    </message>
    <message>
        <source>round-robin: partition %1 again, its new batch was just opened</source>
        <translation>라운드 로빈: 새 배치가 막 열려서 다시 파티션 %1</translation>
    </message>
    <message>
        <source>round-robin: counter %1 → toPositive %2 % %3 = %4 (key ignored)</source>
        <translation>라운드 로빈: 카운터 %1 → toPositive %2 % %3 = %4 (키 무시)</translation>
    </message>
    <message>
        <source>round-robin: counter %1 → toPositive %2 % %3 = %4</source>
        <translation>라운드 로빈: 카운터 %1 → toPositive %2 % %3 = %4</translation>
    </message>
    <message>
        <source>uniform sticky: partition %1 until it needs a new batch (%2; key ignored)</source>
        <translation>균등 스티키: 새 배치가 필요할 때까지 파티션 %1 (%2. 키 무시)</translation>
    </message>
    <message>
        <source>uniform sticky: partition %1 until it needs a new batch (%2)</source>
        <translation>균등 스티키: 새 배치가 필요할 때까지 파티션 %1 (%2)</translation>
    </message>
    <message>
        <source>picked at random</source>
        <translation>무작위로 고름</translation>
    </message>
    <message>
        <source>switched from %1, which needed a new batch</source>
        <translation>새 배치가 필요했던 %1에서 바꿈</translation>
    </message>
    <message>
        <source>Live broker</source>
        <translation>실시간 브로커</translation>
    </message>
    <message>
        <source>client&apos;s own</source>
        <translation>클라이언트 자체</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>키 없음</translation>
    </message>
    <message>
        <source>fixed key &quot;%1&quot;</source>
        <translation>고정 키 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>키 %1개</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>round-robin</source>
        <translation>라운드 로빈</translation>
    </message>
    <message>
        <source>uniform-sticky</source>
        <translation>균등 스티키</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>afterProcessing</source>
        <translation>처리 후</translation>
    </message>
    <message>
        <source>afterEachRecord</source>
        <translation>레코드마다</translation>
    </message>
    <message>
        <source>beforeProcessing</source>
        <translation>처리 전</translation>
    </message>
    <message>
        <source>revoked partitions; rejoining so they can be reassigned</source>
        <translation>파티션을 회수했으니 다시 할당받도록 다시 참여</translation>
    </message>
    <message>
        <source>key: %1</source>
        <translation>키: %1</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>값: %1</translation>
    </message>
    <message>
        <source>%1 deserializer: got null, but null is not accepted here</source>
        <translation>%1 디시리얼라이저: null을 받았지만 여기서는 null을 허용하지 않음</translation>
    </message>
    <message>
        <source>string deserializer: %1 bytes are not valid UTF-8</source>
        <translation>string 디시리얼라이저: %1바이트가 올바른 UTF-8이 아님</translation>
    </message>
    <message>
        <source>JSON deserializer: %1</source>
        <translation>JSON 디시리얼라이저: %1</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>바이트 %1에서 잘못된 JSON: %2</translation>
    </message>
    <message>
        <source>invalid JSON: expected exactly one JSON value</source>
        <translation>잘못된 JSON: JSON 값이 정확히 하나여야 함</translation>
    </message>
    <message>
        <source>int32 deserializer: size of data received is %1 bytes, not 4</source>
        <translation>int32 디시리얼라이저: 받은 데이터 크기가 4바이트가 아닌 %1바이트</translation>
    </message>
    <message>
        <source>int64 deserializer: size of data received is %1 bytes, not 8</source>
        <translation>int64 디시리얼라이저: 받은 데이터 크기가 8바이트가 아닌 %1바이트</translation>
    </message>
    <message>
        <source>group is empty and has no committed offsets left</source>
        <translation>그룹이 비었고 커밋된 오프셋도 남지 않음</translation>
    </message>
    <message>
        <source>member %1 joined the group</source>
        <translation>멤버 %1이(가) 그룹에 참여</translation>
    </message>
    <message>
        <source>member %1 left the group</source>
        <translation>멤버 %1이(가) 그룹을 떠남</translation>
    </message>
    <message>
        <source>member %1 changed its subscription</source>
        <translation>멤버 %1이(가) 구독을 변경</translation>
    </message>
    <message>
        <source>the partitions of the subscribed topics changed</source>
        <translation>구독한 토픽의 파티션이 바뀜</translation>
    </message>
    <message>
        <source>member %1 reconciled to epoch %2</source>
        <translation>멤버 %1이(가) 에포크 %2에 맞춰 조정됨</translation>
    </message>
    <message>
        <source>static member %1 left for now</source>
        <translation>정적 멤버 %1이(가) 잠시 떠남</translation>
    </message>
    <message>
        <source>member %1&apos;s session timed out after %2 ms</source>
        <translation>멤버 %1의 세션이 %2 ms 후 만료됨</translation>
    </message>
    <message>
        <source>member %1 did not revoke its partitions within %2 ms</source>
        <translation>멤버 %1이(가) %2 ms 안에 파티션을 반납하지 않음</translation>
    </message>
    <message>
        <source>a classic member joined the Empty group</source>
        <translation>클래식 멤버가 빈(Empty) 그룹에 참여</translation>
    </message>
    <message>
        <source>cannot write the history file %1: %2</source>
        <translation>이력 파일 %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot read the history file %1: %2</source>
        <translation>이력 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot open the history file %1: %2</source>
        <translation>이력 파일 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot create the history directory %1</source>
        <translation>이력 디렉터리 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>no cluster id to name the history file after</source>
        <translation>이력 파일 이름으로 쓸 클러스터 ID가 없습니다</translation>
    </message>
    <message>
        <source>not a Topicscope history file</source>
        <translation>Topicscope 이력 파일이 아닙니다</translation>
    </message>
    <message>
        <source>written by a newer Topicscope (history schema %1, this one reads %2)</source>
        <translation>더 새로운 Topicscope가 쓴 파일입니다(이력 스키마 %1, 이 버전은 %2까지 읽음)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowLayout</name>
    <message>
        <source>What happens next?</source>
        <translation>다음에 무슨 일이 일어날까요?</translation>
    </message>
    <message>
        <source>(the answer is hidden)</source>
        <translation>(정답은 가려져 있습니다)</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>정답: %1</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowPalette</name>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>joining…</source>
        <translation>참여 중…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>CRASHED</source>
        <translation>비정상 종료</translation>
    </message>
    <message>
        <source>reconciling…</source>
        <translation>조정 중…</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowScenePainter</name>
    <message>
        <source>    produced </source>
        <translation>    프로듀스 </translation>
    </message>
    <message>
        <source>    processed </source>
        <translation>    처리 </translation>
    </message>
    <message>
        <source>    duplicates </source>
        <translation>    중복 </translation>
    </message>
    <message>
        <source>    lost </source>
        <translation>    유실 </translation>
    </message>
    <message>
        <source>    deser failures </source>
        <translation>    역직렬화 실패 </translation>
    </message>
    <message>
        <source>    finished</source>
        <translation>    종료</translation>
    </message>
    <message>
        <source>● running</source>
        <translation>● 실행 중</translation>
    </message>
    <message>
        <source>■ stopped</source>
        <translation>■ 중지됨</translation>
    </message>
    <message>
        <source>partitioner</source>
        <translation>파티셔너</translation>
    </message>
    <message>
        <source>… %1 older</source>
        <translation>… 이전 %1개</translation>
    </message>
    <message>
        <source> · empty</source>
        <translation> · 비어 있음</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(그룹 없음)</translation>
    </message>
    <message>
        <source>processed </source>
        <translation>처리 </translation>
    </message>
    <message>
        <source>dup </source>
        <translation>중복 </translation>
    </message>
    <message>
        <source>lost </source>
        <translation>유실 </translation>
    </message>
    <message>
        <source>deser </source>
        <translation>역직렬화 </translation>
    </message>
    <message>
        <source>in flight </source>
        <translation>처리 중 </translation>
    </message>
    <message>
        <source>in flight %1 · </source>
        <translation>처리 중 %1 · </translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>파티션 없음</translation>
    </message>
    <message>
        <source>%1 · sent %2 → %3</source>
        <translation>%1 · 보냄 %2 → %3</translation>
    </message>
    <message>
        <source>no key (null)</source>
        <translation>키 없음 (null)</translation>
    </message>
    <message>
        <source>keys %1</source>
        <translation>키 %1</translation>
    </message>
    <message>
        <source>%1 keys: %2, …</source>
        <translation>키 %1개: %2, …</translation>
    </message>
    <message>
        <source> + null</source>
        <translation> + null</translation>
    </message>
    <message>
        <source>◆ scripted</source>
        <translation>◆ 스크립트</translation>
    </message>
    <message>
        <source>scripted</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/초</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>  · %n partition(s)</source>
        <translation>
            <numerusform>  · 파티션 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>    fetched </source>
        <translation>    가져감 </translation>
    </message>
    <message>
        <source>    redelivered </source>
        <translation>    재전달 </translation>
    </message>
    <message>
        <source>● sending</source>
        <translation>● 전송 중</translation>
    </message>
    <message>
        <source>○ idle</source>
        <translation>○ 대기</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>fetched </source>
        <translation>가져감 </translation>
    </message>
    <message>
        <source>redelivered </source>
        <translation>재전달 </translation>
    </message>
    <message>
        <source> · epoch %1</source>
        <translation> · 에포크 %1</translation>
    </message>
    <message>
        <source> · gen %1</source>
        <translation> · gen %1</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowView</name>
    <message>
        <source>
key: </source>
        <translation>
키: </translation>
    </message>
    <message>
        <source>
produced by </source>
        <translation>
프로듀서: </translation>
    </message>
    <message>
        <source> at </source>
        <translation> · </translation>
    </message>
    <message>
        <source>)
member </source>
        <translation>)
멤버 </translation>
    </message>
    <message>
        <source>
commit: </source>
        <translation>
커밋: </translation>
    </message>
    <message>
        <source>
assigned: </source>
        <translation>
할당: </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>dup</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>유실</translation>
    </message>
    <message>
        <source>deser failed</source>
        <translation>역직렬화 실패</translation>
    </message>
    <message>
        <source>, epoch %1</source>
        <translation>, 에포크 %1</translation>
    </message>
    <message>
        <source>, generation %1</source>
        <translation>, 제너레이션 %1</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowWorkspace</name>
    <message>
        <source>No scenario</source>
        <translation>시나리오 없음</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Play the scenario again from the start</source>
        <translation>시나리오를 처음부터 다시 재생합니다</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>재생 / 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Speed of virtual time against real time</source>
        <translation>실제 시간 대비 가상 시간의 속도</translation>
    </message>
    <message>
        <source>Reveal answer</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <source>Show the answer to the question on screen</source>
        <translation>화면에 나온 질문의 정답을 보여 줍니다</translation>
    </message>
    <message>
        <source>Actions ▾</source>
        <translation>동작 ▾</translation>
    </message>
    <message>
        <source>Add clients, partitions, delete records, reset offsets</source>
        <translation>클라이언트와 파티션 추가, 레코드 삭제, 오프셋 재설정</translation>
    </message>
    <message>
        <source>Add Producer…</source>
        <translation>프로듀서 추가…</translation>
    </message>
    <message>
        <source>Add Consumer…</source>
        <translation>컨슈머 추가…</translation>
    </message>
    <message>
        <source>Add Partitions…</source>
        <translation>파티션 추가…</translation>
    </message>
    <message>
        <source>Delete Records Before…</source>
        <translation>이전 레코드 삭제…</translation>
    </message>
    <message>
        <source>Reset Group Offsets…</source>
        <translation>그룹 오프셋 재설정…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>Presentation mode: full screen, large fonts, high contrast (F5; Esc leaves; T shows the rebalance timeline)</source>
        <translation>발표 모드: 전체 화면, 큰 글꼴, 고대비 (F5, Esc로 나가기, T로 리밸런스 타임라인 표시)</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>실시간으로 돌아가기</translation>
    </message>
    <message>
        <source>Record journey</source>
        <translation>레코드 여정</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Compare assignors on this scenario</source>
        <translation>이 시나리오로 할당 전략 비교</translation>
    </message>
    <message>
        <source>Plays the scenario&apos;s file once under range, roundrobin, sticky and cooperative-sticky</source>
        <translation>시나리오 파일을 range, roundrobin, sticky, cooperative-sticky로 한 번씩 실행합니다</translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation>리밸런스</translation>
    </message>
    <message>
        <source>Assignor comparison</source>
        <translation>할당 전략 비교</translation>
    </message>
    <message>
        <source>Scenarios run on a broker of their own with virtual time: pausing or stepping here never pauses real Kafka clients connected to Topicscope, and they do not see these topics.</source>
        <translation>시나리오는 가상 시간으로 도는 전용 브로커에서 실행됩니다. 여기서 일시 정지하거나 한 단계씩 진행해도 Topicscope에 연결된 실제 Kafka 클라이언트는 멈추지 않으며, 그 클라이언트에는 이 토픽들이 보이지 않습니다.</translation>
    </message>
    <message>
        <source>The picture of that rebalance was not kept (more than %1 rebalances).</source>
        <translation>그 리밸런스의 화면은 보관되지 않았습니다 (리밸런스가 %1번을 넘었습니다).</translation>
    </message>
    <message>
        <source>Time travel: group %1, generation %2 at %3 (%4). Live is paused.</source>
        <translation>시간 여행: 그룹 %1, 제너레이션 %2, %3 (%4). 실시간 재생은 일시 정지되었습니다.</translation>
    </message>
    <message>
        <source>No scenario — choose one in the Scenarios menu</source>
        <translation>시나리오 없음 — 시나리오 메뉴에서 하나를 고르세요</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n check(s) passed.</source>
        <translation>
            <numerusform>종료: 검사 %n개 통과.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: %1 passed, FAILED: %2</source>
        <translation>종료: %1개 통과, 실패: %2</translation>
    </message>
    <message>
        <source>Loading the picture of that rebalance…</source>
        <translation>그 리밸런스의 화면을 불러오는 중…</translation>
    </message>
    <message>
        <source>Stop gracefully (commit, leave group)</source>
        <translation>정상 종료 (커밋 후 그룹 탈퇴)</translation>
    </message>
    <message>
        <source>Crash (no commit, no leave: session timeout)</source>
        <translation>비정상 종료 (커밋·탈퇴 없음: 세션 타임아웃)</translation>
    </message>
    <message>
        <source>Resume polling</source>
        <translation>poll 재개</translation>
    </message>
    <message>
        <source>Stall (stop calling poll(): max.poll.interval.ms)</source>
        <translation>멈추기 (poll() 호출 중단: max.poll.interval.ms)</translation>
    </message>
    <message>
        <source>Start again (a new member)</source>
        <translation>다시 시작 (새 멤버)</translation>
    </message>
    <message>
        <source>Produce 10 records</source>
        <translation>레코드 10개 프로듀스</translation>
    </message>
    <message>
        <source>Stop its rate</source>
        <translation>연속 전송 중지</translation>
    </message>
    <message>
        <source>Start its rate</source>
        <translation>연속 전송 시작</translation>
    </message>
    <message>
        <source>Remove producer</source>
        <translation>프로듀서 제거</translation>
    </message>
    <message>
        <source>Show journey</source>
        <translation>여정 보기</translation>
    </message>
    <message>
        <source>Delete records before offset %1</source>
        <translation>오프셋 %1 이전 레코드 삭제</translation>
    </message>
    <message>
        <source>Delete all records</source>
        <translation>모든 레코드 삭제</translation>
    </message>
    <message>
        <source>Add partitions to %1…</source>
        <translation>%1에 파티션 추가…</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Add Partitions</source>
        <translation>파티션 추가</translation>
    </message>
    <message>
        <source>New partition count of %1 (now %2). Keyed records may move to other partitions.</source>
        <translation>%1의 새 파티션 수 (현재 %2). 키가 있는 레코드는 다른 파티션으로 갈 수 있습니다.</translation>
    </message>
    <message>
        <source>Delete Records</source>
        <translation>레코드 삭제</translation>
    </message>
    <message>
        <source>Delete the records of every partition of %1 before offset (-1 = the high watermark: all):</source>
        <translation>%1의 모든 파티션에서 이 오프셋 이전의 레코드를 삭제합니다 (-1 = 하이 워터마크: 전부):</translation>
    </message>
    <message>
        <source>Reset Offsets</source>
        <translation>오프셋 재설정</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Reset to (refused while the group has members, as in Kafka)</source>
        <translation>재설정 위치 (Kafka처럼 그룹에 멤버가 있으면 거부됨)</translation>
    </message>
    <message>
        <source>%1 (got %2)</source>
        <translation>%1 (실제: %2)</translation>
    </message>
    <message>
        <source>Step to the next visible event: one record produced, fetched or committed, or one rebalance phase (→)</source>
        <translation>다음에 보이는 이벤트까지 한 단계: 레코드 하나의 프로듀스, 페치 또는 커밋, 또는 리밸런스의 한 단계 (→)</translation>
    </message>
    <message>
        <source>Esc or F5 leaves presentation  ·  T shows or hides the rebalance timeline</source>
        <translation>Esc 또는 F5: 발표 모드 나가기  ·  T: 리밸런스 타임라인 보이기/숨기기</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>발표 모드 나가기</translation>
    </message>
    <message>
        <source>Protocol lane</source>
        <translation>프로토콜 레인</translation>
    </message>
    <message>
        <source>Pause broker</source>
        <translation>브로커 일시정지</translation>
    </message>
    <message>
        <source>Resume broker</source>
        <translation>브로커 재개</translation>
    </message>
    <message>
        <source>Pausing the real broker freezes its clock (no session timeout expires) and holds produce acknowledgements, fetch answers with records and JoinGroup/SyncGroup answers; clients only see latency.</source>
        <translation>실제 브로커를 일시정지하면 브로커 시계가 멈추고(세션 타임아웃이 만료되지 않음) 프로듀스 응답, 레코드가 담긴 fetch 응답, JoinGroup/SyncGroup 응답을 붙잡아 둡니다. 클라이언트에게는 지연으로만 보입니다.</translation>
    </message>
    <message>
        <source>Release the oldest held answer</source>
        <translation>붙잡아 둔 응답 중 가장 오래된 것을 내보냅니다</translation>
    </message>
    <message>
        <source>Start a fresh recording of the live broker</source>
        <translation>실시간 브로커 기록을 처음부터 새로 시작합니다</translation>
    </message>
    <message>
        <source>Live: the embedded broker&apos;s own clients (your programs, kafka-python, kcat) as the broker sees them: what they produce and fetch, their commits and their group&apos;s rebalances.</source>
        <translation>실시간: 내장 브로커에 접속한 실제 클라이언트(여러분의 프로그램, kafka-python, kcat)를 브로커가 보는 그대로 보여 줍니다. 무엇을 프로듀스하고 가져가는지, 커밋과 그룹의 리밸런스까지.</translation>
    </message>
    <message numerus="yes">
        <source>Broker paused: %n answer(s) held</source>
        <translation>
            <numerusform>브로커 일시정지: 응답 %n개 붙잡음</numerusform>
        </translation>
    </message>
    <message>
        <source>; next: %1 to %2 (%3), released by itself in %4 s</source>
        <translation>; 다음: %2에게 보낼 %1 (%3), %4초 뒤 자동으로 내보냄</translation>
    </message>
    <message>
        <source>; stepped: %1 to %2 (%3)</source>
        <translation>; 한 단계 내보냄: %2에게 %1 (%3)</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>다시 보기: %1</translation>
    </message>
    <message>
        <source>Show the world right after the next rebalance (after the last one: at the end)</source>
        <translation>다음 리밸런스 직후의 모습을 보여 줍니다 (마지막 리밸런스 다음에는 끝의 모습)</translation>
    </message>
    <message>
        <source>Back to the world after the first rebalance</source>
        <translation>첫 리밸런스 직후의 모습으로 돌아갑니다</translation>
    </message>
    <message>
        <source>Replay of a saved live session: no broker runs. Step and Play show the world after each rebalance, then at the end; time travel and record journeys come from the file.</source>
        <translation>저장된 실시간 세션을 다시 보는 중입니다. 브로커는 실행되지 않습니다. 한 단계와 재생은 리밸런스마다 그 직후의 모습을, 마지막으로 끝의 모습을 보여 주며, 시간 여행과 레코드 여정은 파일에서 가져옵니다.</translation>
    </message>
    <message>
        <source>Time travel: group %1, epoch %2 at %3 (%4). Live is paused.</source>
        <translation>시간 여행: 그룹 %1, 에포크 %2, %3 (%4). 실시간 재생은 일시 정지되었습니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::Format</name>
    <message>
        <source>forever</source>
        <translation>영구</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1초 전</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1분 전</translation>
    </message>
    <message numerus="yes">
        <source>… %n more byte(s)</source>
        <translation>
            <numerusform>… %n바이트 더</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::GroupMembersModel</name>
    <message>
        <source>%1 (group leader: runs the assignor)</source>
        <translation>%1 (그룹 리더: 할당 전략을 실행)</translation>
    </message>
    <message>
        <source>Member id</source>
        <translation>멤버 ID</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Assigned partitions</source>
        <translation>할당된 파티션</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1초 전</translation>
    </message>
    <message>
        <source>%1 min %2 s ago</source>
        <translation>%1분 %2초 전</translation>
    </message>
    <message>
        <source>When the coordinator last heard from the member (a heartbeat, join or sync); it is removed when this reaches its session timeout.</source>
        <translation>코디네이터가 이 멤버의 소식(하트비트, 조인 또는 싱크)을 마지막으로 받은 뒤 지난 시간입니다. 세션 타임아웃에 이르면 멤버가 제거됩니다.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Session timeout</source>
        <translation>세션 타임아웃</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>마지막 하트비트</translation>
    </message>
    <message>
        <source>away (static member left for a while; keeps its partitions)</source>
        <translation>자리 비움 (정적 멤버가 잠시 떠남, 파티션은 유지)</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>revoking %1</source>
        <translation>반납 중 %1</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>대기 중 %1</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>안정</translation>
    </message>
    <message>
        <source>Member epoch %1. A member gives up the partitions it loses (revoking) before the broker hands them to anyone else; a member waiting for partitions keeps consuming the ones it has.</source>
        <translation>멤버 에포크 %1. 멤버는 잃게 될 파티션을 먼저 반납하고(반납 중), 브로커는 그 뒤에야 다른 멤버에게 넘깁니다. 파티션을 기다리는 멤버도 이미 가진 파티션은 계속 소비합니다.</translation>
    </message>
    <message>
        <source>Epoch / reconciliation</source>
        <translation>에포크 / 조정 상태</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::GroupOffsetsModel</name>
    <message>
        <source>Log end offset minus committed offset: records the group has not yet committed</source>
        <translation>로그 끝 오프셋 빼기 커밋된 오프셋: 그룹이 아직 커밋하지 않은 레코드 수</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>커밋된 오프셋</translation>
    </message>
    <message>
        <source>Log end</source>
        <translation>로그 끝</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>랙</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>멤버</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::GroupsModel</name>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Protocol type</source>
        <translation>프로토콜 유형</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당 전략</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>리더</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Total lag</source>
        <translation>전체 랙</translation>
    </message>
    <message>
        <source>Kafka 4&apos;s consumer group protocol (KIP-848): the broker computes the assignment and each member moves to it on its own heartbeats, giving partitions up before anyone else gets them. No group-wide stop.</source>
        <translation>Kafka 4의 컨슈머 그룹 프로토콜(KIP-848): 브로커가 할당을 계산하고, 각 멤버는 자기 하트비트에 맞춰 그 할당으로 옮겨 가며, 다른 멤버가 받기 전에 파티션을 먼저 반납합니다. 그룹 전체가 멈추지 않습니다.</translation>
    </message>
    <message>
        <source>Group epoch %1: it moves on at every join, leave or subscription change. Target assignment epoch %2.</source>
        <translation>그룹 에포크 %1: 멤버가 참여하거나 떠나거나 구독을 바꿀 때마다 올라갑니다. 목표 할당 에포크 %2.</translation>
    </message>
    <message>
        <source>No leader: the broker&apos;s assignor (%1) computes the assignment.</source>
        <translation>리더 없음: 브로커의 할당기(%1)가 할당을 계산합니다.</translation>
    </message>
    <message>
        <source>The classic protocol: every member rejoins (JoinGroup, SyncGroup) and the leader computes the assignment.</source>
        <translation>클래식 프로토콜: 모든 멤버가 다시 참여하고(JoinGroup, SyncGroup) 리더가 할당을 계산합니다.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>epoch %1 (target %2)</source>
        <translation>에포크 %1 (목표 %2)</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>제너레이션</translation>
    </message>
    <message>
        <source>The cluster&apos;s description of the group does not say (librdkafka reports no generation or epoch). It is filled in from __consumer_offsets when that topic can be read and lists the same members.</source>
        <translation>클러스터의 그룹 설명에는 이 값이 없습니다(librdkafka는 제너레이션도 에포크도 알려 주지 않습니다). __consumer_offsets를 읽을 수 있고 같은 멤버가 나오면 그 값으로 채워집니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::GroupsView</name>
    <message>
        <source>Reset Offsets…</source>
        <translation>오프셋 재설정…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Offsets and lag</source>
        <translation>오프셋과 랙</translation>
    </message>
    <message>
        <source>No consumer group selected.</source>
        <translation>선택한 컨슈머 그룹이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 %4 · generation %5 · leader %6 · &lt;b&gt;total lag %7&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 %4 · 제너레이션 %5 · 리더 %6 · &lt;b&gt;전체 랙 %7&lt;/b&gt;</translation>
    </message>
    <message>
        <source>no protocol</source>
        <translation>프로토콜 없음</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Move the group&apos;s committed offsets</source>
        <translation>그룹의 커밋된 오프셋을 옮깁니다</translation>
    </message>
    <message>
        <source>Kafka resets offsets only when the group is Empty: stop its consumers first.</source>
        <translation>Kafka는 그룹이 Empty 상태일 때만 오프셋을 재설정합니다. 먼저 컨슈머를 멈추세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · consumer protocol (KIP-848), assignor %3 on the broker · group epoch %4 · target epoch %5 · &lt;b&gt;total lag %6&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · 컨슈머 프로토콜(KIP-848), 브로커의 할당기 %3 · 그룹 에포크 %4 · 목표 에포크 %5 · &lt;b&gt;전체 랙 %6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rebalance history</source>
        <translation>리밸런스 기록</translation>
    </message>
    <message>
        <source>Each generation as the embedded broker&apos;s coordinator saw it.</source>
        <translation>내장 브로커의 코디네이터가 본 제너레이션마다 한 줄입니다.</translation>
    </message>
    <message>
        <source>No generation of this group seen yet.</source>
        <translation>이 그룹의 제너레이션을 아직 보지 못했습니다.</translation>
    </message>
    <message>
        <source>Generations read from %1 and seen by polling.</source>
        <translation>%1에서 읽은 제너레이션과 폴링으로 본 제너레이션입니다.</translation>
    </message>
    <message>
        <source>Only what polling saw (%1 not read yet).</source>
        <translation>폴링으로 본 것만 있습니다 (%1는 아직 읽지 않음).</translation>
    </message>
    <message>
        <source>Only what polling saw: the cluster does not list %1 to this connection (absent, or no permission to describe it).</source>
        <translation>폴링으로 본 것만 있습니다: 클러스터가 이 연결에 %1를 보여 주지 않습니다 (없거나, 조회(Describe) 권한이 없음).</translation>
    </message>
    <message>
        <source>Only what polling saw: this connection may not read %1 (%2).</source>
        <translation>폴링으로 본 것만 있습니다: 이 연결은 %1를 읽을 권한이 없습니다 (%2).</translation>
    </message>
    <message>
        <source>Only what polling saw: %1 could not be read (%2).</source>
        <translation>폴링으로 본 것만 있습니다: %1를 읽지 못했습니다 (%2).</translation>
    </message>
    <message>
        <source>Only what polling saw: reading %1 is turned off for this connection.</source>
        <translation>폴링으로 본 것만 있습니다: 이 연결에서는 %1 읽기가 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>Delete Group…</source>
        <translation>그룹 삭제…</translation>
    </message>
    <message>
        <source>Delete Group</source>
        <translation>그룹 삭제</translation>
    </message>
    <message>
        <source>The group was not deleted: %1</source>
        <translation>그룹이 삭제되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>오류 %1</translation>
    </message>
    <message>
        <source>Delete the group and its committed offsets</source>
        <translation>그룹과 커밋된 오프셋을 삭제합니다</translation>
    </message>
    <message>
        <source>Kafka deletes a group only when it is Empty: stop its consumers first.</source>
        <translation>Kafka는 Empty 상태인 그룹만 삭제합니다. 먼저 컨슈머를 멈추세요.</translation>
    </message>
    <message>
        <source>Delete consumer group %1 and its committed offsets? The next consumer to join it starts where auto.offset.reset says.</source>
        <translation>컨슈머 그룹 %1과(와) 커밋된 오프셋을 삭제할까요? 다음에 이 그룹에 참여하는 컨슈머는 auto.offset.reset이 정하는 위치에서 시작합니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::KeychainSecretStore</name>
    <message>
        <source>no Secret Service or KWallet answered</source>
        <translation>Secret Service나 KWallet이 응답하지 않음</translation>
    </message>
    <message>
        <source> (there is no D-Bus session)</source>
        <translation> (D-Bus 세션이 없음)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::Language</name>
    <message>
        <source>System language (%1)</source>
        <translation>시스템 언어 (%1)</translation>
    </message>
    <message>
        <source>The new language is used the next time Topicscope starts.</source>
        <translation>바뀐 언어는 Topicscope를 다음에 시작할 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ListenerProblemDialog</name>
    <message>
        <source>Kafka listener not started</source>
        <translation>Kafka 리스너가 시작되지 않았습니다</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kafka clients cannot connect: the listener on port %1 did not start.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Reason: %2&lt;/p&gt;&lt;p&gt;Another program may be using the port (a Kafka in Docker, say). Choose another port and point your clients at it, or stop the other program and retry. The explorer and the scenarios work without a listener.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Kafka 클라이언트가 접속할 수 없습니다: 포트 %1의 리스너가 시작되지 않았습니다.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;이유: %2&lt;/p&gt;&lt;p&gt;다른 프로그램(예: Docker로 띄운 Kafka)이 이 포트를 쓰고 있을 수 있습니다. 다른 포트를 골라 클라이언트를 그 포트로 연결하거나, 그 프로그램을 멈추고 다시 시도하세요. 탐색기와 시나리오는 리스너 없이도 동작합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <source>Use This Port</source>
        <translation>이 포트 사용</translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation>%1 다시 시도</translation>
    </message>
    <message>
        <source>Continue Without Listener</source>
        <translation>리스너 없이 계속</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::MainWindow</name>
    <message>
        <source>Topicscope</source>
        <translation>Topicscope</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>컨슈머 그룹</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>프로듀서</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>%1 시작 중…</translation>
    </message>
    <message>
        <source>The broker could not start:
%1</source>
        <translation>브로커를 시작하지 못했습니다:
%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Data Directory…</source>
        <translation>데이터 디렉터리 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Data Directory</source>
        <translation>데이터 디렉터리 열기</translation>
    </message>
    <message>
        <source>Stop the broker and start it again on the Topicscope store in another directory</source>
        <translation>브로커를 멈추고 다른 디렉터리의 Topicscope 저장소로 다시 시작합니다</translation>
    </message>
    <message>
        <source>Export Produce-Rate Chart as &amp;PNG…</source>
        <translation>프로듀스 속도 차트를 PNG로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy Row</source>
        <translation>행 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find Messages…</source>
        <translation>메시지 찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>토픽(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Partitions</source>
        <translation>파티션(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>Consumer &amp;Groups</source>
        <translation>컨슈머 그룹(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>차트(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation>브로커(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;New Topic…</source>
        <translation>새 토픽(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete Topic…</source>
        <translation>토픽 삭제(&amp;D)…</translation>
    </message>
    <message>
        <source>Add &amp;Partitions…</source>
        <translation>파티션 추가(&amp;P)…</translation>
    </message>
    <message>
        <source>Edit &amp;Retention…</source>
        <translation>보존 기간 변경(&amp;R)…</translation>
    </message>
    <message>
        <source>P&amp;roduce</source>
        <translation>프로듀스(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;Offsets…</source>
        <translation>오프셋 재설정(&amp;O)…</translation>
    </message>
    <message>
        <source>Reset Offsets</source>
        <translation>오프셋 재설정</translation>
    </message>
    <message>
        <source>Select an Empty consumer group: Kafka resets offsets only when no consumer is in the group.</source>
        <translation>Empty 상태의 컨슈머 그룹을 고르세요. Kafka는 그룹에 컨슈머가 없을 때만 오프셋을 재설정합니다.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Topicscope</source>
        <translation>Topicscope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Topicscope</source>
        <translation>Topicscope 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Topicscope %1&lt;/h3&gt;&lt;p&gt;A desktop Kafka-compatible broker that shows how Kafka works: topics, partitions, offsets, consumer groups and rebalances, live.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Topicscope %1&lt;/h3&gt;&lt;p&gt;Kafka가 어떻게 동작하는지 보여 주는 Kafka 호환 데스크톱 브로커입니다. 토픽, 파티션, 오프셋, 컨슈머 그룹, 리밸런스를 실시간으로 볼 수 있습니다.&lt;/p&gt;&lt;p&gt;Qt %2로 빌드, Qt %3에서 실행 중.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In memory: nothing is saved.</source>
        <translation>메모리 모드: 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>데이터 디렉터리: %1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>흐름</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>시나리오(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;andbox (free play)</source>
        <translation>샌드박스(&amp;A) (자유 실습)</translation>
    </message>
    <message>
        <source>&amp;Open Scenario File…</source>
        <translation>시나리오 파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Topicscope scenarios (*.json);;All files (*)</source>
        <translation>Topicscope 시나리오 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;Compare Assignors</source>
        <translation>할당 전략 비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>In memory (nothing is saved)</source>
        <translation>메모리 모드 (저장 안 함)</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>데이터: %1</translation>
    </message>
    <message>
        <source>In: %1 · Out: %2 records/s</source>
        <translation>유입: %1 · 유출: %2 레코드/초</translation>
    </message>
    <message>
        <source>In: records appended per second. Out: records consumed per second, measured from the consumer groups&apos; committed offsets.</source>
        <translation>유입: 초당 추가된 레코드 수. 유출: 초당 소비된 레코드 수로, 컨슈머 그룹의 커밋된 오프셋으로 잽니다.</translation>
    </message>
    <message>
        <source>Kafka on %1 · %2</source>
        <translation>Kafka 리스너 %1 · %2</translation>
    </message>
    <message>
        <source>Point Kafka clients at bootstrap.servers=%1</source>
        <translation>Kafka 클라이언트에 bootstrap.servers=%1 을 지정하세요</translation>
    </message>
    <message>
        <source>Kafka listener down</source>
        <translation>Kafka 리스너 중단됨</translation>
    </message>
    <message>
        <source>No Kafka listener</source>
        <translation>Kafka 리스너 없음</translation>
    </message>
    <message>
        <source>create topic %1</source>
        <translation>토픽 %1 만들기</translation>
    </message>
    <message>
        <source>Delete Topic</source>
        <translation>토픽 삭제</translation>
    </message>
    <message>
        <source>Delete topic &quot;%1&quot; with all its records and the consumer groups&apos; offsets on it?
This cannot be undone.</source>
        <translation>&quot;%1&quot; 토픽을 모든 레코드, 이 토픽에 대한 컨슈머 그룹의 오프셋과 함께 삭제할까요?
되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>delete topic %1</source>
        <translation>토픽 %1 삭제</translation>
    </message>
    <message>
        <source>Add Partitions</source>
        <translation>파티션 추가</translation>
    </message>
    <message>
        <source>New partition count of %1 (now %2; Kafka never removes partitions, and keys may map elsewhere):</source>
        <translation>%1의 새 파티션 수 (현재 %2. Kafka는 파티션을 줄이지 않으며, 키가 다른 파티션으로 갈 수 있습니다):</translation>
    </message>
    <message>
        <source>add partitions to %1</source>
        <translation>%1에 파티션 추가</translation>
    </message>
    <message>
        <source>Edit Retention</source>
        <translation>보존 기간 변경</translation>
    </message>
    <message>
        <source>retention.ms of %1 in hours (-1 = forever):</source>
        <translation>%1의 retention.ms (시간 단위, -1 = 영구):</translation>
    </message>
    <message>
        <source>change retention of %1</source>
        <translation>%1의 보존 기간 변경</translation>
    </message>
    <message>
        <source>Could not %1:
%2</source>
        <translation>실패: %1
%2</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>환경설정(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키 목록(&amp;K)</translation>
    </message>
    <message>
        <source>Show the &amp;Getting-Started Hint</source>
        <translation>시작 안내 다시 보기(&amp;G)</translation>
    </message>
    <message>
        <source>F&amp;low</source>
        <translation>흐름(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>토픽 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>그룹 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a Scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Got It</source>
        <translation>알겠습니다</translation>
    </message>
    <message>
        <source>Kafka clients can connect once the listener runs (see the status bar).</source>
        <translation>리스너가 실행되면 Kafka 클라이언트가 접속할 수 있습니다(상태 표시줄 참고).</translation>
    </message>
    <message>
        <source>Point Kafka clients at &lt;b&gt;%1&lt;/b&gt; (bootstrap.servers), e.g. &lt;tt&gt;kcat -b %1 -L&lt;/tt&gt;.</source>
        <translation>Kafka 클라이언트를 &lt;b&gt;%1&lt;/b&gt;(bootstrap.servers)로 연결하세요. 예: &lt;tt&gt;kcat -b %1 -L&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>Welcome to Topicscope. %1 Or open a scenario to watch producers, partitions and consumer groups at work.</source>
        <translation>Topicscope에 오신 것을 환영합니다. %1 또는 시나리오를 열어 프로듀서, 파티션, 컨슈머 그룹이 움직이는 모습을 보세요.</translation>
    </message>
    <message>
        <source>Flow › Play / pause</source>
        <translation>흐름 › 재생 / 일시정지</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Flow › Step to the next event</source>
        <translation>흐름 › 다음 이벤트로 한 단계</translation>
    </message>
    <message>
        <source>→</source>
        <translation>→</translation>
    </message>
    <message>
        <source>Flow › Show or hide the rebalance timeline</source>
        <translation>흐름 › 리밸런스 타임라인 보이기/숨기기</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Flow › Leave presentation mode</source>
        <translation>흐름 › 발표 모드 나가기</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Wire clients</source>
        <translation>외부 클라이언트</translation>
    </message>
    <message>
        <source>&amp;Wire Clients</source>
        <translation>외부 클라이언트(&amp;W)</translation>
    </message>
    <message>
        <source>Li&amp;ve Broker (your own clients)</source>
        <translation>실시간 브로커(&amp;V) (여러분의 클라이언트)</translation>
    </message>
    <message numerus="yes">
        <source>%n broker(s)</source>
        <translation>
            <numerusform>브로커 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>연결 문제</translation>
    </message>
    <message>
        <source>Exploring %1.</source>
        <translation>%1 탐색 중.</translation>
    </message>
    <message>
        <source>Welcome to Topicscope. You are exploring a remote Kafka cluster: its brokers, topics, partitions, messages and consumer groups.</source>
        <translation>Topicscope에 오신 것을 환영합니다. 원격 Kafka 클러스터를 탐색하고 있습니다: 브로커, 토픽, 파티션, 메시지, 컨슈머 그룹.</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>브로커</translation>
    </message>
    <message>
        <source>&amp;Brokers</source>
        <translation>브로커(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Connect to Kafka…</source>
        <translation>Kafka에 연결(&amp;C)…</translation>
    </message>
    <message>
        <source>Open a window on a Kafka cluster from a saved connection</source>
        <translation>저장된 연결로 Kafka 클러스터 창을 엽니다</translation>
    </message>
    <message>
        <source>Delete Re&amp;cords…</source>
        <translation>레코드 삭제(&amp;C)…</translation>
    </message>
    <message>
        <source>delete the records of %1-%2 before offset %3</source>
        <translation>%1-%2의 오프셋 %3 앞 레코드 삭제</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::MessageBrowser</name>
    <message>
        <source>Earliest</source>
        <translation>처음 (earliest)</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>끝 (latest)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>타임스탬프</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>16진수</translation>
    </message>
    <message>
        <source>Filter key or value…</source>
        <translation>키나 값으로 필터…</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>실시간 따라가기</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>토픽:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>Select a record to see it whole.</source>
        <translation>레코드를 선택하면 전체 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>All partitions</source>
        <translation>모든 파티션</translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation>파티션 %1</translation>
    </message>
    <message>
        <source>header </source>
        <translation>헤더 </translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>파티션 %1</translation>
    </message>
    <message>
        <source>all partitions</source>
        <translation>모든 파티션</translation>
    </message>
    <message>
        <source>No topic.</source>
        <translation>토픽이 없습니다.</translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation> (스크롤하면 더 보임)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <source>Copy as JSON Lines</source>
        <translation>JSON Lines로 복사</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>CSV로 복사</translation>
    </message>
    <message>
        <source>Export Selected…</source>
        <translation>선택한 레코드 내보내기…</translation>
    </message>
    <message>
        <source>Copy / Export</source>
        <translation>복사 / 내보내기</translation>
    </message>
    <message>
        <source>Copy or export the selected records as JSON Lines or CSV</source>
        <translation>선택한 레코드를 JSON Lines 또는 CSV로 복사하거나 내보냅니다</translation>
    </message>
    <message>
        <source>(empty string, 0 bytes)</source>
        <translation>(빈 문자열, 0바이트)</translation>
    </message>
    <message numerus="yes">
        <source>partition %1 · offset %2 · %3 · %n byte(s)</source>
        <translation>
            <numerusform>파티션 %1 · 오프셋 %2 · %3 · %n바이트</numerusform>
        </translation>
    </message>
    <message>
        <source>key:</source>
        <translation>키:</translation>
    </message>
    <message numerus="yes">
        <source>Live tail of %1, every partition in time order: the newest %Ln record(s)%2</source>
        <translation>
            <numerusform>%1 실시간 추적, 모든 파티션을 시간 순으로: 최신 레코드 %Ln개%2</numerusform>
        </translation>
    </message>
    <message>
        <source> matching &quot;%1&quot;</source>
        <translation> (&quot;%1&quot; 일치)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es) of &quot;%1&quot; in %2 of %3%4</source>
        <translation>
            <numerusform>&quot;%1&quot; 일치 %Ln건 (%3 중 %2)%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in %1 of %2 · %3 cached</source>
        <translation>
            <numerusform>%2의 %1에 레코드 %Ln개 · 캐시 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n record(s) as CSV.</source>
        <translation>
            <numerusform>레코드 %n개를 CSV로 복사했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n record(s) as JSON Lines.</source>
        <translation>
            <numerusform>레코드 %n개를 JSON Lines로 복사했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) were not loaded yet and are left out: copy again in a moment.</source>
        <translation>
            <numerusform>선택한 행 %n개는 아직 불러오지 않아 빠졌습니다: 잠시 후 다시 복사하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Selected Records</source>
        <translation>선택한 레코드 내보내기</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Show Journey in Flow</source>
        <translation>흐름에서 레코드 여정 보기</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::MessageModel</name>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>타임스탬프</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::OwnershipBars</name>
    <message>
        <source>nobody processing</source>
        <translation>처리하는 컨슈머 없음</translation>
    </message>
    <message>
        <source>rebalance completed (generation)</source>
        <translation>리밸런스 완료 (제너레이션)</translation>
    </message>
    <message>
        <source>%1 gen %2</source>
        <translation>%1 gen %2</translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation>gen %1</translation>
    </message>
    <message>
        <source>%1 owned %2 (group %3, generation %4)</source>
        <translation>%1이(가) %2 소유 (그룹 %3, 제너레이션 %4)</translation>
    </message>
    <message>
        <source>from %1, still owns it</source>
        <translation>%1부터, 지금도 소유</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>ended: %1</source>
        <translation>종료 원인: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Nobody processing %1 since %2 (%3 so far)</source>
        <translation>%2부터 %1을(를) 처리하는 컨슈머 없음 (지금까지 %3)</translation>
    </message>
    <message>
        <source>Nobody processing %1
%2 – %3 (%4)</source>
        <translation>%1을(를) 처리하는 컨슈머 없음
%2 – %3 (%4)</translation>
    </message>
    <message>
        <source>Group %1 generation %2 (%3)</source>
        <translation>그룹 %1 제너레이션 %2 (%3)</translation>
    </message>
    <message>
        <source>Stable again at %1 after %2</source>
        <translation>%1에 다시 Stable (%2 소요)</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>원인: %1</translation>
    </message>
    <message>
        <source>No partition changed owner</source>
        <translation>소유자가 바뀐 파티션 없음</translation>
    </message>
    <message>
        <source>Changed owner: %1</source>
        <translation>소유자 변경: %1</translation>
    </message>
    <message>
        <source>Click to select this generation</source>
        <translation>클릭하면 이 제너레이션을 선택합니다</translation>
    </message>
    <message>
        <source>No partition has been assigned yet</source>
        <translation>아직 할당된 파티션이 없습니다</translation>
    </message>
    <message>
        <source>%1 epoch %2</source>
        <translation>%1 에포크 %2</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>Group %1 epoch %2 (%3, Kafka 4&apos;s consumer protocol)</source>
        <translation>그룹 %1 에포크 %2 (%3, Kafka 4의 컨슈머 프로토콜)</translation>
    </message>
    <message>
        <source>Replaced by a newer epoch at %1 after %2</source>
        <translation>%1에 더 새로운 에포크로 대체됨 (%2 후)</translation>
    </message>
    <message>
        <source>Every member reached it at %1 after %2</source>
        <translation>%1에 모든 멤버가 도달함 (%2 후)</translation>
    </message>
    <message>
        <source>%1 owned %2 (group %3, epoch %4)</source>
        <translation>%1이(가) %2 소유 (그룹 %3, 에포크 %4)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::OwnershipModel</name>
    <message>
        <source>Partition / owner</source>
        <translation>파티션 / 소유자</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>From ms</source>
        <translation>시작 ms</translation>
    </message>
    <message>
        <source>To ms</source>
        <translation>종료 ms</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>레인</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>제너레이션</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료 사유</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::PartitionHealth</name>
    <message>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>under-replicated</source>
        <translation>복제 부족</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>Every replica is in sync.</source>
        <translation>모든 복제본이 동기화되어 있습니다.</translation>
    </message>
    <message>
        <source>Not in sync: broker(s) %1. A broker failure now may lose acknowledged records.</source>
        <translation>동기화 안 됨: 브로커 %1. 지금 브로커가 고장 나면 확인된 레코드를 잃을 수 있습니다.</translation>
    </message>
    <message>
        <source>Its leader did not answer (client error %1): the offsets shown are the last ones read.</source>
        <translation>리더가 응답하지 않았습니다 (클라이언트 오류 %1). 표시된 오프셋은 마지막으로 읽은 값입니다.</translation>
    </message>
    <message>
        <source>The cluster answered %1 for this partition: the offsets shown are the last ones read.</source>
        <translation>클러스터가 이 파티션에 %1 을 응답했습니다. 표시된 오프셋은 마지막으로 읽은 값입니다.</translation>
    </message>
    <message>
        <source>No leader: it can be neither written nor read.</source>
        <translation>리더 없음: 쓸 수도 읽을 수도 없습니다.</translation>
    </message>
    <message>
        <source>Its leader, broker %1, is not in the cluster: it can be neither written nor read.</source>
        <translation>리더인 브로커 %1 이 클러스터에 없습니다: 쓸 수도 읽을 수도 없습니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::PartitionSkewChart</name>
    <message>
        <source>records</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>Records per partition of %1</source>
        <translation>%1의 파티션별 레코드 수</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::PartitionsModel</name>
    <message>
        <source>Next offset to be written (= high watermark: one replica acknowledges at once)</source>
        <translation>다음에 쓸 오프셋 (= 하이 워터마크: 복제본이 하나라 바로 확인됨)</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Log start</source>
        <translation>로그 시작</translation>
    </message>
    <message>
        <source>Log end</source>
        <translation>로그 끝</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Last append</source>
        <translation>마지막 추가</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>리더</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Next offset to be read (high watermark: what every in-sync replica has)</source>
        <translation>다음에 읽을 오프셋 (하이 워터마크: 모든 동기화 복제본이 가진 위치)</translation>
    </message>
    <message>
        <source>In-sync replicas: brokers that have every acknowledged record</source>
        <translation>동기화 복제본(ISR): 확인된 레코드를 모두 가진 브로커</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>복제본</translation>
    </message>
    <message>
        <source>ISR</source>
        <translation>ISR</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::PartitionsView</name>
    <message>
        <source>Select a topic to see its partitions.</source>
        <translation>토픽을 선택하면 파티션을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — double-click a partition to browse its messages</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 파티션을 더블 클릭하면 메시지를 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Records per partition</source>
        <translation>파티션별 레코드</translation>
    </message>
    <message>
        <source>Select a partition to see its segment files.</source>
        <translation>파티션을 선택하면 세그먼트 파일이 보입니다.</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>세그먼트</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>데스크톱 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Text size of the whole window, of the desktop&apos;s size (Ctrl++ / Ctrl+- also zoom)</source>
        <translation>창 전체의 글자 크기(데스크톱 글자 크기 기준, Ctrl++ / Ctrl+- 로도 확대·축소)</translation>
    </message>
    <message>
        <source>Write debug log lines to the terminal</source>
        <translation>디버그 로그를 터미널에 출력</translation>
    </message>
    <message>
        <source>For bug reports: the topicscope.* debug categories (QT_LOGGING_RULES overrides this)</source>
        <translation>버그 보고용: topicscope.* 디버그 카테고리(QT_LOGGING_RULES가 이 설정보다 우선합니다)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>테마:</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>글자 크기:</translation>
    </message>
    <message>
        <source>Logging:</source>
        <translation>로그:</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ProducerPanel</name>
    <message>
        <source>name=value, name2=value2</source>
        <translation>이름=값, 이름2=값2</translation>
    </message>
    <message>
        <source>default (murmur2 / sticky)</source>
        <translation>기본 (murmur2 / sticky)</translation>
    </message>
    <message>
        <source>round-robin</source>
        <translation>round-robin</translation>
    </message>
    <message>
        <source>uniform sticky</source>
        <translation>uniform sticky</translation>
    </message>
    <message>
        <source>explicit partition</source>
        <translation>파티션 직접 지정</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>최대한 빠르게</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> 레코드/초</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>토픽:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>키:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>값:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>헤더:</translation>
    </message>
    <message>
        <source>key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Serializers:</source>
        <translation>시리얼라이저:</translation>
    </message>
    <message>
        <source>Partitioner:</source>
        <translation>파티셔너:</translation>
    </message>
    <message>
        <source>Goes to:</source>
        <translation>보낼 곳:</translation>
    </message>
    <message>
        <source>Send:</source>
        <translation>보내기:</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Sent %1 of %2</source>
        <translation>%2개 중 %1개 보냄</translation>
    </message>
    <message>
        <source>Sending… %1 of %2</source>
        <translation>보내는 중… %2개 중 %1개</translation>
    </message>
    <message>
        <source> · last: partition %1 offset %2 (%3)</source>
        <translation> · 마지막: 파티션 %1 오프셋 %2 (%3)</translation>
    </message>
    <message>
        <source> · %1 failed: %2</source>
        <translation> · %1개 실패: %2</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>null key</source>
        <translation>null 키</translation>
    </message>
    <message>
        <source>No key at all: the partitioner spreads the records. Unchecked with the field empty, the key is the empty string (0 bytes), which the default partitioner hashes like any key.</source>
        <translation>키가 전혀 없음: 파티셔너가 레코드를 여러 파티션에 나눕니다. 체크를 끄고 칸을 비우면 키는 빈 문자열(0바이트)이며, 기본 파티셔너는 다른 키처럼 해시합니다.</translation>
    </message>
    <message>
        <source>null value (tombstone)</source>
        <translation>null 값 (tombstone)</translation>
    </message>
    <message>
        <source>A record without a value: on a compacted topic it deletes the key.</source>
        <translation>값이 없는 레코드: 컴팩션 토픽에서는 그 키를 삭제합니다.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>보내기 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&lt;b&gt;partition %1 of %2&lt;/b&gt; — %3 %4</source>
        <translation>&lt;b&gt;파티션 %1 / %2&lt;/b&gt; — %3 %4</translation>
    </message>
    <message>
        <source>null key — type one, e.g. user-1 ({i} = sequence number)</source>
        <translation>null 키 — 키를 입력하세요, 예: user-1 ({i} = 일련번호)</translation>
    </message>
    <message>
        <source>empty string: a key of 0 bytes, not null</source>
        <translation>빈 문자열: null이 아닌 0바이트 키</translation>
    </message>
    <message>
        <source>null value (a tombstone)</source>
        <translation>null 값 (tombstone)</translation>
    </message>
    <message>
        <source>value, e.g. {&quot;id&quot;: {i}}; empty = the empty string</source>
        <translation>값, 예: {&quot;id&quot;: {i}}; 비우면 빈 문자열</translation>
    </message>
    <message numerus="yes">
        <source>record(s) at</source>
        <translation>
            <numerusform>개 레코드, 속도</numerusform>
        </translation>
    </message>
    <message>
        <source>null key:</source>
        <translation>null 키:</translation>
    </message>
    <message>
        <source>empty-string key (0 bytes, not null), hashed:</source>
        <translation>빈 문자열 키(null이 아닌 0바이트), 해시:</translation>
    </message>
    <message>
        <source>empty-string key (0 bytes, not null):</source>
        <translation>빈 문자열 키(null이 아닌 0바이트):</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ProtocolLaneModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Connection %1, correlation id %2: request %3, answer %4</source>
        <translation>연결 %1, 상관 ID %2: 요청 %3, 응답 %4</translation>
    </message>
    <message>
        <source>none (acks=0)</source>
        <translation>없음 (acks=0)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Key fields</source>
        <translation>주요 필드</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ProtocolLaneView</name>
    <message>
        <source>Errors only</source>
        <translation>오류만</translation>
    </message>
    <message>
        <source>Filter: client id, API, group…</source>
        <translation>필터: 클라이언트 ID, API, 그룹…</translation>
    </message>
    <message>
        <source>Only the answers that carried an error code</source>
        <translation>오류 코드가 담긴 응답만 표시</translation>
    </message>
    <message>
        <source>%1 of %2 exchanges</source>
        <translation>교환 %2개 중 %1개</translation>
    </message>
    <message>
        <source> · %1 older ones not kept</source>
        <translation> · 이전 교환 %1개는 보관하지 않음</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::RebalanceHistoryModel</name>
    <message>
        <source>polled</source>
        <translation>폴링</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>코디네이터</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>The cluster&apos;s group descriptions do not carry the generation (librdkafka&apos;s DescribeConsumerGroups); it is known when __consumer_offsets can be read.</source>
        <translation>클러스터의 그룹 설명에는 제너레이션이 없습니다 (librdkafka의 DescribeConsumerGroups). __consumer_offsets를 읽을 수 있으면 알 수 있습니다.</translation>
    </message>
    <message>
        <source>Group epoch (consumer protocol, KIP-848)</source>
        <translation>그룹 에포크 (컨슈머 프로토콜, KIP-848)</translation>
    </message>
    <message>
        <source>Generation (classic protocol)</source>
        <translation>제너레이션 (클래식 프로토콜)</translation>
    </message>
    <message>
        <source>%1 (client %2, host %3): %4</source>
        <translation>%1 (클라이언트 %2, 호스트 %3): %4</translation>
    </message>
    <message>
        <source>Leader: %1</source>
        <translation>리더: %1</translation>
    </message>
    <message>
        <source>polled: seen in the group&apos;s description between two polls; __consumer_offsets: read from the group&apos;s metadata records; coordinator: the embedded broker&apos;s own group coordinator</source>
        <translation>폴링: 두 번의 폴링 사이에 그룹 설명에서 본 것; __consumer_offsets: 그룹 메타데이터 레코드에서 읽은 것; 코디네이터: 내장 브로커의 그룹 코디네이터가 아는 것</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>제너레이션</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당 전략</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::RebalanceModel</name>
    <message>
        <source>No partition changed owner</source>
        <translation>소유자가 바뀐 파티션 없음</translation>
    </message>
    <message>
        <source>Changed owner: %1</source>
        <translation>소유자 변경: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Partitions whose owner differs from the previous generation&apos;s (assigned, revoked or moved)</source>
        <translation>이전 제너레이션과 소유자가 다른 파티션 (할당, 회수, 이동)</translation>
    </message>
    <message>
        <source>How long the partitions this rebalance handed out had been processed by nobody, summed over those partitions: eager revokes everything and waits for every member; cooperative-sticky only stops what moves</source>
        <translation>이 리밸런스가 넘겨준 파티션들이 아무도 처리하지 않은 채 있던 시간의 합계입니다. eager는 모든 파티션을 회수하고 모든 멤버를 기다리지만, cooperative-sticky는 이동하는 파티션만 멈춥니다</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>제너레이션</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>원인</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당 전략</translation>
    </message>
    <message>
        <source>Duration ms</source>
        <translation>소요 ms</translation>
    </message>
    <message>
        <source>Paused ms</source>
        <translation>중단 ms</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>할당</translation>
    </message>
    <message>
        <source>Group epoch %1 of Kafka 4&apos;s consumer protocol. A newer epoch began before every member had reached this one; the assignment shown is this epoch&apos;s target.</source>
        <translation>Kafka 4 컨슈머 프로토콜의 그룹 에포크 %1입니다. 모든 멤버가 이 에포크에 도달하기 전에 더 새로운 에포크가 시작되었습니다. 보이는 할당은 이 에포크의 목표 할당입니다.</translation>
    </message>
    <message>
        <source>Group epoch %1 of Kafka 4&apos;s consumer protocol: every member reached its assignment, each on its own heartbeats, without a group-wide barrier.</source>
        <translation>Kafka 4 컨슈머 프로토콜의 그룹 에포크 %1입니다. 그룹 전체의 장벽 없이, 각 멤버가 자기 하트비트에 맞춰 할당에 도달했습니다.</translation>
    </message>
    <message>
        <source>epoch %1, replaced</source>
        <translation>에포크 %1, 대체됨</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>%1 (broker)</source>
        <translation>%1 (브로커)</translation>
    </message>
    <message>
        <source>Virtual time since the start of the scenario when the group became Stable again (Kafka 4&apos;s consumer protocol: when every member reached the epoch, or a newer epoch replaced it)</source>
        <translation>시나리오 시작부터 그룹이 다시 Stable이 된 때까지의 가상 시간 (Kafka 4 컨슈머 프로토콜: 모든 멤버가 에포크에 도달했거나, 더 새로운 에포크가 그것을 대체한 때)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::RebalanceTimeline</name>
    <message>
        <source>Back to live</source>
        <translation>실시간으로 돌아가기</translation>
    </message>
    <message>
        <source>Show the world as it is now instead of at the selected generation</source>
        <translation>선택한 제너레이션이 아닌 현재 상태를 보여 줍니다</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>제너레이션</translation>
    </message>
    <message>
        <source>Duration ms</source>
        <translation>소요 ms</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Showing group %1 at generation %2 (%3, stable at %4)</source>
        <translation>그룹 %1의 제너레이션 %2 시점 (%3, %4에 Stable)</translation>
    </message>
    <message>
        <source>Live: no rebalance yet</source>
        <translation>실시간: 아직 리밸런스 없음</translation>
    </message>
    <message numerus="yes">
        <source>Live at %1: %n rebalance(s); select one to see the world at its generation</source>
        <translation>
            <numerusform>실시간 %1: 리밸런스 %n번. 하나를 선택하면 그 제너레이션 시점의 상태를 볼 수 있습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing group %1 at epoch %2 (%3, at %4)</source>
        <translation>그룹 %1의 에포크 %2 시점 (%3, %4)</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::RecordJourneyPanel</name>
    <message>
        <source>Record not found.</source>
        <translation>레코드를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>timestamp</source>
        <translation>타임스탬프</translation>
    </message>
    <message>
        <source>producer</source>
        <translation>프로듀서</translation>
    </message>
    <message>
        <source>&lt;i&gt;unknown&lt;/i&gt;</source>
        <translation>&lt;i&gt;알 수 없음&lt;/i&gt;</translation>
    </message>
    <message>
        <source> at </source>
        <translation> · </translation>
    </message>
    <message>
        <source>partitioner</source>
        <translation>파티셔너</translation>
    </message>
    <message>
        <source>key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Journey&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;여정&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;color:gray&quot;&gt;&lt;i&gt;Click a record to see its journey.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;color:gray&quot;&gt;&lt;i&gt;레코드를 클릭하면 여정을 볼 수 있습니다.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not consumed yet.</source>
        <translation>아직 소비되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::RecordingMenu</name>
    <message>
        <source>Topicscope live recordings (*.json);;All files (*)</source>
        <translation>Topicscope 실시간 기록 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;Save Live Recording…</source>
        <translation>실시간 기록 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Open R&amp;ecording…</source>
        <translation>기록 열기(&amp;E)…</translation>
    </message>
    <message>
        <source>Save what the live broker&apos;s clients did (timeline, rebalances, time travel, record journeys) to a file that replays without a broker</source>
        <translation>실시간 브로커의 클라이언트가 한 일(타임라인, 리밸런스, 시간 여행, 레코드 여정)을 브로커 없이 다시 볼 수 있는 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Replay a saved live session in the Flow tab</source>
        <translation>저장된 실시간 세션을 흐름 탭에서 다시 봅니다</translation>
    </message>
    <message>
        <source>Save Live Recording</source>
        <translation>실시간 기록 저장</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>기록 열기</translation>
    </message>
    <message>
        <source>Recording saved to %1</source>
        <translation>기록을 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>The recording was not saved: %1</source>
        <translation>기록을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Saving the recording to %1…</source>
        <translation>기록을 %1에 저장하는 중…</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ResetOffsetsDialog</name>
    <message>
        <source>Reset Offsets of %1</source>
        <translation>%1의 오프셋 재설정</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>처음 (earliest)</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>끝 (latest)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>타임스탬프</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>토픽:</translation>
    </message>
    <message>
        <source>Reset to:</source>
        <translation>재설정 위치:</translation>
    </message>
    <message>
        <source>Offset:</source>
        <translation>오프셋:</translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation>타임스탬프:</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 오프셋</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>재설정</translation>
    </message>
    <message>
        <source>The cluster refused: %1</source>
        <translation>클러스터가 거부했습니다: %1</translation>
    </message>
    <message>
        <source>first commit</source>
        <translation>첫 커밋</translation>
    </message>
    <message>
        <source>re-read %1</source>
        <translation>%1개 다시 읽음</translation>
    </message>
    <message>
        <source>skip %1</source>
        <translation>%1개 건너뜀</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>변화 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will be re-read,</source>
        <translation>
            <numerusform>레코드 %n개를 다시 읽고,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n개를 건너뜁니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::SegmentsModel</name>
    <message>
        <source>rolls at %1</source>
        <translation>%1에 도달해 롤링되기</translation>
    </message>
    <message>
        <source>rolls at %1 or with the first write after %2</source>
        <translation>%1에 도달하거나 %2 이후 첫 쓰기로 롤링되기</translation>
    </message>
    <message>
        <source>Active: neither deleted nor compacted before it %1</source>
        <translation>활성: %1 전에는 삭제도 컴팩션도 되지 않음</translation>
    </message>
    <message>
        <source>Active: never deleted before it %1</source>
        <translation>활성: %1 전에는 삭제되지 않음</translation>
    </message>
    <message>
        <source>Deleted at the next retention check (every 5 s)</source>
        <translation>다음 보존 검사 때 삭제 (5초마다)</translation>
    </message>
    <message>
        <source>Deleted by retention.ms at %1</source>
        <translation>retention.ms에 따라 %1에 삭제</translation>
    </message>
    <message>
        <source>or earlier by retention.bytes</source>
        <translation>retention.bytes로 더 일찍 삭제될 수 있음</translation>
    </message>
    <message>
        <source>Deleted, oldest first, while the partition is over retention.bytes</source>
        <translation>파티션이 retention.bytes를 넘는 동안 오래된 것부터 삭제</translation>
    </message>
    <message>
        <source>Kept forever (retention.ms = -1)</source>
        <translation>영구 보관 (retention.ms = -1)</translation>
    </message>
    <message>
        <source>Compacted by the cleaner: only the newest record of each key stays</source>
        <translation>클리너가 컴팩션: 키마다 최신 레코드만 남음</translation>
    </message>
    <message>
        <source>In memory there are no segment files: the whole log is kept in one place. Start with a data directory to see Kafka&apos;s log layout.</source>
        <translation>메모리 모드에는 세그먼트 파일이 없습니다: 로그 전체가 한곳에 보관됩니다. Kafka의 로그 구조를 보려면 데이터 디렉터리로 시작하세요.</translation>
    </message>
    <message>
        <source>Kafka&apos;s protocol has no request that lists a broker&apos;s segment files: segments are shown for the embedded broker only.</source>
        <translation>Kafka 프로토콜에는 브로커의 세그먼트 파일을 나열하는 요청이 없습니다: 세그먼트는 내장 브로커에서만 보입니다.</translation>
    </message>
    <message>
        <source>This partition no longer exists.</source>
        <translation>이 파티션은 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>retention %1</source>
        <translation>보존 %1</translation>
    </message>
    <message>
        <source>compacted</source>
        <translation>컴팩션</translation>
    </message>
    <message numerus="yes">
        <source>Partition %1: %n segment file(s), each up to %2 (segment.bytes) · %3</source>
        <translation>
            <numerusform>파티션 %1: 세그먼트 파일 %n개, 각각 최대 %2 (segment.bytes) · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>The largest record timestamp in the segment: retention.ms counts from it</source>
        <translation>세그먼트 안 레코드의 가장 큰 타임스탬프: retention.ms는 여기서부터 셉니다</translation>
    </message>
    <message>
        <source>Base offset</source>
        <translation>기준 오프셋</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Newest record</source>
        <translation>최신 레코드</translation>
    </message>
    <message>
        <source>What happens to it</source>
        <translation>처리 예정</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키 목록</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::TopicsModel</name>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Produce rate</source>
        <translation>프로듀스 속도</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>보존 기간</translation>
    </message>
    <message numerus="yes">
        <source>%n offline</source>
        <translation>
            <numerusform>오프라인 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under-replicated</source>
        <translation>
            <numerusform>복제 부족 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not answering</source>
        <translation>
            <numerusform>응답 없음 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Offline (no leader): %1</source>
        <translation>오프라인(리더 없음): %1</translation>
    </message>
    <message>
        <source>Under-replicated (a replica is out of the ISR): %1</source>
        <translation>복제 부족(ISR에서 빠진 레플리카 있음): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) answered an error: their offsets may be old</source>
        <translation>
            <numerusform>파티션 %n개가 오류로 응답함: 오프셋이 오래된 값일 수 있음</numerusform>
        </translation>
    </message>
    <message>
        <source>Every partition has a leader and all its replicas in sync</source>
        <translation>모든 파티션에 리더가 있고 모든 레플리카가 동기화됨</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>복제</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::TopicsView</name>
    <message>
        <source>Show internal topics</source>
        <translation>내부 토픽 표시</translation>
    </message>
    <message>
        <source>Also list the broker&apos;s own topics, such as __consumer_offsets where committed offsets and group generations are kept</source>
        <translation>커밋된 오프셋과 그룹 세대를 저장하는 __consumer_offsets 같은 브로커 자체 토픽도 표시합니다</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::WireClientsModel</name>
    <message>
        <source>(no client.id)</source>
        <translation>(client.id 없음)</translation>
    </message>
    <message>
        <source>produces</source>
        <translation>프로듀스</translation>
    </message>
    <message>
        <source>fetches</source>
        <translation>페치</translation>
    </message>
    <message>
        <source>member of %1</source>
        <translation>%1 그룹 멤버</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>관리</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/초</translation>
    </message>
    <message>
        <source>Connection %1 from %2, since %3: %4 requests, %5 in, %6 out</source>
        <translation>연결 %1 (%2), %3부터: 요청 %4개, 수신 %5, 송신 %6</translation>
    </message>
    <message>
        <source>Member %1 of group %2, generation %3</source>
        <translation>그룹 %2의 멤버 %1, 제너레이션 %3</translation>
    </message>
    <message>
        <source>%1 (key %2): version %3</source>
        <translation>%1 (키 %2): 버전 %3</translation>
    </message>
    <message>
        <source>Over the last few seconds; %1 requests since the client connected</source>
        <translation>최근 몇 초 동안의 값. 클라이언트가 연결된 뒤 요청 %1개</translation>
    </message>
    <message>
        <source>%1 answered %2 at %3</source>
        <translation>%1의 응답 %2 (%3)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>수신 바이트</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>송신 바이트</translation>
    </message>
    <message>
        <source>API versions</source>
        <translation>API 버전</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>마지막 오류</translation>
    </message>
</context>
<context>
    <name>topicscope::ui::WireClientsView</name>
    <message>
        <source>All Clients</source>
        <translation>모든 클라이언트</translation>
    </message>
    <message>
        <source>Show the exchanges of every client in the lane</source>
        <translation>레인에 모든 클라이언트의 교환을 표시</translation>
    </message>
    <message>
        <source>No Kafka listener: wire clients cannot connect.</source>
        <translation>Kafka 리스너가 없어 외부 클라이언트가 연결할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n client connection(s) on %1. Point Kafka clients at bootstrap.servers=%1; set client.id to tell them apart.</source>
        <translation>
            <numerusform>%1의 클라이언트 연결 %n개. Kafka 클라이언트에 bootstrap.servers=%1을(를) 지정하고, 서로 구분하려면 client.id를 설정하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Protocol lane: every client&apos;s requests and the broker&apos;s answers</source>
        <translation>프로토콜 레인: 모든 클라이언트의 요청과 브로커의 응답</translation>
    </message>
    <message>
        <source>Protocol lane of %1 (%2, connection %3)</source>
        <translation>%1의 프로토콜 레인 (%2, 연결 %3)</translation>
    </message>
</context>
<context>
    <name>tst_Translations</name>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>토픽 %n개</numerusform>
        </translation>
    </message>
</context>
</TS>
