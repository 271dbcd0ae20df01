import ReaderCore

/// Failures that end the program with a one-line message and a sysexits status.
enum ReaderError: Error {
  case cannotOpen(path: String, reason: String, status: Int32)
  case noTerminal(String)
  case binaryFile(path: String)
  /// A file that opened but whose content cannot be read (a damaged or encrypted book).
  case unreadable(path: String, reason: String)

  /// The message; a path can hold any bytes, so it is made drawable before it reaches stderr.
  var message: String {
    switch self {
    case .cannotOpen(let path, let reason, _):
      return "cannot open '\(VisibleText.singleLine(path))': \(reason)"
    case .noTerminal(let reason): return VisibleText.singleLine(reason)
    case .binaryFile(let path):
      return "'\(VisibleText.singleLine(path))' looks like a binary file (use --force to open it anyway)"
    case .unreadable(let path, let reason):
      return "cannot open '\(VisibleText.singleLine(path))': \(reason)"
    }
  }

  /// The message as a status line note, in the interface's language.
  var note: Message {
    switch self {
    case .cannotOpen(let path, let reason, _), .unreadable(let path, let reason):
      return .cannotOpen(path: path, reason: reason)
    case .noTerminal(let reason): return .verbatim(reason)
    case .binaryFile(let path): return .looksBinary(path: path)
    }
  }

  var status: Int32 {
    switch self {
    case .cannotOpen(_, _, let status): return status
    case .noTerminal: return 2
    case .binaryFile: return 66
    case .unreadable: return 65
    }
  }
}
