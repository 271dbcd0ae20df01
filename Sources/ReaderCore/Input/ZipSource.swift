import CZip

/// The bytes of an archive as a libzip source: libzip asks for the parts it reads (the central
/// directory, then each entry it opens) and they are copied out then, from an array in memory or
/// read from a file where they are.
final class ZipSource {
  /// Copies the archive's bytes from an offset into a buffer; answers how many it copied.
  typealias Reader = (_ offset: Int, _ buffer: UnsafeMutableRawBufferPointer) -> Int

  private let size: Int
  private let readAt: Reader
  private var offset = 0
  private var error = zip_error_t()
  /// Bytes read ahead from `windowStart`: libzip reads a central directory an entry at a time,
  /// two small reads each (5,300 `pread`s before a long book's first page), and a chapter in 8 KB
  /// pieces, so a small read is answered from one larger read made for it and those after it.
  private var window: [UInt8] = []
  private var windowStart = 0

  /// How much is read ahead for a small read.
  static let windowSize = 1 << 16

  convenience init(_ bytes: [UInt8]) {
    self.init(size: bytes.count) { offset, buffer in
      let count = min(buffer.count, bytes.count - offset)
      guard count > 0 else { return 0 }
      bytes.withUnsafeBytes {
        buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count)
      }
      return count
    }
  }

  init(size: Int, reader: @escaping Reader) {
    self.size = size
    readAt = reader
    reader_zip_error_init()(&error)
  }

  deinit {
    reader_zip_error_fini()(&error)
  }

  /// What libzip calls with the retained `ZipSource` as `userdata`; `ZIP_SOURCE_FREE` releases it.
  static let callback: zip_source_callback = { userdata, data, length, command in
    guard let userdata else { return -1 }
    let unmanaged = Unmanaged<ZipSource>.fromOpaque(userdata)
    if command == ZIP_SOURCE_FREE {
      unmanaged.release()
      return 0
    }
    return unmanaged.takeUnretainedValue().answer(command, data, length)
  }

  private static let supported: [zip_source_cmd_t] = [
    ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
    ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
  ]

  private func answer(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t)
    -> zip_int64_t
  {
    switch command {
    case ZIP_SOURCE_OPEN:
      offset = 0
      return 0
    case ZIP_SOURCE_READ:
      guard let data else { return -1 }
      let count = min(Int(clamping: length), size - offset)
      guard count > 0 else { return 0 }
      let read = read(count, into: data)
      guard read >= 0 else {
        reader_zip_error_set()(&error, ZIP_ER_READ, 0)
        return -1
      }
      offset += read
      return zip_int64_t(read)
    case ZIP_SOURCE_CLOSE:
      return 0
    case ZIP_SOURCE_STAT:
      guard let data, length >= MemoryLayout<zip_stat_t>.size else { return -1 }
      let stat = data.assumingMemoryBound(to: zip_stat_t.self)
      reader_zip_stat_init()(stat)
      stat.pointee.size = zip_uint64_t(size)
      stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
      return zip_int64_t(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
      return reader_zip_error_to_data()(&error, data, length)
    case ZIP_SOURCE_SEEK:
      let target = reader_zip_source_seek_compute_offset()(
        zip_uint64_t(offset), zip_uint64_t(size), data, length, &error)
      guard target >= 0 else { return -1 }
      offset = Int(target)
      return 0
    case ZIP_SOURCE_TELL:
      return zip_int64_t(offset)
    case ZIP_SOURCE_SUPPORTS:
      return Self.supported.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
    default:
      reader_zip_error_set()(&error, ZIP_ER_OPNOTSUPP, 0)
      return -1
    }
  }

  /// Copies `count` bytes from `offset` into `data`, through the read-ahead window when the read
  /// is small: how many (fewer at the end), or -1.
  private func read(_ count: Int, into data: UnsafeMutableRawPointer) -> Int {
    guard count < Self.windowSize else {
      return readAt(offset, UnsafeMutableRawBufferPointer(start: data, count: count))
    }
    if offset < windowStart || offset + count > windowStart + window.count {
      let wanted = min(Self.windowSize, size - offset)
      var filled = 0
      window = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
        filled = readAt(offset, UnsafeMutableRawBufferPointer(buffer))
        initialized = max(0, filled)
      }
      windowStart = offset
      guard filled >= 0 else { return -1 }
    }
    let available = min(count, windowStart + window.count - offset)
    guard available > 0 else { return 0 }
    window.withUnsafeBytes {
      data.copyMemory(from: $0.baseAddress! + (offset - windowStart), byteCount: available)
    }
    return available
  }
}
