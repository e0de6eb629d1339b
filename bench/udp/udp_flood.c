/* Sends COUNT copies of one OSC message ("/mixer/ch/12/fader ,f 0.5") to HOST:PORT at RATE
 * messages per second, in sendmmsg batches paced against an absolute clock, then prints how many
 * went out and how long it took. The same sender feeds every receiver under test. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define BATCH 32

static const unsigned char packet[] = {
    '/', 'm', 'i', 'x', 'e', 'r', '/', 'c', 'h', '/', '1', '2', '/', 'f', 'a', 'd', 'e', 'r', 0, 0,
    ',', 'f', 0, 0, 0x3f, 0x00, 0x00, 0x00};

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: udp_flood HOST PORT RATE COUNT\n");
        return 2;
    }
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[2]))};
    inet_pton(AF_INET, argv[1], &to.sin_addr);
    double rate = atof(argv[3]);
    long count = atol(argv[4]);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int sndbuf = 4 << 20;
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);

    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < BATCH; i++) {
        iov[i].iov_base = (void *)packet;
        iov[i].iov_len = sizeof packet;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = &to;
        msgs[i].msg_hdr.msg_namelen = sizeof to;
    }

    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    double t0 = now_s();
    long sent = 0;
    while (sent < count) {
        /* Wait until this batch is due, so the rate is steady rather than bursty. */
        double due = (double)sent / rate;
        struct timespec at = start;
        long long ns = (long long)(due * 1e9) + at.tv_nsec;
        at.tv_sec += ns / 1000000000LL;
        at.tv_nsec = ns % 1000000000LL;
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL);
        int n = (int)((count - sent) < BATCH ? (count - sent) : BATCH);
        int r = sendmmsg(fd, msgs, n, 0);
        if (r > 0) sent += r;
    }
    printf("sent %ld in %.3f s\n", sent, now_s() - t0);
    return 0;
}
