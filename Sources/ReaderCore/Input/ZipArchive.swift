import CZip
import Glibc

/// A zip archive held in memory, read with libzip, with limits that keep a hostile archive
/// (a zip bomb, millions of entries) from using up memory or time.
///
/// Sizes in the archive's headers are not trusted: an entry is inflated a block at a time and
/// reading stops as soon as it passes `limits.entryBytes`, or all entries read so far pass
/// `limits.totalBytes`. It is used by one thread at a time (handed to a background import).
public final class ZipArchive: @unchecked Sendable {
  /// How much an archive may hold before reading it stops.
  public struct Limits: Sendable {
    public var entries: Int
    public var entryBytes: Int
    public var totalBytes: Int

    public init(entries: Int, entryBytes: Int, totalBytes: Int) {
      self.entries = entries
      self.entryBytes = entryBytes
      self.totalBytes = totalBytes
    }

    /// Far more than any book holds: 20,000 files, 64 MB in one, 512 MB in all read.
    public static let standard = Limits(entries: 20_000, entryBytes: 64 << 20, totalBytes: 512 << 20)
  }

  private let archive: OpaquePointer
  private let limits: Limits
  private let count: Int
  private var bytesRead = 0
  /// Entry names as Swift strings, made only when a name is not found as libzip spells it.
  private var namesByText: (names: [String], indexes: [String: Int])?

  /// Opens the archive in `bytes`, or throws `ZipError` if it is not one or is damaged.
  public convenience init(bytes: [UInt8], limits: Limits = .standard) throws(ZipError) {
    try self.init(source: ZipSource(bytes), size: bytes.count, limits: limits)
  }

  /// Opens the archive of `size` bytes that `read` copies from an offset into a buffer (answering
  /// how many it copied, or -1): a book's file, read where libzip looks rather than whole before
  /// its first page. Throws `ZipError` if it is not an archive or is damaged.
  public convenience init(
    size: Int, limits: Limits = .standard,
    read: @escaping @Sendable (_ offset: Int, _ buffer: UnsafeMutableRawBufferPointer) -> Int
  ) throws(ZipError) {
    try self.init(source: ZipSource(size: size, reader: read), size: size, limits: limits)
  }

  private init(source holding: ZipSource, size: Int, limits: Limits) throws(ZipError) {
    guard size > 0 else { throw ZipError.notAnArchive }
    guard Self.libraryLoads else { throw ZipError.libraryMissing("libzip.so.4") }
    var error = zip_error_t()
    reader_zip_error_init()(&error)
    defer { reader_zip_error_fini()(&error) }
    // libzip reads the bytes through `ZipSource`, which holds them (no copy of a 20 MB book
    // before its first page); the source is libzip's to free, and frees the holder with it.
    let holder = Unmanaged.passRetained(holding)
    guard let source = reader_zip_source_function_create()(ZipSource.callback, holder.toOpaque(), &error)
    else {
      holder.release()
      throw ZipError.notAnArchive
    }
    Self.settleTimeZone()
    let opened = reader_zip_open_from_source()(source, ZIP_RDONLY, &error)
    guard let archive = opened else {
      reader_zip_source_free()(source)
      throw ZipError.notAnArchive
    }
    let count = reader_zip_get_num_entries()(archive, 0)
    guard count >= 0, count <= limits.entries else {
      reader_zip_discard()(archive)
      throw count < 0 ? ZipError.notAnArchive : ZipError.tooManyEntries(Int(count))
    }
    // Names are looked up in libzip's own table of them, made while opening: copying 2,650
    // names of a long book out into a Swift dictionary came before its first page.
    self.archive = archive
    self.limits = limits
    self.count = Int(count)
  }

  /// Whether libzip, opened the first time an archive is, loads.
  static var libraryLoads: Bool { reader_zip_library() != nil }

  /// Sets the TZ variable, when it is not set, to the zone glibc reads without it, and leaves it
  /// so: the same zone for every local time the process shows.
  ///
  /// libzip 1.7 turns every entry's DOS time into a `time_t` with `mktime` while it opens the
  /// archive, and glibc's `mktime` looks at /etc/localtime again (a `stat`) on each call unless TZ
  /// is set: 2,650 of them took 5 to 15 ms before a long book's first page, 0.4 ms with TZ set.
  /// It is set once and never unset, so that an archive opened on another thread (a reload, a
  /// folder's book titles) never changes the environment while a thread reads it; a caller that
  /// starts such a thread calls this first, on its own thread.
  public static func settleTimeZone() {
    if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
  }

  deinit {
    reader_zip_discard()(archive)
  }

  /// The entry names, in the order of the archive's central directory.
  public var names: [String] { textNames().names }

  /// Whether the archive has an entry named `name`.
  public func contains(_ name: String) -> Bool { index(of: name) != nil }

  /// The index of the first entry named `name`: as libzip spells names, else (a name written in
  /// another Unicode normalization) as Swift compares strings.
  private func index(of name: String) -> Int? {
    let found = reader_zip_name_locate()(archive, name, 0)
    if found >= 0 { return Int(found) }
    guard name.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
    return textNames().indexes[name]
  }

  private func textNames() -> (names: [String], indexes: [String: Int]) {
    if let namesByText { return namesByText }
    var names: [String] = []
    var indexes: [String: Int] = [:]
    for index in 0..<count {
      guard let name = reader_zip_get_name()(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_GUESS))
      else {
        continue
      }
      let text = String(cString: name)
      names.append(text)
      if indexes[text] == nil { indexes[text] = index }
    }
    namesByText = (names, indexes)
    return (names, indexes)
  }

  /// The whole inflated content of entry `name`.
  public func read(_ name: String) throws(ZipError) -> [UInt8] {
    guard let index = index(of: name) else { throw ZipError.missingEntry(name) }
    guard let file = reader_zip_fopen_index()(archive, zip_uint64_t(index), 0) else {
      let code = reader_zip_error_code_zip()(reader_zip_get_error()(archive))
      throw code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP
        ? ZipError.encryptedEntry(name) : ZipError.damagedEntry(name)
    }
    defer { reader_zip_fclose()(file) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes {
        reader_zip_fread()(file, $0.baseAddress, zip_uint64_t($0.count))
      }
      if count < 0 { throw ZipError.damagedEntry(name) }
      if count == 0 { break }
      bytesRead += Int(count)
      if result.count + Int(count) > limits.entryBytes || bytesRead > limits.totalBytes {
        throw ZipError.tooLarge(name)
      }
      result.append(contentsOf: chunk[0..<Int(count)])
    }
    return result
  }
}
