// Sharding plan for a real MongoDB cluster (mongosh). Run against a mongos:
//   mongosh "mongodb+srv://<user>@<cluster>/admin" ops/mongo/sharding.js
//
// Why not the seed's keys: the seed shards leads on { receivedAt: 1 } and calls on { initiatedAt: 1 }.
// Both grow monotonically, so every insert lands in the chunk holding the maximum value: one shard takes all
// writes (a "hot shard") while the balancer keeps moving chunks behind it. Reads by lead also scatter to all
// shards, because no query our services run filters on the time field alone.
//
// The keys below follow how the system reads and writes:
//  - leads are written at intake and then read and updated by _id (worker, webhooks, dashboard). A hashed _id
//    spreads inserts evenly and routes every by-id read or update to one shard.
//  - calls and call_transcripts are read per lead (the lead timeline, leadId_1_initiatedAt_-1). Sharding on
//    { leadId: "hashed" } spreads writes and keeps one lead's calls together, so the timeline query goes to a
//    single shard. callSid stays unique through its own unique index only within the shard key's scope, so the
//    webhook lookup by callSid uses the non-unique index and the Api enforces uniqueness on insert.
//  - consent_logs is append-only and read per lead or per phone; { leadId: "hashed" } keeps a lead's ledger on
//    one shard (its hash chain is verified there).
//  - analytics_events are written at a high rate and read by time range for rollups: a compound key with a
//    hashed prefix { campaignId: "hashed", occurredAt: 1 } avoids the hot shard while range reads per campaign
//    stay targeted.
//  - campaigns, contacts, properties, dnc_registry, agent_state, knowledge_base and system_config stay
//    unsharded: they are small or read by unique keys that would not be shard keys.

const db = db.getSiblingDB("next_level_real_estate");
sh.enableSharding("next_level_real_estate");

function shard(collection, key) {
  // A hashed shard key needs a matching index; create it first (no-op when it exists).
  db.getCollection(collection).createIndex(key);
  printjson(sh.shardCollection(`next_level_real_estate.${collection}`, key));
}

shard("leads", { _id: "hashed" });
shard("calls", { leadId: "hashed" });
shard("call_transcripts", { leadId: "hashed" });
shard("consent_logs", { leadId: "hashed" });
shard("analytics_events", { campaignId: "hashed", occurredAt: 1 });

// Zone-free: the data is US-only. If it ever needs data residency, add zones on a region prefix.
sh.status();
