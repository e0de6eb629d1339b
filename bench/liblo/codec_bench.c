/*
 * liblo anchor for performance.md 9.2 items 1 and 3: ns per decode and per encode of the OSC codec message
 * set, in memory, single thread. The set is the one in tests/NetHub.Benchmarks/Osc/OscCodecCases.cs; keep
 * both in step (same addresses, types and values, so both sides handle the same bytes):
 *   cue     /cue/go ,i 1
 *   fader   /mixer/ch/12/fader ,f 0.75
 *   mixed   /a/b/c ,ifsb 42 3.5 "hello" <32-byte blob 0..31>
 *   bundle  #bundle e8754700.80000000 { cue, fader, mixed, /light/7/intensity ,f 0.5 }
 *
 * decode: lo_message_deserialise + reading every argument + lo_message_free, per message. For the bundle the
 *         elements are walked here and each is deserialised, which is what a liblo server does on receipt.
 * encode: lo_message_serialise / lo_bundle_serialise of a prebuilt message or bundle into a reused buffer
 *         (no malloc on liblo's side either).
 *
 * Build: gcc -O2 -o codec_bench codec_bench.c -llo
 * Run:   ./codec_bench          prints "<decode|encode> <case> <median ns/op> reps=<n> iters=<n>" per line
 *        ./codec_bench --dump   prints "<case> <hex>" of the serialised packets, to compare with NetHub's
 */
#define _POSIX_C_SOURCE 199309L
#include <arpa/inet.h>
#include <lo/lo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REPS 7
#define MIN_REP_NS 100000000.0 /* each timed loop runs at least 0.1 s */
#define BUFFER 1024

typedef struct {
    const char *name;
    int is_bundle;
    lo_message message; /* the message, or NULL for the bundle */
    const char *path;
    lo_bundle bundle;
    unsigned char packet[BUFFER]; /* serialised form, the decode input */
    size_t length;
} bench_case;

static volatile double sink;
static unsigned char scratch[BUFFER];

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* Reads every argument value, as the NetHub side does, so neither side is timed without using its result. */
static double touch(lo_message m)
{
    int argc = lo_message_get_argc(m);
    const char *types = lo_message_get_types(m);
    lo_arg **argv = lo_message_get_argv(m);
    double sum = argc;
    for (int i = 0; i < argc; i++) {
        switch (types[i]) {
        case 'i': sum += argv[i]->i; break;
        case 'f': sum += argv[i]->f; break;
        case 's': sum += (unsigned char)(&argv[i]->s)[0]; break;
        case 'b': sum += argv[i]->blob.size + (unsigned char)(&argv[i]->blob.data)[0]; break;
        default: break;
        }
    }
    return sum;
}

static double decode_message(const unsigned char *data, size_t size)
{
    int result = 0;
    lo_message m = lo_message_deserialise((void *)data, size, &result);
    if (!m) {
        fprintf(stderr, "lo_message_deserialise failed: %d\n", result);
        exit(1);
    }
    double sum = touch(m) + data[1];
    lo_message_free(m);
    return sum;
}

static double decode_once(const bench_case *c)
{
    if (!c->is_bundle)
        return decode_message(c->packet, c->length);
    if (memcmp(c->packet, "#bundle", 8) != 0)
        exit(1);
    double sum = 0;
    size_t position = 16;
    while (position + 4 <= c->length) {
        uint32_t size;
        memcpy(&size, c->packet + position, 4);
        size = ntohl(size);
        sum += decode_message(c->packet + position + 4, size);
        position += 4 + size;
    }
    return sum;
}

static double encode_once(const bench_case *c)
{
    size_t size = 0;
    if (c->is_bundle)
        lo_bundle_serialise(c->bundle, scratch, &size);
    else
        lo_message_serialise(c->message, c->path, scratch, &size);
    return (double)size + scratch[size - 1];
}

static double run(const bench_case *c, int encode, long iterations)
{
    double sum = 0;
    double start = now_ns();
    for (long i = 0; i < iterations; i++)
        sum += encode ? encode_once(c) : decode_once(c);
    double elapsed = now_ns() - start;
    sink += sum;
    return elapsed / (double)iterations;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void measure(const bench_case *c, int encode)
{
    long iterations = 1000;
    run(c, encode, iterations); /* warm caches and the allocator */
    while (run(c, encode, iterations) * (double)iterations < MIN_REP_NS)
        iterations *= 2;
    double ns[REPS];
    for (int r = 0; r < REPS; r++)
        ns[r] = run(c, encode, iterations);
    qsort(ns, REPS, sizeof ns[0], compare);
    printf("%s %s %.2f reps=%d iters=%ld\n", encode ? "encode" : "decode", c->name, ns[REPS / 2], REPS, iterations);
    fflush(stdout);
}

static lo_message cue(void)
{
    lo_message m = lo_message_new();
    lo_message_add_int32(m, 1);
    return m;
}

static lo_message fader(void)
{
    lo_message m = lo_message_new();
    lo_message_add_float(m, 0.75f);
    return m;
}

static lo_message mixed(void)
{
    unsigned char data[32];
    for (int i = 0; i < 32; i++)
        data[i] = (unsigned char)i;
    lo_blob blob = lo_blob_new(32, data);
    lo_message m = lo_message_new();
    lo_message_add_int32(m, 42);
    lo_message_add_float(m, 3.5f);
    lo_message_add_string(m, "hello");
    lo_message_add_blob(m, blob);
    lo_blob_free(blob);
    return m;
}

static lo_message intensity(void)
{
    lo_message m = lo_message_new();
    lo_message_add_float(m, 0.5f);
    return m;
}

static void prepare(bench_case *c)
{
    size_t size = 0;
    void *bytes = c->is_bundle ? lo_bundle_serialise(c->bundle, NULL, &size) : lo_message_serialise(c->message, c->path, NULL, &size);
    if (!bytes || size > BUFFER)
        exit(1);
    memcpy(c->packet, bytes, size);
    c->length = size;
    free(bytes);
}

int main(int argc, char **argv)
{
    lo_timetag time = { 0xe8754700u, 0x80000000u };
    lo_bundle bundle = lo_bundle_new(time);
    lo_bundle_add_message(bundle, "/cue/go", cue());
    lo_bundle_add_message(bundle, "/mixer/ch/12/fader", fader());
    lo_bundle_add_message(bundle, "/a/b/c", mixed());
    lo_bundle_add_message(bundle, "/light/7/intensity", intensity());

    bench_case cases[] = {
        { "cue", 0, cue(), "/cue/go", NULL, { 0 }, 0 },
        { "fader", 0, fader(), "/mixer/ch/12/fader", NULL, { 0 }, 0 },
        { "mixed", 0, mixed(), "/a/b/c", NULL, { 0 }, 0 },
        { "bundle", 1, NULL, NULL, bundle, { 0 }, 0 },
    };
    int count = (int)(sizeof cases / sizeof cases[0]);
    for (int i = 0; i < count; i++)
        prepare(&cases[i]);

    if (argc > 1 && strcmp(argv[1], "--dump") == 0) {
        for (int i = 0; i < count; i++) {
            printf("%s ", cases[i].name);
            for (size_t j = 0; j < cases[i].length; j++)
                printf("%02x", cases[i].packet[j]);
            printf("\n");
        }
        return 0;
    }

    for (int i = 0; i < count; i++)
        measure(&cases[i], 0);
    for (int i = 0; i < count; i++)
        measure(&cases[i], 1);
    return 0;
}
