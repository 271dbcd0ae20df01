import CTerminalGuard
import Glibc

/// Writes text straight to a file descriptor (Swift 6 forbids touching C's shared `stdout`/`stderr`).
enum StandardStream {
  static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
    var text = text
    text.withUTF8 { write($0, to: descriptor) }
  }

  static func write(bytes: [UInt8], to descriptor: Int32 = STDOUT_FILENO) {
    bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
  }

  /// Writes all of `buffer`, going on after short writes and interruptions, and waiting when the
  /// descriptor is non-blocking and full. Output that cannot be written (a full disk, a terminal
  /// gone) ends the run with one line and status 74, as `cat` does: a printout to a full disk
  /// ended with status 0 and half a file. A closed pipe ends it by SIGPIPE before this, as usual.
  private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, -1)
        continue
      }
      if written <= 0 {
        // Standard error failing leaves nothing to tell.
        guard descriptor != STDERR_FILENO else { return }
        reportUnwritable(code: written < 0 ? errno : -1)
        exit(74)
      }
      offset += written
    }
  }

  /// Registered first thing: at exit, what went through C's `stdout` (the argument parser's help
  /// and version, which only `exit` flushed) is checked as the reader's own writes are, so that
  /// `reader --help > /dev/full` ends with one line and status 74 instead of 0 and nothing written.
  static func checkStandardOutputAtExit() {
    atexit {
      let code = reader_standard_output_flush_error()
      guard code != 0 else { return }
      StandardStream.reportUnwritable(code: code)
      // Already exiting: `exit` again is undefined.
      _exit(74)
    }
  }

  /// The one line for output that cannot be written: error `code`, or -1 when nothing was written
  /// and no error given.
  private static func reportUnwritable(code: Int32) {
    error(
      "cannot write the output: " + (code > 0 ? String(cString: strerror(code)) : "nothing could be written"))
  }

  static func error(_ line: String) {
    write("reader: " + line + "\n", to: STDERR_FILENO)
  }

  /// The environment variable `name`, if set. Callers that read a few take this function rather
  /// than a dictionary of them: the first `[String: String]` made before the first screen cost
  /// its generic metadata (260,000 instructions, 3% of them all), and ProcessInfo's whole
  /// environment as a dictionary twice that.
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
