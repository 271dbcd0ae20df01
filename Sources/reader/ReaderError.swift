/// Failures that end the program with a one-line message and a sysexits status.
enum ReaderError: Error {
  case cannotOpen(path: String, reason: String, status: Int32)
  case noTerminal(String)

  var message: String {
    switch self {
    case .cannotOpen(let path, let reason, _): return "cannot open '\(path)': \(reason)"
    case .noTerminal(let reason): return reason
    }
  }

  var status: Int32 {
    switch self {
    case .cannotOpen(_, _, let status): return status
    case .noTerminal: return 2
    }
  }
}
