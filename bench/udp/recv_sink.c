/* The kernel floor: a bare recvmmsg loop that only counts datagrams. Prints "ready"; on stdin,
 * "mark" starts counting afresh and "report" prints "received N" and exits. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define BATCH 64

static atomic_long received;
static int fd;

static void *receive(void *unused) {
    (void)unused;
    static char bufs[BATCH][2048];
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    for (int i = 0; i < BATCH; i++) {
        iov[i].iov_base = bufs[i];
        iov[i].iov_len = sizeof bufs[i];
        memset(&msgs[i], 0, sizeof msgs[i]);
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
    }
    for (;;) {
        int n = recvmmsg(fd, msgs, BATCH, MSG_WAITFORONE, NULL);
        if (n > 0) atomic_fetch_add_explicit(&received, n, memory_order_relaxed);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: recv_sink PORT\n");
        return 2;
    }
    fd = socket(AF_INET, SOCK_DGRAM, 0);
    /* The same kernel receive buffer as a NetHub osc-udp endpoint's default (receive-buffer = 1MiB), so the
       receivers differ only in how fast they drain it. */
    int buffer = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(fd, (struct sockaddr *)&at, sizeof at) != 0) return 1;
    pthread_t t;
    pthread_create(&t, NULL, receive, NULL);
    printf("ready\n");
    fflush(stdout);
    char line[64];
    long mark = 0;
    while (fgets(line, sizeof line, stdin)) {
        if (strncmp(line, "mark", 4) == 0) mark = atomic_load(&received);
        if (strncmp(line, "report", 6) == 0) break;
    }
    printf("received %ld\n", atomic_load(&received) - mark);
    fflush(stdout);
    return 0;
}
