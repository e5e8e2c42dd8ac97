using CsCheck;
using MongoDB.Bson;
using NextLevel.Domain.Compliance.Ledger;
using static NextLevel.Domain.Tests.Compliance.Ledger.LedgerSamples;

namespace NextLevel.Domain.Tests.Compliance.Ledger;

/// <summary>
/// Random ledgers (1–24 entries over up to four phones, anchored as they are), one random tampering each: the
/// verification always fails and names the entry the tampering makes the first that no longer matches.
/// </summary>
public sealed class LedgerTamperPropertyTests
{
    private const long Iterations = 1000;

    private static LedgerVerification Verify(List<BsonDocument> ledger, LedgerAnchor anchor) => LedgerAudit.Verify(ledger, [anchor]);

    [Fact]
    public void An_untouched_ledger_verifies_with_every_entry_and_chain_counted()
    {
        Ledgers.Sample(ledger =>
        {
            var result = Verify(ledger, AnchorOf(ledger));
            Assert.True(result.Valid, result.FirstMismatch?.ToString());
            Assert.Equal(ledger.Count, result.EntriesChecked);
            Assert.Equal(ledger.Select(d => d["chainKey"].AsString).Distinct().Count(), result.ChainsChecked);
            Assert.Equal(1, result.AnchorsChecked);
        }, iter: Iterations);
    }

    [Fact]
    public void Changing_adding_or_removing_any_stored_field_is_reported_at_that_entry()
    {
        var cases = from ledger in Ledgers
                    from index in Gen.Int[0, 1000]
                    from pathPick in Gen.Int[0, 1000]
                    from value in Value
                    from newField in Gen.Frequency((6, Gen.Const(false)), (1, Gen.Const(true)))
                    select (ledger, index, pathPick, value, newField);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var target = tampered[c.index % tampered.Count];
            var before = target.ToBson();
            if (c.newField) target["addedLater"] = c.value ?? BsonNull.Value;
            else
            {
                var paths = Paths(target);
                Set(target, paths[c.pathPick % paths.Count], c.value);
            }
            if (target.ToBson().AsSpan().SequenceEqual(before)) return; // the same value written back: nothing changed

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal(target.TryGetValue("_id", out var id) ? id.ToString() : null, result.FirstMismatch!.EntryId);
            Assert.Contains(result.FirstMismatch.Reason, new[] { LedgerMismatchReasons.HashMismatch, LedgerMismatchReasons.NotSealed });
        }, iter: Iterations);
    }

    [Fact]
    public void Deleting_an_entry_is_reported_at_the_next_entry_of_its_chain_or_by_the_anchor_at_a_tail()
    {
        var cases = from ledger in Ledgers from index in Gen.Int[0, 1000] select (ledger, index);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var deleted = tampered[c.index % tampered.Count];
            tampered.Remove(deleted);
            var chainKey = deleted["chainKey"].AsString;
            var sequence = deleted["sequence"].ToInt64();
            var next = Chain(tampered, chainKey).FirstOrDefault(d => d["sequence"].ToInt64() == sequence + 1);

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal(chainKey, result.FirstMismatch!.ChainKey);
            if (next is not null)
            {
                Assert.Equal((next["_id"].ToString(), sequence + 1, LedgerMismatchReasons.SequenceGap), (result.FirstMismatch.EntryId, result.FirstMismatch.Sequence, result.FirstMismatch.Reason));
            }
            else
            {
                Assert.Equal((null, sequence, LedgerMismatchReasons.AnchoredEntryMissing, anchor.Id), (result.FirstMismatch.EntryId, result.FirstMismatch.Sequence, result.FirstMismatch.Reason, result.FirstMismatch.AnchorId));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Swapping_the_sequence_of_two_entries_is_reported_at_the_one_now_first()
    {
        var cases = from ledger in Ledgers from chainPick in Gen.Int[0, 100] from i in Gen.Int[0, 100] from j in Gen.Int[0, 100] select (ledger, chainPick, i, j);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var chains = tampered.Select(d => d["chainKey"].AsString).Distinct().Where(k => Chain(tampered, k).Count >= 2).ToList();
            if (chains.Count == 0) return;
            var chain = Chain(tampered, chains[c.chainPick % chains.Count]);
            var (low, high) = (c.i % chain.Count, c.j % chain.Count);
            if (low == high) high = (low + 1) % chain.Count;
            if (low > high) (low, high) = (high, low);
            chain[low]["sequence"] = high;
            chain[high]["sequence"] = low;

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal((chain[high]["_id"].ToString(), (long?)low, LedgerMismatchReasons.HashMismatch), (result.FirstMismatch!.EntryId, result.FirstMismatch.Sequence, result.FirstMismatch.Reason));
        }, iter: Iterations);
    }

    [Fact]
    public void A_forged_entry_that_is_not_correctly_hashed_is_reported_wherever_it_is_put()
    {
        var cases = from ledger in Ledgers from spec in Entry from position in Gen.Int[0, 100] from hash in Gen.Frequency((3, Gen.String[Gen.Char['0', '9'], 64, 64]), (1, Gen.Const("")))
                    select (ledger, spec, position, hash);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var forged = ToEntry(c.spec, Id(9000)).ToBsonDocument();
            var chain = Chain(tampered, forged["phone"].AsString);
            forged["chainKey"] = forged["phone"];
            forged["sequence"] = new BsonInt64(c.position % (chain.Count + 1));
            forged["previousHash"] = chain.Count == 0 ? LedgerCanonicalForm.GenesisHash : chain[^1]["hash"];
            if (c.hash.Length > 0) forged["hash"] = c.hash;
            tampered.Add(forged);

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal(Id(9000).ToString(), result.FirstMismatch!.EntryId);
            Assert.Equal(c.hash.Length > 0 ? LedgerMismatchReasons.HashMismatch : LedgerMismatchReasons.NotSealed, result.FirstMismatch.Reason);
        }, iter: Iterations);
    }

    [Fact]
    public void A_correctly_hashed_forged_entry_claiming_a_taken_place_is_reported_as_the_duplicate()
    {
        var cases = from ledger in Ledgers from spec in Entry from position in Gen.Int[0, 100] from idPick in Gen.Int[0, 9999] select (ledger, spec, position, idPick);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var phone = Phone(c.spec.Phone);
            var chain = Chain(tampered, phone);
            if (chain.Count == 0) return;
            var k = c.position % chain.Count;
            // A forger who knows the scheme: linked to the entry before, hashed correctly, any id (older ids too).
            var forged = ToEntry(c.spec, Id(-100 + c.idPick)).ToBsonDocument();
            var linked = ConsentChainLink.Link(forged, phone, k == 0 ? null : new ConsentChainHead(phone, k - 1, chain[k - 1]["hash"].AsString), sealedAtMigration: false);
            tampered.Add(linked);

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal((linked["_id"].ToString(), (long?)k, LedgerMismatchReasons.SequenceDuplicate), (result.FirstMismatch!.EntryId, result.FirstMismatch.Sequence, result.FirstMismatch.Reason));
        }, iter: Iterations);
    }

    [Fact]
    public void A_correctly_hashed_forged_entry_inserted_by_renumbering_the_rest_is_reported_at_the_first_renumbered_entry()
    {
        var cases = from ledger in Ledgers from spec in Entry from position in Gen.Int[0, 100] select (ledger, spec, position);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var phone = Phone(c.spec.Phone);
            var chain = Chain(tampered, phone);
            if (chain.Count == 0) return;
            var k = c.position % chain.Count;
            foreach (var later in chain.Skip(k)) later["sequence"] = later["sequence"].ToInt64() + 1;
            var forged = ConsentChainLink.Link(ToEntry(c.spec, Id(9001)).ToBsonDocument(), phone,
                k == 0 ? null : new ConsentChainHead(phone, k - 1, chain[k - 1]["hash"].AsString), sealedAtMigration: false);
            tampered.Add(forged);

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal((chain[k]["_id"].ToString(), (long?)(k + 1), LedgerMismatchReasons.HashMismatch), (result.FirstMismatch!.EntryId, result.FirstMismatch.Sequence, result.FirstMismatch.Reason));
        }, iter: Iterations);
    }

    [Fact]
    public void Rewriting_a_chain_from_an_entry_on_with_correct_hashes_is_caught_by_the_anchor()
    {
        var cases = from ledger in Ledgers from phone in Gen.Int[0, 3] from position in Gen.Int[0, 100] from text in Gen.String[Gen.Char.AlphaNumeric, 1, 20]
                    select (ledger, phone, position, text);
        cases.Sample(c =>
        {
            var anchor = AnchorOf(c.ledger);
            var tampered = Clone(c.ledger);
            var key = Phone(c.phone);
            var chain = Chain(tampered, key);
            if (chain.Count == 0) return;
            var k = c.position % chain.Count;
            chain[k]["recordedBy"] = "rewritten " + c.text;
            ConsentChainHead? tail = k == 0 ? null : new ConsentChainHead(key, k - 1, chain[k - 1]["hash"].AsString);
            for (var i = k; i < chain.Count; i++)
            {
                var relinked = ConsentChainLink.Link(chain[i], key, tail, sealedAtMigration: false);
                tampered[tampered.IndexOf(chain[i])] = relinked;
                tail = new ConsentChainHead(key, i, relinked["hash"].AsString);
            }

            var result = Verify(tampered, anchor);

            Assert.False(result.Valid);
            Assert.Equal((chain[^1]["_id"].ToString(), (long?)(chain.Count - 1), LedgerMismatchReasons.AnchorMismatch), (result.FirstMismatch!.EntryId, result.FirstMismatch.Sequence, result.FirstMismatch.Reason));
        }, iter: Iterations);
    }

    [Fact]
    public void Limit_a_correctly_hashed_entry_appended_after_the_last_anchor_is_indistinguishable_from_a_real_one()
    {
        var ledger = Build([new EntrySpec(0, NextLevel.Domain.Compliance.ConsentEventType.ConsentGranted, 10, "yes", false, true, null)]);
        var anchor = AnchorOf(ledger);
        var forged = ConsentChainLink.Link(ToEntry(new EntrySpec(0, NextLevel.Domain.Compliance.ConsentEventType.ConsentGranted, 20, "forged", false, true, null), Id(77)).ToBsonDocument(),
            Phone(0), new ConsentChainHead(Phone(0), 0, ledger[0]["hash"].AsString), sealedAtMigration: false);

        Assert.True(Verify([.. ledger, forged], anchor).Valid);
    }
}
