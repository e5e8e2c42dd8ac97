using System.Security.Cryptography;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using NextLevel.Domain.Compliance.Ledger;

namespace NextLevel.Domain.Tests.Compliance.Ledger;

public sealed class LedgerCanonicalFormTests
{
    [Fact]
    public void The_hash_is_sha256_of_the_raw_bson_with_fields_sorted_recursively_and_without_the_hash_field()
    {
        var entry = new BsonDocument
        {
            { "phone", "+12065550100" },
            { "hash", "ignored" },
            { "consentDetails", new BsonDocument { { "source", "web" }, { "automatedCallsAllowed", true } } },
            { "channels", new BsonArray { "sms", "automated_call" } },
            { "_id", new ObjectId("65000000a1b2c3d4e5f60718") },
        };

        // The expected bytes written by hand, field by field in sorted order (arrays keep their order).
        using var stream = new MemoryStream();
        using (var writer = new BsonBinaryWriter(stream))
        {
            writer.WriteStartDocument();
            writer.WriteObjectId("_id", new ObjectId("65000000a1b2c3d4e5f60718"));
            writer.WriteStartArray("channels");
            writer.WriteString("sms");
            writer.WriteString("automated_call");
            writer.WriteEndArray();
            writer.WriteStartDocument("consentDetails");
            writer.WriteBoolean("automatedCallsAllowed", true);
            writer.WriteString("source", "web");
            writer.WriteEndDocument();
            writer.WriteString("phone", "+12065550100");
            writer.WriteEndDocument();
        }

        Assert.Equal(stream.ToArray(), LedgerCanonicalForm.Bytes(entry));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stream.ToArray())), LedgerCanonicalForm.Hash(entry));
    }

    [Fact]
    public void Field_order_does_not_matter_but_types_and_array_order_do()
    {
        var a = new BsonDocument { { "x", 1 }, { "y", new BsonDocument { { "b", 2 }, { "a", 1 } } } };
        var reordered = new BsonDocument { { "y", new BsonDocument { { "a", 1 }, { "b", 2 } } }, { "x", 1 } };
        var widened = new BsonDocument { { "x", 1L }, { "y", new BsonDocument { { "b", 2 }, { "a", 1 } } } };
        var arrays = (new BsonDocument("c", new BsonArray { 1, 2 }), new BsonDocument("c", new BsonArray { 2, 1 }));

        Assert.Equal(LedgerCanonicalForm.Hash(a), LedgerCanonicalForm.Hash(reordered));
        Assert.NotEqual(LedgerCanonicalForm.Hash(a), LedgerCanonicalForm.Hash(widened));
        Assert.NotEqual(LedgerCanonicalForm.Hash(arrays.Item1), LedgerCanonicalForm.Hash(arrays.Item2));
    }

    [Theory]
    [InlineData("+12065550100", "********0100")]
    [InlineData("email:owner@example.com", "email:***@example.com")]
    [InlineData("lead:65000000a1b2c3d4e5f60718", "lead:65000000a1b2c3d4e5f60718")]
    [InlineData("", "")]
    public void Chain_keys_are_masked_for_printing(string chainKey, string masked) =>
        Assert.Equal(masked, ConsentChainKey.Mask(chainKey));
}
