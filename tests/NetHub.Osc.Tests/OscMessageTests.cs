namespace NetHub.Osc.Tests;

public sealed class OscMessageTests
{
    [Fact]
    public void TypeTags_IncludeArrayBrackets()
    {
        var message = new OscMessage("/a", 1, OscArgument.Array(2f, 3f), "s");

        Assert.Equal("i[ff]s", message.TypeTags);
    }

    [Fact]
    public void ToString_IsOscdumpLine()
    {
        Assert.Equal("/a/b ifs 1 2.500000 \"hi\"", new OscMessage("/a/b", 1, 2.5f, "hi").ToString());
        Assert.Equal("/a/b ", new OscMessage("/a/b").ToString());
        Assert.Equal("/a i[f] 1 [ 2.000000 ]", new OscMessage("/a", 1, OscArgument.Array(2f)).ToString());
    }

    [Fact]
    public void Constructor_CopiesArguments()
    {
        OscArgument[] arguments = [1, 2];
        var message = new OscMessage("/a", arguments);

        arguments[0] = 99;

        Assert.Equal(1, message.Arguments[0].AsInt32());
        Assert.Equal(2, message.Arguments.Count);
    }

    [Fact]
    public void Constructor_ReadOnlyList_IsAccepted()
    {
        var message = new OscMessage("/a", new List<OscArgument> { 1, "x" });

        Assert.Equal("is", message.TypeTags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("/a b")]
    [InlineData("/a\tb")]
    [InlineData("/a\u007f")]
    [InlineData("/a\0")]
    public void Constructor_InvalidAddress_Throws(string address)
    {
        Assert.Throws<ArgumentException>(() => new OscMessage(address));
    }

    [Fact]
    public void Equals_SameAddressAndArguments_AreEqual()
    {
        var a = new OscMessage("/a", 1, "x", OscArgument.Blob(new byte[] { 1 }));
        var b = new OscMessage("/a", 1, "x", OscArgument.Blob(new byte[] { 1 }));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new OscMessage("/b", 1, "x", OscArgument.Blob(new byte[] { 1 })));
        Assert.NotEqual(a, new OscMessage("/a", 1, "x"));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Address_NonAsciiText_IsEncodedAsUtf8()
    {
        var message = new OscMessage("/café");

        byte[] bytes = OscCodec.Encode(message);

        Assert.Equal("2f636166c3a90000" + "2c000000", OscBytes.ToHex(bytes));
        Assert.Equal(message, OscCodec.Decode(bytes));
    }

    [Fact]
    public void Encode_BlobOwnerChangedContent_SendsTheNewContent()
    {
        // The message keeps its encoding from construction; blobs, including one inside an array, refer to memory
        // their owner may change, and every send must carry what that memory holds then.
        byte[] top = [1, 2, 3];
        byte[] nested = [4, 5, 6, 7, 8];
        var message = new OscMessage("/b", OscArgument.Blob(top), "s", OscArgument.Array(OscArgument.Blob(nested.AsMemory(1, 3)), 9));

        Assert.Equal(
            OscBytes.Hex("'/b'0000 ',bs[bi]'00 00000003 01020300 's'000000 00000003 05060700 00000009"),
            OscCodec.Encode(message));

        top[2] = 0x33;
        nested[3] = 0x77;

        Assert.Equal(
            OscBytes.Hex("'/b'0000 ',bs[bi]'00 00000003 01023300 's'000000 00000003 05067700 00000009"),
            OscCodec.Encode(message));
    }
}
