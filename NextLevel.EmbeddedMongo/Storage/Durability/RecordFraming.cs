using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// On-disk framing shared by journal and checkpoint files. Every record is
/// <code>
///   offset 0  u32 LE  payload length
///   offset 4  u32 LE  CRC-32C of the payload
///   offset 8  payload (length bytes)
/// </code>
/// Journal payload: one BSON document <c>{ lsn, op, ns, ... }</c> (see <see cref="MutationRecords"/>).
/// Checkpoint file (<c>checkpoint-&lt;lsn&gt;.snapshot</c>): a header record <c>{ format, version, lsn, journalGeneration }</c>;
/// per collection a record <c>{ collection: { db, name, uuid, options, indexes, nextRecordId, count } }</c>
/// followed by <c>count</c> document records whose payload is <c>[record id: i64 LE][document BSON]</c>;
/// finally <c>{ end: true, collections, documents }</c>. A checkpoint without its end record is invalid.
/// A journal is read up to its first torn record (short header, short payload, bad length or bad CRC).
/// </summary>
internal static class RecordFraming
{
    public const int LengthOffset = 0;
    public const int CrcOffset = 4;
    public const int HeaderSize = 8;
    public const int RecordIdSize = 8;

    /// <summary>Larger than any legal record (16 MB document plus its envelope); a larger length means garbage.</summary>
    public const int MaxPayloadLength = 48 * 1024 * 1024;

    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> payload) =>
        WriteHeader(header, payload.Length, Crc32C.Compute(payload));

    public static void WriteHeader(Span<byte> header, int payloadLength, uint crc)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header[LengthOffset..], (uint)payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CrcOffset..], crc);
    }

    public static (int Length, uint Crc) ReadHeader(ReadOnlySpan<byte> header) =>
        ((int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header[LengthOffset..]), int.MaxValue),
         BinaryPrimitives.ReadUInt32LittleEndian(header[CrcOffset..]));
}

/// <summary>CRC-32C (Castagnoli) using the processor's CRC instructions where available.</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>Continues a running (not yet inverted) CRC; start with uint.MaxValue and invert at the end.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words) crc = BitOperations.Crc32C(crc, word);
        foreach (var b in data[(words.Length * sizeof(ulong))..]) crc = BitOperations.Crc32C(crc, b);
        return crc;
    }
}
