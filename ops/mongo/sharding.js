// Sharding plan for a real MongoDB cluster (mongosh, against a mongos):
//   mongosh "mongodb+srv://<user>@<cluster>/admin" ops/mongo/sharding.js
//
// Why not the seed's keys: the seed shards leads on { receivedAt: 1 } and calls on { initiatedAt: 1 }. Both
// grow monotonically, so every insert lands in the chunk holding the maximum value: one shard takes all writes
// (a hot shard) while the balancer keeps moving chunks behind it. And a cluster enforces a unique index only when
// the shard key is its prefix, so the seed's unique { source, externalId } and { callSid } would stop being
// enforced (47 CFR-grade records must not silently duplicate).
//
// The keys below follow how the system writes and reads, and keep every unique index enforceable:
//  - leads: { source: 1, externalId: 1 }, the unique intake key. Google Ads lead ids, Zillow and Real Geeks ids
//    are opaque, non-sequential tokens (staff-entered leads get a random id), so inserts spread over chunks;
//    the webhook's duplicate check targets exactly one shard. Reads by _id are broadcast but indexed and rare
//    compared with intake.
//  - calls: { callSid: 1 }. Twilio call SIDs are random, so writes spread; the provider callbacks look a call
//    up by callSid and hit one shard; the unique index stays enforced. The lead timeline (leadId) is a
//    scatter-gather over the leadId_1_initiatedAt_-1 index on each shard.
//  - consent_logs: { leadId: "hashed" }. Append-only, no unique index, read per lead: one shard per lead.
//  - analytics_events: { campaignId: "hashed", occurredAt: 1 }. The highest write rate; the hashed prefix avoids
//    a hot shard and range reads per campaign stay targeted.
//  - call_transcripts stays unsharded: archival moves transcripts older than the retention period out every
//    day, so it stays bounded, and its unique callId (a monotonic ObjectId) would make a poor shard key.
//  - campaigns, contacts, properties, dnc_registry, agent_state, knowledge_base and system_config stay
//    unsharded: they are small or keyed by unique fields that are looked up one at a time.

const nlre = db.getSiblingDB("next_level_real_estate");
sh.enableSharding("next_level_real_estate");

function shard(collection, key) {
  // The shard key needs a supporting index; createIndex is a no-op when the catalogue already made it.
  nlre.getCollection(collection).createIndex(key);
  printjson(sh.shardCollection(`next_level_real_estate.${collection}`, key));
}

shard("leads", { source: 1, externalId: 1 });
shard("calls", { callSid: 1 });
shard("consent_logs", { leadId: "hashed" });
shard("analytics_events", { campaignId: "hashed", occurredAt: 1 });

sh.status();
