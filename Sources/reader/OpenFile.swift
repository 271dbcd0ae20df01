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
    try read(at: 0, count: count)
  }

  /// Up to `count` bytes from `offset` (fewer at the end of the file).
  func read(at offset: Int, count: Int) throws -> [UInt8] {
    var code: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: max(0, count)) { buffer, initialized in
      let read = self.read(at: offset, into: UnsafeMutableRawBufferPointer(buffer))
      if read < 0 { code = errno }
      initialized = max(0, read)
    }
    if code != 0 { throw DocumentSource.openError(path: path, code: code) }
    return bytes
  }

  /// Copies the bytes from `offset` into `buffer`: how many (fewer at the end of the file), or
  /// -1 when the file cannot be read.
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    var total = 0
    while total < buffer.count {
      let read = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset + total))
      if read < 0 && errno == EINTR { continue }
      if read < 0 { return -1 }
      if read == 0 { break }
      total += read
    }
    return total
  }

  /// The file's size now, in bytes.
  func size() throws -> Int {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw DocumentSource.openError(path: path, code: errno) }
    return Int(info.st_size)
  }

  /// All the bytes, from the start to the end the file has now.
  func readAll() throws -> [UInt8] {
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw DocumentSource.openError(path: path, code: errno) }
    return try DocumentSource.readAll(descriptor: descriptor, path: path)
  }
}
