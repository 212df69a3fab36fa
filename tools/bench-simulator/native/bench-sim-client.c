/*
 * bench-sim-client: the front end of the bench simulator's daemon mode.
 *
 * Why: a Node process costs 100-200 ms to start on the benchmark machine, far more than the
 * scaled-down bench latencies being measured. This client keeps the contract the provisioning
 * service relies on (one process per command; argv, cwd and env in; stdout, stderr and an exit
 * code out; killable as a process group) and starts in about a millisecond, while the simulated
 * work runs in an already warm `bench-sim-daemon` reached over the unix socket $BENCH_SIM_SOCKET.
 *
 * Wire format, both ways: 1 type byte, 4-byte big-endian payload length, payload.
 *   client -> daemon: 'a' one argv element (repeated), 'c' cwd, 'e' one NAME=value (repeated),
 *                     'p' our pid, 't' "1" if stdout is a terminal, 'g' end of the request;
 *                     later 'k' the pid of a child forked on request.
 *   daemon -> client: 'o' stdout bytes, 'e' stderr bytes, 'x' exit code (decimal, last frame),
 *                     'r' send your stdin (answered with 'i': every byte up to EOF),
 *                     'h' fork a child that only waits (an injected hang's "Python" child).
 * The daemon abandons the invocation when this connection closes, which is what killing this
 * process does; this process exits as soon as the connection ends, so it never outlives it.
 * POSIX only, no dependencies.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

extern char **environ;
static int sock = -1;

static void die(const char *what) {
  fprintf(stderr, "bench-sim-client: %s\n", what);
  exit(1);
}

/* Loops because pipes and sockets may take a write in pieces. */
static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* 0 when all n bytes arrived, -1 on end of connection or error. */
static int read_all(int fd, char *p, size_t n) {
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

/*
 * Frames are gathered and sent in one write when the request is complete ('g') and at once
 * after it ('k'): one write instead of two per argument and variable, so the daemon wakes once.
 */
static char *out;
static size_t out_len, out_cap;

static void send_frame(char type, const char *data, size_t len) {
  if (out_len + 5 + len > out_cap) {
    out_cap = (out_len + 5 + len) * 2;
    out = realloc(out, out_cap);
    if (!out) die("out of memory");
  }
  char head[5] = { type, (char)(len >> 24), (char)(len >> 16), (char)(len >> 8), (char)len };
  memcpy(out + out_len, head, 5);
  memcpy(out + out_len + 5, data, len);
  out_len += 5 + len;
  if (type != 'g' && type != 'k' && type != 'i') return;
  if (write_all(sock, out, out_len) < 0) die("lost the connection to the bench-sim daemon");
  out_len = 0;
}

static void send_str(char type, const char *s) { send_frame(type, s, strlen(s)); }

static void send_num(char type, long n) {
  char b[24];
  snprintf(b, sizeof b, "%ld", n);
  send_str(type, b);
}

/*
 * Real bench runs Python as a child: a child in our process group, holding none of our pipes or
 * the socket, shows that only a group kill (what the runner does on timeout) ends everything.
 */
static void fork_waiting_child(void) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    close(sock);
    for (;;) pause();
  }
  send_num('k', pid < 0 ? 0 : (long)pid);
}

/*
 * The daemon asks for stdin only when a command prompts (getpass): then all of it, up to EOF, as
 * one 'i' frame. A terminal gives nothing (real getpass would prompt on it; the simulator does not).
 */
static void send_stdin(void) {
  size_t len = 0, cap = 4096;
  char *data = malloc(cap);
  if (!data) die("out of memory");
  if (!isatty(0)) {
    for (;;) {
      if (len == cap && !(data = realloc(data, cap *= 2))) die("out of memory");
      ssize_t n = read(0, data + len, cap - len);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        /* A non-blocking pipe with nothing in it yet: wait for the writer. */
        struct pollfd p = { .fd = 0, .events = POLLIN };
        (void)poll(&p, 1, -1);
        continue;
      }
      if (n <= 0) break;
      len += (size_t)n;
    }
  }
  send_frame('i', data, len);
  free(data);
}

int main(int argc, char **argv) {
  const char *path = getenv("BENCH_SIM_SOCKET");
  if (!path || !*path) die("BENCH_SIM_SOCKET is not set (the path of the bench-sim-daemon socket)");
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  if (strlen(path) >= sizeof addr.sun_path) die("BENCH_SIM_SOCKET is too long for a unix socket path");
  strcpy(addr.sun_path, path);
  /* A daemon that died mid-command must give exit 1 and a message, not a silent SIGPIPE death. */
  signal(SIGPIPE, SIG_IGN);
  sock = socket(AF_UNIX, SOCK_STREAM, 0);
  if (sock < 0 || connect(sock, (struct sockaddr *)&addr, sizeof addr) < 0) {
    fprintf(stderr, "bench-sim-client: cannot reach the bench-sim daemon at %s: %s\n", path, strerror(errno));
    return 1;
  }

  for (int i = 1; i < argc; i++) send_str('a', argv[i]);
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) die("cannot read the current directory");
  send_str('c', cwd);
  for (char **e = environ; *e; e++) send_str('e', *e);
  send_num('p', (long)getpid());
  send_str('t', isatty(1) ? "1" : "0");
  send_frame('g', "", 0);

  /* Output is copied through in chunks as it arrives: no frame is held whole in memory. */
  char buf[65536];
  for (;;) {
    char head[5];
    if (read_all(sock, head, 5) < 0) die("the bench-sim daemon closed the connection before the command finished");
    const unsigned char *h = (const unsigned char *)head;
    size_t len = ((size_t)h[1] << 24) | ((size_t)h[2] << 16) | ((size_t)h[3] << 8) | h[4];
    int fd = head[0] == 'o' ? 1 : head[0] == 'e' ? 2 : -1;
    if (head[0] == 'x') {
      if (len >= sizeof buf || read_all(sock, buf, len) < 0) die("bad exit frame from the bench-sim daemon");
      buf[len] = '\0';
      return atoi(buf);
    }
    while (len > 0) {
      size_t n = len < sizeof buf ? len : sizeof buf;
      if (read_all(sock, buf, n) < 0) die("the bench-sim daemon closed the connection before the command finished");
      /* A reader that went away must not stop us from draining up to the exit code. */
      if (fd > 0) (void)write_all(fd, buf, n);
      len -= n;
    }
    if (head[0] == 'h') fork_waiting_child();
    if (head[0] == 'r') send_stdin();
  }
}
