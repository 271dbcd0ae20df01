import Glibc

/// A file kept open after its first bytes were read, so that the rest is read later, off the
/// path to the first screen, from the same file even if another is renamed over it meanwhile.
final class OpenFile: @unchecked Sendable {
  let descriptor: Int32
  /// The name the command line gave, for messages.
  let path: String

  init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  deinit { close(descriptor) }

  /// Up to `count` bytes from the start (fewer at the end of the file).
  func readStart(_ count: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var total = 0
    while total < count {
      let read = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress! + total, count - total, total)
      }
      if read < 0 && errno == EINTR { continue }
      if read < 0 { throw DocumentSource.openError(path: path, code: errno) }
      if read == 0 { break }
      total += read
    }
    bytes.removeSubrange(total...)
    return bytes
  }

  /// All the bytes, from the start to the end the file has now.
  func readAll() throws -> [UInt8] {
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw DocumentSource.openError(path: path, code: errno) }
    return try DocumentSource.readAll(descriptor: descriptor, path: path)
  }
}
