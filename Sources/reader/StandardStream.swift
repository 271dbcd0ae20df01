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

  /// Writes all of `buffer`, going on after short writes and interruptions.
  private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
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
