import FoundationEssentials
import Glibc
import ReaderCore

/// Remembers reading positions between runs: one small JSON file per document, written atomically.
///
/// Files live in `$XDG_STATE_HOME/reader/` (default `~/.local/state/reader/`). Reading never
/// reports anything: a missing, unreadable, oversized or corrupt file, or one written for
/// other content, simply means there is nothing to restore.
struct PositionStore {
  /// A state file holds a few hundred bytes; anything much larger is not one of ours.
  static let maximumFileSize = 64 * 1024

  /// What one state file holds; the title, progress and time (for the shelf) are absent from
  /// files written before the shelf existed.
  private struct Entry: Codable {
    var version: Int
    var path: String
    var contentHash: String
    var position: ReadingPosition
    var title: String?
    var progress: Int?
    var lastRead: Double?
  }

  /// A remembered document as the shelf lists it.
  struct Remembered {
    var path: String
    var title: String?
    var progress: Int?
    var lastRead: Double?
  }

  /// At most this many state files are read for the shelf.
  static let maximumShelfEntries = 10_000

  private static let version = 1

  /// The directory the state files go in.
  let directory: String

  init(directory: String) {
    self.directory = directory
  }

  /// The store in the XDG state directory named by `environment`, or nil when neither
  /// `XDG_STATE_HOME` nor `HOME` gives an absolute path. A relative `XDG_STATE_HOME` is
  /// ignored, as the XDG Base Directory specification asks.
  static func standard(environment: (String) -> String? = StandardStream.environment) -> PositionStore? {
    if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
      return PositionStore(directory: state + "/reader")
    }
    if let home = environment("HOME"), home.hasPrefix("/") {
      return PositionStore(directory: home + "/.local/state/reader")
    }
    return nil
  }

  func path(for key: DocumentKey) -> String {
    directory + "/" + key.fileName
  }

  /// The position remembered for `key`, or nil if there is none that fits this content.
  func load(for key: DocumentKey) -> ReadingPosition? {
    guard let bytes = Self.readSmallFile(path(for: key)), let place = Self.place(in: bytes),
      place.version == Self.version, place.path == key.path,
      place.contentHash == ContentHash.hex(key.contentHash)
    else { return nil }
    return place.position
  }

  /// The place a state file holds: read by `PositionFileReader` when the file is as `save` writes
  /// it (before the first screen, JSONDecoder was 8% of the instructions), else by JSONDecoder.
  static func place(in bytes: [UInt8]) -> PositionFileReader.Place? {
    PositionFileReader.read(bytes) ?? decodedPlace(in: bytes)
  }

  /// The place a state file holds as JSONDecoder reads it.
  static func decodedPlace(in bytes: [UInt8]) -> PositionFileReader.Place? {
    guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)) else { return nil }
    return PositionFileReader.Place(
      version: entry.version, path: entry.path, contentHash: entry.contentHash, position: entry.position)
  }

  /// Writes the position for `key`: into a temporary file in the same directory, then renamed
  /// over the old one, so a reader (or a crash) never sees half a file.
  func save(
    _ position: ReadingPosition, for key: DocumentKey, title: String? = nil, progress: Int? = nil,
    lastRead: Double? = nil
  ) throws {
    let entry = Entry(
      version: Self.version, path: key.path, contentHash: ContentHash.hex(key.contentHash),
      position: position,
      title: title, progress: progress, lastRead: lastRead
    )
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try writeAtomically(try encoder.encode(entry), named: key.fileName)
  }

  /// Writes `data` to the file `name` in the directory through a temporary file renamed over it.
  func writeAtomically(_ data: Data, named name: String) throws {
    try Self.makeDirectory(directory)
    var template = Array((directory + "/." + name + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw Self.failure("cannot create a file in \(directory)") }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var written = false
    defer { if !written { unlink(temporary) } }
    let complete = data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return false }
        offset += count
      }
      return true
    }
    // Without fsync a crash right after the rename can leave an empty file on some file systems.
    let synced = complete && fsync(descriptor) == 0
    close(descriptor)
    guard synced else { throw Self.failure("cannot write \(temporary)") }
    guard rename(temporary, directory + "/" + name) == 0 else {
      throw Self.failure("cannot rename \(temporary)")
    }
    written = true
  }

  /// Every remembered document, in no particular order; files that are not ours are skipped.
  func remembered() -> [Remembered] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    var found: [Remembered] = []
    for name in names.prefix(Self.maximumShelfEntries) where name.hasSuffix(".json") && !name.hasPrefix(".") {
      guard let data = Self.readSmallFile(directory + "/" + name),
        let entry = try? JSONDecoder().decode(Entry.self, from: Data(data)), entry.version == Self.version,
        name == DocumentKey(path: entry.path, contentHash: 0).fileName
      else { continue }
      found.append(
        Remembered(path: entry.path, title: entry.title, progress: entry.progress, lastRead: entry.lastRead))
    }
    return found
  }

  /// The remembered document at `path`, if any.
  func remembered(path: String) -> Remembered? {
    guard let data = Self.readSmallFile(directory + "/" + DocumentKey(path: path, contentHash: 0).fileName),
      let entry = try? JSONDecoder().decode(Entry.self, from: Data(data)), entry.version == Self.version,
      entry.path == path
    else { return nil }
    return Remembered(
      path: entry.path, title: entry.title, progress: entry.progress, lastRead: entry.lastRead)
  }

  /// Forgets what was remembered of the document at `path`.
  func forget(path: String) {
    unlink(directory + "/" + DocumentKey(path: path, contentHash: 0).fileName)
  }

  /// The whole file if it is a regular file no larger than `maximumFileSize`, else nil.
  static func readSmallFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maximumFileSize
    else { return nil }
    // One byte more than the file holds, to see that it ended: a file that grew while it was read is
    // being written in place, not by a rename as ours are, and is not taken. (A buffer of
    // `maximumFileSize` zeroed 64 KiB for a file of a few hundred bytes.)
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var total = 0
    while total < bytes.count {
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, $0.count - total) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { break }
      total += count
    }
    guard total < bytes.count else { return nil }
    bytes.removeLast(bytes.count - total)
    return bytes
  }

  /// Creates `path` and its missing parents, readable by the owner only (positions say what one reads).
  private static func makeDirectory(_ path: String) throws {
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else { throw failure("\(path) is not a directory") }
      return
    }
    let parent = PathText.folder(of: path)
    if !parent.isEmpty && parent != path { try makeDirectory(parent) }
    if mkdir(path, 0o700) != 0 && errno != EEXIST { throw failure("cannot create \(path)") }
  }

  private static func failure(_ reason: String) -> PositionStoreError {
    PositionStoreError(reason: reason + ": " + String(cString: strerror(errno)))
  }
}

/// Why a position could not be saved; the viewer ignores it, tests read it.
struct PositionStoreError: Error, CustomStringConvertible {
  var reason: String
  var description: String { reason }
}
