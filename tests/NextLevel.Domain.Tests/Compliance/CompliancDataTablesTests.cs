using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Data;

namespace NextLevel.Domain.Tests.Compliance;

public sealed class ComplianceDataTablesTests
{
    [Fact]
    public void Every_zone_in_the_tables_is_a_known_iana_zone()
    {
        Assert.True(AreaCodes.Count > 300);
        foreach (var code in Enumerable.Range(200, 800).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            if (AreaCodes.Find(code) is not { } info) continue;
            Assert.All(info.Zones, z => Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(z, out _), $"{code}: {z}"));
            Assert.NotEmpty(States.ZonesOf(info.State, null));
        }
    }

    [Theory]
    [InlineData("+12125550100", "NY", "America/New_York")]
    [InlineData("+13105550100", "CA", "America/Los_Angeles")]
    [InlineData("+19155550100", "TX", "America/Denver")]
    [InlineData("+16025550100", "AZ", "America/Phoenix")]
    [InlineData("+18085550100", "HI", "Pacific/Honolulu")]
    public void Area_codes_map_to_their_state_and_zone(string phone, string state, string zone)
    {
        var info = AreaCodes.Find(AreaCodes.AreaCodeOf(phone)!)!;
        Assert.Equal(state, info.State);
        Assert.Contains(zone, info.Zones);
    }

    [Theory]
    [InlineData("FL", "32501", "America/Chicago")]
    [InlineData("FL", "33101", "America/New_York")]
    [InlineData("TX", "79901", "America/Denver")]
    [InlineData("TX", "75201", "America/Chicago")]
    public void Zip_prefixes_settle_split_states(string state, string zip, string zone) => Assert.Equal([zone], States.ZonesOf(state, zip));

    [Fact]
    public void Split_state_without_zip_keeps_every_zone() => Assert.Equal(["America/New_York", "America/Chicago"], States.ZonesOf("FL", null));

    [Fact]
    public void Toll_free_and_foreign_numbers_have_no_zone()
    {
        Assert.Null(AreaCodes.Find("800"));
        Assert.Null(AreaCodes.AreaCodeOf("+442071838750"));
        Assert.Empty(CalleeLocation.Resolve("+18005550100").Zones);
    }

    [Theory]
    [InlineData("+15551234567", "+15551234567")]
    [InlineData("2015550123", "+12015550123")]
    [InlineData("(201) 555-0123", "+12015550123")]
    [InlineData("1-201-555-0123", "+12015550123")]
    [InlineData("201,5550123", "+12015550123")]
    [InlineData("+442071838750", "+442071838750")]
    public void Phone_spellings_normalise_to_e164(string text, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalise(text, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("phone")]
    [InlineData("12345")]
    [InlineData("1015550123")]
    [InlineData("{\"$gt\": \"\"}")]
    [InlineData("201555012345678901234")]
    public void Non_numbers_are_rejected(string text) => Assert.False(PhoneNumbers.TryNormalise(text, out _));
}
