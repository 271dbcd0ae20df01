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
        let reason = written < 0 ? String(cString: strerror(errno)) : "nothing could be written"
        error("cannot write the output: " + reason)
        exit(74)
      }
      offset += written
    }
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
