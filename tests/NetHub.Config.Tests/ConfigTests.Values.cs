namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    [Fact]
    public void GetValue_ReturnsPlainData()
    {
        Config c = Config.Parse("""
            a = [1, 2.5, -3e2, "x", true, null, on, [1]]
            o { z = 1, y = "two" }
            """).Resolve();

        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(c.GetValue("a"));
        Assert.Equal(1L, list[0]);
        Assert.Equal(2.5, list[1]);
        Assert.Equal(-300.0, list[2]);
        Assert.Equal("x", list[3]);
        Assert.Equal(true, list[4]);
        Assert.Null(list[5]);
        Assert.Equal("on", list[6]);
        Assert.Equal(new object?[] { 1L }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(list[7]));

        var obj = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(c.GetValue("o"));
        Assert.Equal(["z", "y"], obj.Keys);
        Assert.True(c.IsList("a"));
        Assert.True(c.IsObject("o"));
        Assert.False(c.IsList("o"));
        Assert.Throws<ConfigValueException>(() => c.GetValue("missing"));
    }
}
