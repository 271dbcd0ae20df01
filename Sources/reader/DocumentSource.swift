import Glibc
import ReaderAssets
import ReaderCore

/// Where the document comes from: the bundled article, a file, or standard input.
enum DocumentSource {
  case bundled
  case file(String)
  case standardInput

  init(argument: String?) {
    switch argument {
    case nil: self = .bundled
    case "-": self = .standardInput
    case let path?: self = .file(path)
    }
  }

  var title: String {
    switch self {
    case .bundled: return BundledArticle.name
    case .standardInput: return "stdin"
    case .file(let path): return String(path.split(separator: "/").last ?? Substring(path))
    }
  }

  var isPlainText: Bool {
    guard case .file(let path) = self else { return false }
    let lowered = path.lowercased()
    return lowered.hasSuffix(".txt") || lowered.hasSuffix(".text")
  }

  /// Reads the bytes, or throws a `ReaderError` that names the reason.
  func readBytes() throws -> [UInt8] {
    switch self {
    case .bundled:
      return BundledArticle.bytes
    case .standardInput:
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
    case .standardInput: return "-"
    case .file(let path): return path
    }
  }

  /// Reads and parses the document; a file that looks binary is refused unless `force` is set.
  func loadDocument(force: Bool = false) throws -> Document {
    let decoded = SourceDecoder.decode(try readBytes())
    if decoded.looksBinary && !force { throw ReaderError.binaryFile(path: argument) }
    var document =
      isPlainText
      ? PlainTextParser().parse(decoded.text, title: title)
      : MarkdownParser().parse(decoded.text, title: title)
    document.notice = decoded.notice
    return document
  }

  private static func readAll(descriptor: Int32, path: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw openError(path: path, code: errno)
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }

  private static func openError(path: String, code: Int32) -> ReaderError {
    let reason = String(cString: strerror(code))
    let status: Int32 = code == EACCES || code == EPERM ? 77 : 66
    return .cannotOpen(path: path, reason: reason, status: status)
  }
}
