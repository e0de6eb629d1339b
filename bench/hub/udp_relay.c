/* The anchor of bench/hub-latency.sh: the least a UDP relay can do. Receives on 127.0.0.1:LISTEN_PORT and sends
 * every datagram, unchanged and unparsed, to DEST_HOST:DEST_PORT: one blocking recvfrom, one sendto, nothing else.
 * Its kernel receive buffer is 1 MiB, like a NetHub osc-udp endpoint's. Prints "ready" once bound; runs until
 * killed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: udp_relay LISTEN_PORT DEST_HOST DEST_PORT\n");
        return 2;
    }
    struct sockaddr_in here = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1]))};
    inet_pton(AF_INET, "127.0.0.1", &here.sin_addr);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[3]))};
    if (inet_pton(AF_INET, argv[2], &to.sin_addr) != 1) {
        fprintf(stderr, "udp_relay: bad host %s\n", argv[2]);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int rcvbuf = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    if (bind(fd, (struct sockaddr *)&here, sizeof here) != 0) {
        perror("udp_relay: bind");
        return 1;
    }
    printf("ready\n");
    fflush(stdout);

    static char buf[65536];
    for (;;) {
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, NULL, NULL);
        if (n >= 0) sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&to, sizeof to);
    }
}
