// The machine's floor for fan-out: the least CPU any server can spend to deliver one small
// WebSocket frame to one client over loopback TCP. One thread writes a pre-encoded frame to each
// of N sockets, RATE times a second, with one send() per delivery (as every WebSocket server must
// when frames are due at different times); another thread reads them. Only the sending thread's
// CPU is counted: that is what a server pays, kernel work for the loopback receive included.
//
//   gcc -O2 -pthread -o floor floor.c && ./floor [SOCKETS RATE SECONDS FRAME_BYTES [send|write|uring [BATCH]]]
// (write(2) instead of send(2) shows what the file layer adds: ~0.6-1 us per delivery here;
// uring submits BATCH sends per io_uring_enter, what a server could save on system calls alone.)
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
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/io_uring.h>

// io_uring by raw system calls (no liburing here): one ring, sends submitted in batches.
static int ring_fd;
static unsigned *sq_head, *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
static struct io_uring_sqe *sqes;
static struct io_uring_cqe *cqes;
static int ring_setup(unsigned entries) {
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = entries * 2;
    ring_fd = (int) syscall(__NR_io_uring_setup, entries, &p);
    if (ring_fd < 0) { perror("io_uring_setup"); return -1; }
    size_t sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    size_t cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    char *sq = mmap(0, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_SQ_RING);
    char *cq = mmap(0, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_CQ_RING);
    sqes = mmap(0, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_SQES);
    sq_head = (unsigned *) (sq + p.sq_off.head); sq_tail = (unsigned *) (sq + p.sq_off.tail);
    sq_mask = (unsigned *) (sq + p.sq_off.ring_mask); sq_array = (unsigned *) (sq + p.sq_off.array);
    cq_head = (unsigned *) (cq + p.cq_off.head); cq_tail = (unsigned *) (cq + p.cq_off.tail);
    cq_mask = (unsigned *) (cq + p.cq_off.ring_mask); cqes = (struct io_uring_cqe *) (cq + p.cq_off.cqes);
    return 0;
}
static long ring_send_batch(int *fds, int n, char *buf, int len) {
    unsigned tail = *sq_tail;
    for (int i = 0; i < n; i++) {
        unsigned idx = tail & *sq_mask;
        struct io_uring_sqe *sqe = &sqes[idx];
        memset(sqe, 0, sizeof *sqe);
        sqe->opcode = IORING_OP_SEND;
        sqe->fd = fds[i];
        sqe->addr = (unsigned long) buf;
        sqe->len = len;
        sqe->msg_flags = MSG_NOSIGNAL | MSG_DONTWAIT;
        sq_array[idx] = idx;
        tail++;
    }
    __atomic_store_n(sq_tail, tail, __ATOMIC_RELEASE);
    int submitted = (int) syscall(__NR_io_uring_enter, ring_fd, n, n, IORING_ENTER_GETEVENTS, NULL, 0);
    if (submitted < 0) { perror("io_uring_enter"); exit(1); }
    long ok = 0;
    unsigned head = *cq_head;
    int reaped = 0;
    while (reaped < n) {
        while (head != __atomic_load_n(cq_tail, __ATOMIC_ACQUIRE)) {
            if (cqes[head & *cq_mask].res == len) ok++;
            head++; reaped++;
        }
        __atomic_store_n(cq_head, head, __ATOMIC_RELEASE);
        if (reaped < n) syscall(__NR_io_uring_enter, ring_fd, 0, n - reaped, IORING_ENTER_GETEVENTS, NULL, 0);
    }
    return ok;
}

static int sockets = 5000, rate = 20, seconds = 10, frame_bytes = 80, use_write = 0, use_uring = 0, batch = 256;
static double reader_cpu;
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
    struct rusage mine;
    getrusage(RUSAGE_THREAD, &mine);
    reader_cpu = tv(mine.ru_utime) + tv(mine.ru_stime);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) sockets = atoi(argv[1]);
    if (argc > 2) rate = atoi(argv[2]);
    if (argc > 3) seconds = atoi(argv[3]);
    if (argc > 4) frame_bytes = atoi(argv[4]);
    if (argc > 5) use_write = strcmp(argv[5], "write") == 0;
    if (argc > 5) use_uring = strcmp(argv[5], "uring") == 0;
    if (argc > 6) batch = atoi(argv[6]);
    if (use_uring && ring_setup(4096)) return 1;
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
    struct rusage self_before, self_after;
    getrusage(RUSAGE_SELF, &self_before);
    getrusage(RUSAGE_THREAD, &before);
    double start = now();
    long deliveries = 0;
    for (int round = 0; round < rate * seconds; round++) {
        double due = start + (double) round / rate;
        double wait = due - now();
        if (wait > 0) {
            usleep((useconds_t) (wait * 1e6));
        }
        if (use_uring) {
            for (int i = 0; i < sockets; i += batch) {
                deliveries += ring_send_batch(server_side + i, sockets - i < batch ? sockets - i : batch, frame, frame_bytes);
            }
            continue;
        }
        for (int i = 0; i < sockets; i++) {
            if ((use_write ? write(server_side[i], frame, frame_bytes) : send(server_side[i], frame, frame_bytes, MSG_NOSIGNAL)) == frame_bytes) {
                deliveries++;
            }
        }
    }
    getrusage(RUSAGE_THREAD, &after);
    getrusage(RUSAGE_SELF, &self_after);
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
    double self = tv(self_after.ru_utime) + tv(self_after.ru_stime) - tv(self_before.ru_utime) - tv(self_before.ru_stime);
    // io_uring could hand sends to kernel worker threads: the process's CPU, less the reader's, counts them too.
    printf("floor process cpu: %.2f s besides the reader thread; %.2f us per delivery (%s%s)\n", self - reader_cpu,
            (self - reader_cpu) * 1e6 / deliveries, use_uring ? "io_uring" : use_write ? "write" : "send",
            use_uring ? ", batched" : "");
    return 0;
}
