// The machine's floor for fan-out: the least CPU any server can spend to deliver one small
// WebSocket frame to one client over loopback TCP. One thread writes a pre-encoded frame to each
// of N sockets, RATE times a second, with one send() per delivery (as every WebSocket server must
// when frames are due at different times); another thread reads them. Only the sending thread's
// CPU is counted: that is what a server pays, kernel work for the loopback receive included.
//
//   gcc -O2 -pthread -o floor floor.c && ./floor [SOCKETS RATE SECONDS FRAME_BYTES [send|write]]
// (write(2) instead of send(2) shows what the file layer adds: ~0.6-1 us per delivery here.)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int sockets = 5000, rate = 20, seconds = 10, frame_bytes = 80, use_write = 0;
static int *server_side, *client_side;
static volatile long received_bytes;
static volatile int done;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double tv(struct timeval t) { return t.tv_sec + t.tv_usec / 1e6; }

static void *reader(void *unused) {
    (void) unused;
    int ep = epoll_create1(0);
    for (int i = 0; i < sockets; i++) {
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = client_side[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, client_side[i], &ev);
    }
    struct epoll_event events[512];
    char buf[65536];
    while (!done) {
        int n = epoll_wait(ep, events, 512, 100);
        for (int i = 0; i < n; i++) {
            ssize_t got = read(events[i].data.fd, buf, sizeof buf);
            if (got > 0) {
                __atomic_add_fetch(&received_bytes, got, __ATOMIC_RELAXED);
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) sockets = atoi(argv[1]);
    if (argc > 2) rate = atoi(argv[2]);
    if (argc > 3) seconds = atoi(argv[3]);
    if (argc > 4) frame_bytes = atoi(argv[4]);
    if (argc > 5) use_write = strcmp(argv[5], "write") == 0;
    struct rlimit nofile = {sockets * 2 + 64, sockets * 2 + 64};
    setrlimit(RLIMIT_NOFILE, &nofile);
    server_side = calloc(sockets, sizeof(int));
    client_side = calloc(sockets, sizeof(int));

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 4096)
            || getsockname(listener, (struct sockaddr *) &addr, &len)) {
        perror("listen");
        return 1;
    }
    int one = 1;
    for (int i = 0; i < sockets; i++) {
        client_side[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(client_side[i], (struct sockaddr *) &addr, sizeof addr)) {
            perror("connect");
            return 1;
        }
        server_side[i] = accept(listener, NULL, NULL);
        setsockopt(server_side[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }

    // An unmasked server-to-client text frame: 2 header bytes, then the payload.
    char *frame = malloc(frame_bytes);
    memset(frame, 'x', frame_bytes);
    frame[0] = (char) 0x81;
    frame[1] = (char) (frame_bytes - 2);

    pthread_t thread;
    pthread_create(&thread, NULL, reader, NULL);

    struct rusage before, after;
    getrusage(RUSAGE_THREAD, &before);
    double start = now();
    long deliveries = 0;
    for (int round = 0; round < rate * seconds; round++) {
        double due = start + (double) round / rate;
        double wait = due - now();
        if (wait > 0) {
            usleep((useconds_t) (wait * 1e6));
        }
        for (int i = 0; i < sockets; i++) {
            if ((use_write ? write(server_side[i], frame, frame_bytes) : send(server_side[i], frame, frame_bytes, MSG_NOSIGNAL)) == frame_bytes) {
                deliveries++;
            }
        }
    }
    getrusage(RUSAGE_THREAD, &after);
    double wall = now() - start;
    double deadline = now() + 10;
    while (received_bytes < deliveries * frame_bytes && now() < deadline) {
        usleep(10000);
    }
    done = 1;
    pthread_join(thread, NULL);

    double user = tv(after.ru_utime) - tv(before.ru_utime);
    double sys = tv(after.ru_stime) - tv(before.ru_stime);
    printf("floor: %d sockets x %d frames/s of %d bytes for %d s: %ld sent, %ld received in %.2f s wall\n",
            sockets, rate, frame_bytes, seconds, deliveries, received_bytes / frame_bytes, wall);
    printf("floor cpu: sender %.2f s (%.2f s user, %.2f s in the kernel); %.2f us per delivery; "
            "%.0f deliveries per sender CPU-second\n",
            user + sys, user, sys, (user + sys) * 1e6 / deliveries, deliveries / (user + sys));
    return 0;
}
