import Foundation

/// Starts the built `reader` in tmux through a shell that reports its exit status on screen.
enum ReaderShell {
  /// The repository's top folder.
  static var packageRoot: URL {
    URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The shell command that runs the binary and then prints `reader-exit=STATUS`.
  static func shellCommand(_ arguments: [String] = []) -> String {
    let quoted = ([ReaderProcess.executable.path] + arguments).map(TmuxSession.quote).joined(separator: " ")
    return "sh -c \(TmuxSession.quote("\(quoted); echo \"reader-exit=$?\"; sleep 60"))"
  }
}
