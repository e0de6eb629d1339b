/* The anchor: a liblo server thread with a no-op handler for every message and the timetag queue
 * disabled (performance.md item 7). Prints "ready"; on stdin, "mark" starts counting afresh and
 * "report" prints "received N" (messages since the mark) and exits. */
#include <lo/lo.h>
#include <sys/socket.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static atomic_long received;

static int any(const char *path, const char *types, lo_arg **argv, int argc, lo_message m, void *user) {
    (void)path; (void)types; (void)argv; (void)argc; (void)m; (void)user;
    atomic_fetch_add_explicit(&received, 1, memory_order_relaxed);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: liblo_sink PORT\n");
        return 2;
    }
    lo_server_thread st = lo_server_thread_new(argv[1], NULL);
    if (!st) return 1;
    lo_server_enable_queue(lo_server_thread_get_server(st), 0, 1);
    /* The same kernel receive buffer as a NetHub osc-udp endpoint's default (receive-buffer = 1MiB), so the
       receivers differ only in how fast they drain it. */
    int buffer = 1 << 20;
    setsockopt(lo_server_get_socket_fd(lo_server_thread_get_server(st)), SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    lo_server_thread_add_method(st, NULL, NULL, any, NULL);
    lo_server_thread_start(st);
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
    lo_server_thread_free(st);
    return 0;
}
