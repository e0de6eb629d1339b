/* The probe of bench/hub-latency.sh: sends OSC at a fixed rate to a relay or a NetHub node, receives what comes out on
 * its own UDP port, and prints latency percentiles. One thread: ppoll(2) sleeps until the next message is due (timer
 * slack 1 ns, CLOCK_MONOTONIC, absolute schedule start + n / rate, so a late send does not shift the ones after it)
 * or until a datagram arrives, whose receive time is read as soon as recv returns.
 *
 *   latency_probe wait   HOST PORT RECV_PORT TIMEOUT_S
 *       Sends "/bench/latency ,ih -1 t" every 50 ms until anything arrives on RECV_PORT (exit 0) or the time is up
 *       (exit 1): the relay or the node is up and its route works.
 *   latency_probe stream HOST PORT RECV_PORT RATE WARMUP_S SECONDS
 *       Sends "/bench/latency ,ih seq t" at RATE for WARMUP_S + SECONDS, t = CLOCK_MONOTONIC nanoseconds when the
 *       datagram was handed to sendto. A datagram that comes back with (seq, t) took now - t; no table is needed.
 *       Messages of the warm-up (seq < RATE * WARMUP_S) are not counted.
 *       Prints: sent= received= lost= p50_us= p99_us= max_us= (over the counted messages).
 *   latency_probe cues   HOST PORT RECV_PORT CUE_RATE CUES FLOOD_RATE WARMUP_S SECONDS
 *       Cue command n (n = 0, 1, ...) is "/nethub/cue/goto ,i k" with k = n mod CUES + 1; the node's cue list has CUES
 *       cues and cue k's send action sends "/cue/fired ,i k" to RECV_PORT. The probe keeps, per k, the send time and
 *       n of the command in flight, so an arrival of "/cue/fired k" pairs with exactly the command that fired it
 *       (slot k is reused only CUES commands later: CUES / CUE_RATE seconds). At FLOOD_RATE > 0 it also sends
 *       "/fader/1 ,ih seq t" (the node routes it to "/mix/1" on the latest-value lane, which may coalesce values, so
 *       the flood's count received is not a loss). Each command is answered "/nethub/reply T|F ..." to the sending
 *       socket; those are counted.
 *       Prints: cue_sent= cue_received= cue_lost= cue_p50_us= cue_p99_us= cue_max_us= replies_ok= replies_failed=
 *       flood_sent= flood_received= flood_p50_us= flood_p99_us= flood_max_us=
 *
 * Datagrams still missing 1 s after the last send count as lost. OSC is encoded and decoded here by hand (OSC 1.0:
 * NUL-terminated address and type tag string, each padded to 4 bytes, big-endian arguments). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>

#define DRAIN_NS 1000000000LL
#define RECV_BUFFER (4 << 20)

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* ---- OSC encoding ---- */

static size_t put_string(uint8_t *p, const char *s) {
    size_t n = strlen(s) + 1, padded = (n + 3) & ~(size_t)3;
    memcpy(p, s, n);
    memset(p + n, 0, padded - n);
    return padded;
}

static size_t put_i32(uint8_t *p, int32_t v) {
    uint32_t u = (uint32_t)v;
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(u >> (24 - 8 * i));
    return 4;
}

static size_t put_i64(uint8_t *p, int64_t v) {
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(u >> (56 - 8 * i));
    return 8;
}

/* "ADDRESS ,ih seq t" */
static size_t encode_stamped(uint8_t *p, const char *address, int32_t seq, int64_t t) {
    size_t n = put_string(p, address);
    n += put_string(p + n, ",ih");
    n += put_i32(p + n, seq);
    return n + put_i64(p + n, t);
}

/* "/nethub/cue/goto ,i k" */
static size_t encode_goto(uint8_t *p, int32_t cue) {
    size_t n = put_string(p, "/nethub/cue/goto");
    n += put_string(p + n, ",i");
    return n + put_i32(p + n, cue);
}

/* ---- OSC decoding: the address, the first type tag, the first int32 and the first int64 argument ---- */

typedef struct {
    char address[64];
    char first_tag;
    int has_i, has_h;
    int32_t i;
    int64_t h;
} osc_view;

static size_t padded_string(const uint8_t *p, size_t len) {
    const uint8_t *end = memchr(p, 0, len);
    if (end == NULL) return 0;
    size_t n = (size_t)(end - p) + 1, padded = (n + 3) & ~(size_t)3;
    return padded <= len ? padded : 0;
}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* 1 for a message it could read, 0 for a bundle or anything malformed. */
static int read_message(const uint8_t *p, size_t len, osc_view *v) {
    memset(v, 0, sizeof *v);
    if (len < 4 || p[0] != '/') return 0;
    size_t a = padded_string(p, len);
    if (a == 0) return 0;
    size_t copy = a < sizeof v->address ? a : sizeof v->address - 1;
    memcpy(v->address, p, copy);
    v->address[copy] = 0;
    if (a >= len || p[a] != ',') return 1;
    size_t t = padded_string(p + a, len - a);
    if (t == 0) return 0;
    const char *tags = (const char *)p + a + 1;
    v->first_tag = tags[0];
    size_t at = a + t;
    for (const char *c = tags; *c; c++) {
        size_t need = 0;
        switch (*c) {
        case 'i': case 'f': case 'c': case 'r': case 'm': need = 4; break;
        case 'h': case 't': case 'd': need = 8; break;
        case 's': case 'S':
            need = padded_string(p + at, len - at);
            if (need == 0) return 0;
            break;
        case 'b':
            if (at + 4 > len) return 0;
            need = 4 + ((get_u32(p + at) + 3) & ~3u);
            break;
        default: need = 0; break; /* T F N I [ ] carry no data */
        }
        if (at + need > len) return 0;
        if (*c == 'i' && !v->has_i) v->has_i = 1, v->i = (int32_t)get_u32(p + at);
        if (*c == 'h' && !v->has_h)
            v->has_h = 1, v->h = (int64_t)((uint64_t)get_u32(p + at) << 32 | get_u32(p + at + 4));
        at += need;
    }
    return 1;
}

/* ---- latency samples ---- */

typedef struct {
    int64_t *ns;
    long n;
} samples;

static samples samples_new(long cap) {
    samples s = {calloc((size_t)(cap > 0 ? cap : 1), sizeof(int64_t)), 0};
    if (s.ns == NULL) {
        fprintf(stderr, "latency_probe: out of memory\n");
        exit(1);
    }
    return s;
}

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Nearest rank: the smallest sample with at least p of the samples at or below it. */
static double percentile_us(const samples *s, double p) {
    if (s->n == 0) return -1;
    long rank = (long)(p * (double)s->n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > s->n) rank = s->n;
    return (double)s->ns[rank - 1] / 1000.0;
}

static void print_summary(const char *prefix, samples *s, long sent, int print_loss) {
    qsort(s->ns, (size_t)s->n, sizeof(int64_t), cmp_i64);
    printf("%ssent=%ld %sreceived=%ld ", prefix, sent, prefix, s->n);
    if (print_loss) printf("%slost=%ld ", prefix, sent - s->n);
    printf("%sp50_us=%.1f %sp99_us=%.1f %smax_us=%.1f ", prefix, percentile_us(s, 0.50), prefix,
           percentile_us(s, 0.99), prefix, s->n ? (double)s->ns[s->n - 1] / 1000.0 : -1.0);
}

/* ---- sockets ---- */

static struct sockaddr_in target;
static int tx, rx;

static void open_sockets(const char *host, const char *port, const char *recv_port) {
    target = (struct sockaddr_in){.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(port))};
    if (inet_pton(AF_INET, host, &target.sin_addr) != 1) {
        fprintf(stderr, "latency_probe: bad host %s\n", host);
        exit(2);
    }
    struct sockaddr_in here = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(recv_port))};
    inet_pton(AF_INET, "127.0.0.1", &here.sin_addr);
    tx = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    rx = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int size = RECV_BUFFER;
    setsockopt(rx, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    setsockopt(tx, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    if (bind(rx, (struct sockaddr *)&here, sizeof here) != 0) {
        perror("latency_probe: bind");
        exit(1);
    }
}

static void send_packet(const uint8_t *p, size_t n) {
    /* A full send buffer is retried: a message the probe failed to send must not count as lost by the hub. */
    while (sendto(tx, p, n, 0, (struct sockaddr *)&target, sizeof target) < 0 && (errno == EAGAIN || errno == EINTR)) {
    }
}

static void sleep_until(int64_t wake) {
    int64_t wait = wake - now_ns();
    if (wait < 0) wait = 0;
    struct timespec ts = {.tv_sec = wait / 1000000000LL, .tv_nsec = wait % 1000000000LL};
    struct pollfd fds[2] = {{.fd = rx, .events = POLLIN}, {.fd = tx, .events = POLLIN}};
    ppoll(fds, 2, &ts, NULL);
}

/* Calls on_datagram for every datagram waiting on fd, stamped when recv returned it. */
static void drain(int fd, void (*on_datagram)(int fd, const osc_view *v, int64_t at)) {
    static uint8_t buf[65536];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) return;
        int64_t at = now_ns();
        osc_view v;
        if (read_message(buf, (size_t)n, &v)) on_datagram(fd, &v, at);
    }
}

/* ---- wait ---- */

static int got_any;

static void on_wait(int fd, const osc_view *v, int64_t at) {
    (void)v, (void)at;
    if (fd == rx) got_any = 1;
}

static int run_wait(double timeout_s) {
    uint8_t p[64];
    int64_t end = now_ns() + (int64_t)(timeout_s * 1e9);
    while (!got_any && now_ns() < end) {
        send_packet(p, encode_stamped(p, "/bench/latency", -1, now_ns()));
        int64_t next = now_ns() + 50000000LL;
        while (!got_any && now_ns() < next) {
            sleep_until(next);
            drain(rx, on_wait);
        }
    }
    return got_any ? 0 : 1;
}

/* ---- a paced stream of stamped messages: the routed traffic, and the fader flood ---- */

typedef struct {
    double rate;
    long total, warm, next;
    char *seen;
    samples lat;
} stream;

static stream stream_new(double rate, double warmup_s, double seconds) {
    stream s = {.rate = rate, .total = (long)(rate * (warmup_s + seconds)), .warm = (long)(rate * warmup_s)};
    s.seen = calloc((size_t)(s.total > 0 ? s.total : 1), 1);
    s.lat = samples_new(s.total - s.warm);
    return s;
}

static int64_t due(const stream *s, int64_t start) { return start + (int64_t)((double)s->next * 1e9 / s->rate); }

static void stream_received(stream *s, const osc_view *v, int64_t at) {
    if (!v->has_i || !v->has_h || v->i < 0 || v->i >= s->total || s->seen[v->i]) return;
    s->seen[v->i] = 1;
    if (v->i >= s->warm) s->lat.ns[s->lat.n++] = at - v->h;
}

static stream routed;

static void on_stream(int fd, const osc_view *v, int64_t at) {
    if (fd == rx) stream_received(&routed, v, at);
}

static int run_stream(double rate, double warmup_s, double seconds) {
    routed = stream_new(rate, warmup_s, seconds);
    uint8_t p[64];
    int64_t start = now_ns() + 10000000LL;
    while (routed.next < routed.total) {
        while (routed.next < routed.total && due(&routed, start) <= now_ns()) {
            send_packet(p, encode_stamped(p, "/bench/latency", (int32_t)routed.next, now_ns()));
            routed.next++;
        }
        if (routed.next < routed.total) sleep_until(due(&routed, start));
        drain(rx, on_stream);
    }
    int64_t end = now_ns() + DRAIN_NS;
    while (routed.lat.n < routed.total - routed.warm && now_ns() < end) {
        sleep_until(end);
        drain(rx, on_stream);
    }
    print_summary("", &routed.lat, routed.total - routed.warm, 1);
    printf("\n");
    return 0;
}

/* ---- cues, with or without a flood ---- */

typedef struct {
    long n; /* the command in flight on this cue number, -1 when none */
    int64_t sent_at;
} cue_slot;

static stream cues, flood;
static cue_slot *slots;
static int cue_count;
static long replies_ok, replies_failed, cues_unpaired;

static void on_cues(int fd, const osc_view *v, int64_t at) {
    if (fd == tx) {
        if (strcmp(v->address, "/nethub/reply") == 0) v->first_tag == 'T' ? replies_ok++ : replies_failed++;
        return;
    }
    if (strcmp(v->address, "/cue/fired") == 0) {
        if (!v->has_i || v->i < 1 || v->i > cue_count || slots[v->i - 1].n < 0) {
            cues_unpaired++;
            return;
        }
        cue_slot *slot = &slots[v->i - 1];
        if (slot->n >= cues.warm) cues.lat.ns[cues.lat.n++] = at - slot->sent_at;
        slot->n = -1;
        return;
    }
    if (flood.total > 0) stream_received(&flood, v, at);
}

static int run_cues(double cue_rate, int count, double flood_rate, double warmup_s, double seconds) {
    cues = stream_new(cue_rate, warmup_s, seconds);
    flood = flood_rate > 0 ? stream_new(flood_rate, warmup_s, seconds) : (stream){0};
    cue_count = count;
    slots = calloc((size_t)count, sizeof *slots);
    for (int k = 0; k < count; k++) slots[k].n = -1;
    uint8_t p[64];
    int64_t start = now_ns() + 10000000LL;
    while (cues.next < cues.total || flood.next < flood.total) {
        int64_t t = now_ns();
        if (cues.next < cues.total && due(&cues, start) <= t) {
            int k = (int)(cues.next % count);
            if (slots[k].n >= 0) cues_unpaired++; /* the previous command on this number never fired */
            slots[k].n = cues.next;
            slots[k].sent_at = now_ns();
            send_packet(p, encode_goto(p, k + 1));
            cues.next++;
        }
        while (flood.next < flood.total && due(&flood, start) <= now_ns()) {
            send_packet(p, encode_stamped(p, "/fader/1", (int32_t)flood.next, now_ns()));
            flood.next++;
        }
        int64_t wake = INT64_MAX;
        if (cues.next < cues.total) wake = due(&cues, start);
        if (flood.next < flood.total && due(&flood, start) < wake) wake = due(&flood, start);
        if (wake != INT64_MAX) sleep_until(wake);
        drain(rx, on_cues);
        drain(tx, on_cues);
    }
    int64_t end = now_ns() + DRAIN_NS;
    while (now_ns() < end) {
        sleep_until(end);
        drain(rx, on_cues);
        drain(tx, on_cues);
    }
    print_summary("cue_", &cues.lat, cues.total - cues.warm, 1);
    printf("cue_unpaired=%ld replies_ok=%ld replies_failed=%ld ", cues_unpaired, replies_ok, replies_failed);
    print_summary("flood_", &flood.lat, flood.total - flood.warm, 0);
    printf("\n");
    return 0;
}

int main(int argc, char **argv) {
    prctl(PR_SET_TIMERSLACK, 1UL);
    if (argc == 6 && strcmp(argv[1], "wait") == 0) {
        open_sockets(argv[2], argv[3], argv[4]);
        return run_wait(atof(argv[5]));
    }
    if (argc == 8 && strcmp(argv[1], "stream") == 0) {
        open_sockets(argv[2], argv[3], argv[4]);
        return run_stream(atof(argv[5]), atof(argv[6]), atof(argv[7]));
    }
    if (argc == 10 && strcmp(argv[1], "cues") == 0) {
        open_sockets(argv[2], argv[3], argv[4]);
        return run_cues(atof(argv[5]), atoi(argv[6]), atof(argv[7]), atof(argv[8]), atof(argv[9]));
    }
    fprintf(stderr, "usage: latency_probe wait   HOST PORT RECV_PORT TIMEOUT_S\n"
                    "       latency_probe stream HOST PORT RECV_PORT RATE WARMUP_S SECONDS\n"
                    "       latency_probe cues   HOST PORT RECV_PORT CUE_RATE CUES FLOOD_RATE WARMUP_S SECONDS\n");
    return 2;
}
