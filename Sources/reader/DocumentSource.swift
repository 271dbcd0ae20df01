import FoundationEssentials
import Glibc
import ReaderAssets
import ReaderCore

/// Where the document comes from: the bundled article, a file, or standard input.
///
/// With no FILE, standard input is the document when it is redirected from a pipe, a socket or
/// a file and holds at least one byte (`cmd | reader`); a terminal, /dev/null, a closed
/// descriptor or an empty pipe opens the bundled article instead, so that `reader` run by a
/// program that gives it no input still shows something. Like `less` and `cat`, a pipe whose
/// writer never finishes is waited for.
enum DocumentSource {
  case bundled
  case file(String)
  case standardInput
  /// No FILE and a redirected standard input: standard input if it is not empty, else the bundled article.
  case standardInputOrBundled

  init(argument: String?, standardInputIsRedirected: Bool = DocumentSource.standardInputIsRedirected()) {
    switch argument {
    case nil: self = standardInputIsRedirected ? .standardInputOrBundled : .bundled
    case "-": self = .standardInput
    case let path?: self = .file(path)
    }
  }

  /// Whether standard input comes from a pipe, a socket or a regular file, rather than from a
  /// terminal, another character device such as /dev/null, or nothing at all.
  static func standardInputIsRedirected() -> Bool {
    var info = stat()
    guard fstat(STDIN_FILENO, &info) == 0 else { return false }
    let type = info.st_mode & S_IFMT
    return type == S_IFIFO || type == S_IFREG || type == S_IFSOCK
  }

  var title: String {
    switch self {
    case .bundled: return BundledArticle.name
    case .standardInput, .standardInputOrBundled: return "stdin"
    case .file(let path): return String(path.split(separator: "/").last ?? Substring(path))
    }
  }

  /// Whether bytes in `encoding` from this source are plain text rather than Markdown: a `.txt`
  /// or `.text` file, or anything not named `.md`/`.markdown` in a legacy encoding (GB18030 and
  /// Big5 files are novels and notes, practically never Markdown).
  func isPlainText(encoding: SourceEncoding) -> Bool {
    var lowered = ""
    if case .file(let path) = self { lowered = path.lowercased() }
    if lowered.hasSuffix(".txt") || lowered.hasSuffix(".text") { return true }
    let isMarkdown = [".md", ".markdown", ".mdown", ".mkd"].contains { lowered.hasSuffix($0) }
    return !isMarkdown && !encoding.isUTF8 && !encoding.name.hasPrefix("UTF-")
  }

  /// Reads the bytes, or throws a `ReaderError` that names the reason.
  func readBytes() throws -> [UInt8] {
    switch self {
    case .bundled:
      return BundledArticle.bytes
    case .standardInput, .standardInputOrBundled:
      return try Self.readAll(descriptor: STDIN_FILENO, path: "-")
    case .file(let path):
      let descriptor = Self.rawArgument(decodingTo: path).withUnsafeBufferPointer {
        open($0.baseAddress!, O_RDONLY)
      }
      if descriptor < 0 { throw Self.openError(path: path, code: errno) }
      defer { close(descriptor) }
      var info = stat()
      if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        throw Self.openError(path: path, code: EISDIR)
      }
      return try Self.readAll(descriptor: descriptor, path: path)
    }
  }

  /// The bytes of the command-line argument that reads as `path`, NUL-terminated.
  ///
  /// A file name need not be UTF-8, but Swift's `String` arguments have invalid bytes replaced
  /// by U+FFFD, and that name would not open; the original bytes do.
  static func rawArgument(decodingTo path: String) -> [CChar] {
    for index in 1..<Int(CommandLine.argc) {
      guard let pointer = CommandLine.unsafeArgv[index] else { continue }
      let length = strlen(pointer)
      let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
      if String(decoding: bytes, as: UTF8.self) == path {
        return Array(UnsafeBufferPointer(start: pointer, count: length + 1))
      }
    }
    return Array(path.utf8CString)
  }

  /// The name the command line was given, for messages.
  var argument: String {
    switch self {
    case .bundled: return BundledArticle.name
    case .standardInput, .standardInputOrBundled: return "-"
    case .file(let path): return path
    }
  }

  /// Reads and parses the document; a file that looks binary is refused unless `options.force`.
  func loadDocument(_ options: ImportOptions = ImportOptions()) throws -> Document {
    let (source, bytes) = try readSource()
    return try source.parse(bytes, options, name: argument)
  }

  /// The source the bytes really came from (an empty pipe falls back to the bundled article).
  func readSource() throws -> (source: DocumentSource, bytes: [UInt8]) {
    let bytes = try readBytes()
    if case .standardInputOrBundled = self, bytes.isEmpty {
      return (.bundled, try DocumentSource.bundled.readBytes())
    }
    return (self, bytes)
  }

  /// The document, and the key its reading position is remembered under (see `PositionStore`).
  func load(_ options: ImportOptions = ImportOptions()) throws -> (document: Document, key: DocumentKey) {
    let (source, bytes) = try readSource()
    return (try source.parse(bytes, options, name: argument), source.key(for: bytes))
  }

  /// The key a reading position is remembered under: the resolved path and a content hash.
  ///
  /// Past 4 MB only the first and last megabyte and the size are hashed, so that opening a huge
  /// file does not wait for a pass over all of it.
  func key(for bytes: [UInt8]) -> DocumentKey {
    bytes.count > Self.keyWholeLimit
      ? key(
        head: Array(bytes.prefix(Self.keyEnd)), tail: Array(bytes.suffix(Self.keyEnd)), count: bytes.count)
      : DocumentKey(path: rememberedPath, contentHash: ContentHash.fnv1a64(bytes))
  }

  /// The same key read from `file` itself: past 4 MB only its two ends are read, so the key of a
  /// large file does not wait for (or hold) all of it.
  func key(of file: OpenFile) throws -> DocumentKey {
    let count = try file.size()
    guard count > Self.keyWholeLimit else { return key(for: try file.readAll()) }
    let (head, tail) = (
      try file.readStart(Self.keyEnd), try file.read(at: count - Self.keyEnd, count: Self.keyEnd)
    )
    return key(head: head, tail: tail, count: count)
  }

  private static let keyWholeLimit = 4 << 20
  private static let keyEnd = 1 << 20

  private func key(head: [UInt8], tail: [UInt8], count: Int) -> DocumentKey {
    DocumentKey(
      path: rememberedPath, contentHash: ContentHash.fnv1a64(head + tail + Array(String(count).utf8)))
  }

  /// Whether the bytes are a book: by content (the EPUB container's first entry), or a zip named `.epub`.
  func isEPUB(_ bytes: [UInt8]) -> Bool {
    if EPUBDetector.isEPUB(bytes) { return true }
    guard case .file(let path) = self else { return false }
    return path.lowercased().hasSuffix(".epub")
  }

  /// Decodes and parses bytes read from this source; `name` is what an error calls it.
  func parse(_ bytes: [UInt8], _ options: ImportOptions, name: String) throws -> Document {
    if isEPUB(bytes) {
      do {
        var importer = try EPUBImporter(bytes: bytes)
        return try importer.document(fallbackTitle: title)
      } catch {
        throw ReaderError.unreadable(path: name, reason: error.reason)
      }
    }
    let decoded = SourceDecoder.decode(bytes, encoding: options.encoding)
    if decoded.looksBinary && !options.force { throw ReaderError.binaryFile(path: name) }
    var document =
      isPlainText(encoding: decoded.encoding)
      ? PlainTextParser(reflow: options.reflow).parse(decoded.text, title: title)
      : MarkdownParser().parse(decoded.text, title: title)
    document.notice = decoded.notice
    document.encodingLabel = decoded.encodingLabel
    return document
  }

  /// The path a position is remembered under: the file's absolute path with links resolved, or
  /// a name for the documents that have no path.
  var rememberedPath: String {
    switch self {
    case .bundled: return "bundled:" + BundledArticle.name
    case .standardInput, .standardInputOrBundled: return "stdin"
    case .file(let path):
      if let resolved = realpath(path, nil) {
        defer { free(resolved) }
        return String(cString: resolved)
      }
      return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
  }

  /// A regular file larger than `size` bytes, opened, and its first `size` bytes: the rest is
  /// read later from the open file (`OpenFile.readAll`). Only its first `headSize` bytes when
  /// `decided` says those are enough: a book is read where libzip looks, and a mebibyte read
  /// first was a millisecond of its first page. Nil for the other sources and for smaller files,
  /// which are read whole as before.
  func readStart(_ size: Int, head headSize: Int, decided: ([UInt8]) -> Bool) throws -> (
    start: [UInt8], file: OpenFile
  )? {
    guard case .file(let path) = self else { return nil }
    let descriptor = Self.rawArgument(decodingTo: path).withUnsafeBufferPointer {
      open($0.baseAddress!, O_RDONLY)
    }
    if descriptor < 0 { throw Self.openError(path: path, code: errno) }
    let file = OpenFile(descriptor: descriptor, path: path)
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw Self.openError(path: path, code: errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw Self.openError(path: path, code: EISDIR) }
    guard (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > size else { return nil }
    // The head and the rest are read into one array: joining two copied the start, and faulted
    // its pages in twice, before the first screen.
    var failure: Int32 = 0
    var tooLarge = false
    let start = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      let storage = UnsafeMutableRawBufferPointer(buffer)
      let headCount = file.read(
        at: 0, into: UnsafeMutableRawBufferPointer(rebasing: storage[..<min(headSize, size)]))
      guard headCount >= 0 else {
        failure = errno
        return
      }
      count = headCount
      if headCount < headSize || headCount == size || decided(Array(buffer[..<headCount])) { return }
      // A book is read where libzip looks; any other file is held whole once it has loaded.
      guard Int(info.st_size) <= Self.fileLimit else {
        tooLarge = true
        return
      }
      let restCount = file.read(
        at: headCount, into: UnsafeMutableRawBufferPointer(rebasing: storage[headCount...]))
      guard restCount >= 0 else {
        failure = errno
        return
      }
      count += restCount
    }
    if failure != 0 { throw Self.openError(path: path, code: failure) }
    if tooLarge { throw Self.tooLargeError(path: path, size: Int(info.st_size)) }
    return (start, file)
  }

  /// The largest file read whole (a book is read where libzip looks): a document is held in
  /// memory with its layout, two to three times its size, and a larger one (or a sparse file
  /// of gigabytes of zeros) ran out of memory and crashed instead of saying so.
  static let fileLimit = 1 << 30

  static func tooLargeError(path: String, size: Int) -> ReaderError {
    // Rounded up, so a file just past the bound never reads as the bound itself.
    let gibibytes = (Double(size) / Double(1 << 30) * 10).rounded(.up) / 10
    return .unreadable(
      path: path,
      reason: "larger than the \(fileLimit >> 30) GiB the reader holds in memory (it is \(gibibytes) GiB)")
  }

  /// The most read from a pipe, a socket or a device, whose end is not known until it comes (and
  /// on past a regular file's size, when it grows as it is read): more is refused rather than
  /// held, so `reader /dev/zero` or `yes | reader -` says so at once instead of filling the
  /// memory before anything shows.
  static let streamLimit = 256 << 20

  static func readAll(descriptor: Int32, path: String, streamLimit: Int = streamLimit) throws -> [UInt8] {
    var info = stat()
    guard fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 else {
      return try readChunks(descriptor: descriptor, path: path, limit: streamLimit)
    }
    // A regular file's size is known: read straight into one array of that size, not through a
    // chunk copied on (a 20 MB book before its first page).
    let size = Int(info.st_size)
    guard size <= fileLimit else { throw tooLargeError(path: path, size: size) }
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      while count < size {
        let got = read(descriptor, buffer.baseAddress! + count, size - count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { return }
        count += got
      }
    }
    if failure != 0 { throw openError(path: path, code: failure) }
    // A file that grew since it was measured is read on to its end.
    if bytes.count == size { bytes += try readChunks(descriptor: descriptor, path: path, limit: streamLimit) }
    return bytes
  }

  /// What is left to read from `descriptor`, a chunk at a time (a pipe, a terminal); throws once
  /// more than `limit` bytes have come.
  private static func readChunks(descriptor: Int32, path: String, limit: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    // Left uninitialized: after a whole regular file this read finds only its end, and a zeroed
    // mebibyte was a quarter of the page faults before the first screen of a small file.
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let count = read(descriptor, chunk.baseAddress, chunk.count)
      if count < 0 {
        if errno == EINTR { continue }
        throw openError(path: path, code: errno)
      }
      if count == 0 { break }
      guard bytes.count + count <= limit else {
        throw ReaderError.unreadable(
          path: path,
          reason:
            "more than \(limit >> 20) MiB from a pipe or a device, which is read whole (save it to a file to read it)"
        )
      }
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
    }
    return bytes
  }

  static func openError(path: String, code: Int32) -> ReaderError {
    let reason = String(cString: strerror(code))
    let status: Int32 = code == EACCES || code == EPERM ? 77 : 66
    return .cannotOpen(path: path, reason: reason, status: status)
  }
}
