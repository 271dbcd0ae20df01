/// Why `r` could not read the document again, for the status line to say.
public enum ReloadFailure: Hashable, Sendable {
  /// The document came through a pipe, which cannot be read a second time.
  case standardInput
  /// The bundled article is part of the program, not a file on disk.
  case bundledArticle
  /// The file is gone (deleted or renamed away): the screen keeps what was read.
  case missing
  /// The file is there but cannot be read or parsed; the reason, as the opening would say it.
  case unreadable(String)

  /// What the status line says.
  public var message: String {
    switch self {
    case .standardInput: return "cannot reload: the text came from standard input"
    case .bundledArticle: return "cannot reload: the bundled article is not a file"
    case .missing: return "cannot reload: the file is gone (the text on screen is what was read)"
    case .unreadable(let reason): return "cannot reload: " + VisibleText.singleLine(reason)
    }
  }
}
