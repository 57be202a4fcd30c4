// kafkajs 2.2.4 scenarios against a running Topicscope broker (driven by tst_interop_kafkajs).
//
// Usage: node interop_kafkajs.js BOOTSTRAP SCENARIO   (kafkajs found through NODE_PATH)
// Prints RESULT lines the C++ test checks; exits non-zero when a scenario's own check fails.
'use strict';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const { Kafka, logLevel } = require('kafkajs');

const [bootstrap, scenario] = process.argv.slice(2);
const DEADLINE_MS = 40000;

function result(...fields) {
    console.log('RESULT ' + fields.join(' '));
}

function client(clientId) {
    return new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.WARN, retry: { retries: 5 } });
}

async function waitFor(predicate, what) {
    const deadline = Date.now() + DEADLINE_MS;
    while (!predicate()) {
        if (Date.now() > deadline)
            throw new Error('timed out waiting for ' + what);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

// Produces 60 records (keyed and keyless) with acks=-1, then two consumers of one group (kafkajs' default
// RoundRobinAssigner) read them: each record exactly once, both members with partitions.
async function produceConsume() {
    const kafka = client('topicscope-kafkajs');
    const topic = 'kjs-topic';
    const admin = kafka.admin();
    await admin.connect();
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    result('created', created, metadata.topics[0].partitions.length);

    const producer = kafka.producer();
    await producer.connect();
    const messages = [];
    for (let i = 0; i < 60; ++i)
        messages.push(i % 3 === 0 ? { value: 'v' + i } : { key: 'key-' + i, value: 'v' + i });
    const acks = await producer.send({ topic, acks: -1, messages });
    const acked = acks.reduce((n, r) => n + (r.errorCode === 0 ? 1 : 0), 0);
    result('produced', acks.length, acked);
    await producer.disconnect();

    const groupId = 'kjs-group';
    const seen = new Map();
    const duplicates = [];
    const assigned = { first: new Set(), second: new Set() };
    const consumers = {};
    for (const name of ['first', 'second']) {
        const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500,
            rebalanceTimeout: 10000, maxWaitTimeInMs: 200 });
        consumers[name] = consumer;
        consumer.on(consumer.events.GROUP_JOIN, (e) => {
            assigned[name] = new Set((e.payload.memberAssignment[topic] || []));
        });
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
    }
    const onMessage = (name) => async ({ partition, message }) => {
        const id = partition + ':' + message.offset;
        if (seen.has(id))
            duplicates.push(id);
        seen.set(id, name);
    };
    // Both start before any data is read, so the group settles with two members and each record is read once.
    await Promise.all(Object.entries(consumers).map(([name, c]) => c.run({ eachMessage: onMessage(name) })));
    await waitFor(() => seen.size >= 60 && assigned.first.size > 0 && assigned.second.size > 0
        && assigned.first.size + assigned.second.size === 4, 'all records and a two-member assignment');
    const list = (s) => [...s].sort((a, b) => a - b).join(',') || '-';
    result('assignment', 'first', list(assigned.first));
    result('assignment', 'second', list(assigned.second));
    result('consumed', seen.size, 'duplicates', duplicates.length,
        'by', [...seen.values()].filter((n) => n === 'first').length,
        [...seen.values()].filter((n) => n === 'second').length);

    const described = await admin.describeGroups([groupId]);
    const group = described.groups[0];
    result('group', group.groupId, group.state, group.protocol, group.members.length);
    for (const c of Object.values(consumers))
        await c.disconnect();
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0].partitions.reduce((n, p) => n + Number(p.offset), 0);
    result('committed', committed);
    await admin.disconnect();
}

const scenarios = { 'produce-consume': produceConsume };

scenarios[scenario]().then(() => {
    console.log('DONE');
    process.exit(0);
}, (error) => {
    console.log('FAILED ' + (error && error.stack ? error.stack : error));
    process.exit(1);
});
