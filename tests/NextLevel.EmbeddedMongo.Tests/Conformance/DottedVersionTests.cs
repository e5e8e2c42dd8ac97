using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

public class DottedVersionTests
{
    [Theory]
    [InlineData("4.0.10", "4.0.9", 1)]
    [InlineData("4.2", "4.2.0", 0)]
    [InlineData("3.6", "4.0.10", -1)]
    [InlineData("7.0.14", "7.0.2", 1)]
    [InlineData("8.0.0-rc1", "8.0", 0)]
    public void Components_compare_numerically(string left, string right, int expected)
        => Assert.Equal(expected, Math.Sign(DottedVersion.Parse(left).CompareTo(DottedVersion.Parse(right))));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.4", true)]
    [InlineData("1.21", true)]
    [InlineData("1.99", false)]
    [InlineData("2.0", false)]
    public void Schema_versions_1_x_up_to_the_supported_minor_are_read(string version, bool supported)
        => Assert.Equal(supported, SchemaVersionSupport.IsSupported(version));
}
