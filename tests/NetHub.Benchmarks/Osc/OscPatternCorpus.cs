namespace NetHub.Benchmarks.Osc;

/// <summary>
/// The pattern-matching corpus of performance.md item 6: show-control patterns mixing '?', '*', "[a-z]", "[!0-9]"
/// and "{a,b}" against addresses that hit and miss (29 of the 1,000 pairs match). bench/liblo/pattern_bench.c holds
/// the same lists for the liblo anchor; bench/osc-patterns.sh checks that both sides count the same matches.
/// </summary>
internal static class OscPatternCorpus
{
    /// <summary>Pairs of <see cref="Patterns"/> × <see cref="Addresses"/> that match, on both sides.</summary>
    public const int ExpectedMatches = 29;

    public static readonly string[] Patterns =
    [
        "/mixer/ch/*/fader",
        "/mixer/ch/?/mute",
        "/mixer/ch/1[0-9]/fader",
        "/mixer/{ch,bus}/*/mute",
        "/mixer/bus/[1-8]/send/*",
        "/mixer/*/[0-9]*/eq/{low,mid,high}",
        "/light/*/intensity",
        "/light/par[0-9]*/color/{r,g,b}",
        "/light/[a-z]*/pan",
        "/light/[!0-9]*/tilt",
        "/cue/{go,stop,pause}",
        "/cue/list/*/go",
        "/video/layer?/clip?/connect",
        "/video/layer[1-4]/opacity",
        "/fx/{reverb,delay,chorus}/*",
        "/transport/{play,stop,record}",
        "/scene/[a-z]*/recall",
        "/dmx/universe/?/channel/*",
        "/timecode/[!0-9]*",
        "/*/ch/*/fader",
    ];

    public static readonly string[] Addresses =
    [
        "/mixer/ch/1/fader",
        "/mixer/ch/12/fader",
        "/mixer/ch/3/mute",
        "/mixer/ch/13/mute",
        "/mixer/bus/2/mute",
        "/mixer/bus/3/send/1",
        "/mixer/bus/9/send/2",
        "/mixer/ch/7/eq/low",
        "/mixer/bus/12/eq/high",
        "/mixer/ch/x/eq/mid",
        "/mixer/ch/15/pan",
        "/mixer/main/fader",
        "/light/front/intensity",
        "/light/par12/color/r",
        "/light/par3/color/w",
        "/light/parx/color/g",
        "/light/spot/pan",
        "/light/Spot/pan",
        "/light/front/tilt",
        "/light/7/tilt",
        "/light/wash/zoom",
        "/cue/go",
        "/cue/stop",
        "/cue/goto",
        "/cue/list/main/go",
        "/cue/list/main/stop",
        "/video/layer1/clip3/connect",
        "/video/layer12/clip3/connect",
        "/video/layer2/opacity",
        "/video/layer5/opacity",
        "/fx/reverb/mix",
        "/fx/delay/time",
        "/fx/flanger/rate",
        "/transport/play",
        "/transport/rewind",
        "/scene/intro/recall",
        "/scene/Intro/recall",
        "/scene/intro/store",
        "/dmx/universe/1/channel/512",
        "/dmx/universe/12/channel/1",
        "/timecode/frames",
        "/timecode/25fps",
        "/desk/ch/4/fader",
        "/osc/ch/4/fader",
        "/status",
        "/ping",
        "/mixer",
        "/mixer/ch/1/fader/touch",
        "/a/b/c/d/e/f",
        "/show/control/node/7/heartbeat",
    ];

    /// <summary>OSC 1.1 '//' patterns, which liblo does not implement: NetHub-only figures.</summary>
    public static readonly string[] PathPatterns =
    [
        "//fader",
        "//mute",
        "/mixer//fader",
        "//ch/*/fader",
        "/light//{pan,tilt}",
        "//eq/{low,mid,high}",
        "//[0-9]*/heartbeat",
        "/cue//go",
    ];
}
