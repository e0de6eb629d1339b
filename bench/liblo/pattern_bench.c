/*
 * liblo anchor for performance.md item 6: ns per lo_pattern_match(address, pattern) call over a fixed
 * corpus of show-control patterns mixing '?', '*', "[a-z]", "[!0-9]" and "{a,b}", against addresses that
 * hit and miss. The corpus is the one in tests/NetHub.Benchmarks/Osc/OscPatternCorpus.cs; keep both in
 * step (bench/osc-patterns.sh compares the match counts the two sides report).
 *
 * Build: gcc -O2 -o pattern_bench pattern_bench.c -llo
 * Run:   ./pattern_bench            prints "matches=<n> calls=<n> ns_per_match=<median> reps=<n>"
 *        ./pattern_bench --list     prints "<pattern> <address> <0|1>" per pair, to compare semantics
 */
#define _POSIX_C_SOURCE 199309L
#include <lo/lo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *patterns[] = {
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
};

static const char *addresses[] = {
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
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    const size_t np = COUNT(patterns), na = COUNT(addresses);
    if (argc > 1 && strcmp(argv[1], "--list") == 0) {
        for (size_t p = 0; p < np; p++)
            for (size_t a = 0; a < na; a++)
                printf("%s %s %d\n", patterns[p], addresses[a], lo_pattern_match(addresses[a], patterns[p]) ? 1 : 0);
        return 0;
    }

    /* One pass is 1,000 calls; a repetition is enough passes to take ~0.2 s, so timer noise is negligible. */
    const int reps = 9, passes = 4000;
    double samples[9];
    volatile long sink = 0;
    long matches = 0;
    for (size_t p = 0; p < np; p++)
        for (size_t a = 0; a < na; a++)
            matches += lo_pattern_match(addresses[a], patterns[p]) ? 1 : 0;

    for (int r = 0; r < reps; r++) {
        long hits = 0;
        double start = now_ns();
        for (int i = 0; i < passes; i++)
            for (size_t p = 0; p < np; p++)
                for (size_t a = 0; a < na; a++)
                    hits += lo_pattern_match(addresses[a], patterns[p]);
        samples[r] = (now_ns() - start) / ((double)passes * (double)(np * na));
        sink += hits;
    }

    qsort(samples, reps, sizeof(double), compare_double);
    printf("matches=%ld calls=%zu ns_per_match=%.2f reps=%d min=%.2f max=%.2f\n",
           matches, np * na, samples[reps / 2], reps, samples[0], samples[reps - 1]);
    return sink == -1;
}
