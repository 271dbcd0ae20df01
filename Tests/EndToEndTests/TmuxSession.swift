import Foundation

/// A tmux server on a private socket running one command, for driving the real binary.
final class TmuxSession {
  let socket: String
  let name = "main"
  private var environmentState: String?

  /// `terminalLibrary`, a shared library, is loaded into the tmux server (not into `command`), to
  /// change how tmux itself measures characters (`libAmbiguousWideTerminal.so`).
  init(
    command: String, width: Int, height: Int, environment: [String: String] = [:], terminalLibrary: URL? = nil
  ) throws {
    socket = "reader-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    // Each session remembers reading positions in a folder of its own, so no test (and no
    // developer's own reading) moves where another one opens.
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("reader-state-\(UUID())").path
    // LC_ALL and LC_MESSAGES would win over LANG and choose the interface language (a developer's
    // zh_TW.UTF-8 would make every screen Chinese): empty, they are as good as unset.
    var env = [
      "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "TERM": "xterm-256color",
      "SWIFT_BACKTRACE": "enable=no",
      "XDG_STATE_HOME": state,
    ]
    if terminalLibrary != nil { env["LD_PRELOAD"] = "" }
    env.merge(environment) { $1 }
    environmentState = env["XDG_STATE_HOME"] == state ? state : nil
    let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(
      separator: " ")
    let start = [
      "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
      "env \(exports) \(command)",
    ]
    if let terminalLibrary {
      // The server this starts keeps the library; the command's environment drops it again.
      _ = try Spawn.output(of: ["env", "LD_PRELOAD=\(terminalLibrary.path)", "tmux", "-L", socket] + start)
    } else {
      try tmux(start)
    }
    try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
  }

  deinit {
    _ = try? tmux(["kill-server"])
    if let state = environmentState { try? FileManager.default.removeItem(atPath: state) }
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs a tmux client command and returns what it printed.
  ///
  /// Spawned directly rather than with Foundation's Process: the first command starts the tmux
  /// server, which outlives it and inherits descriptors, and Process then never saw it finish.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try Spawn.output(of: ["tmux", "-L", socket] + arguments)
  }

  func send(_ keys: String...) throws {
    try send(keys)
  }

  func send(_ keys: [String]) throws {
    try tmux(["send-keys", "-t", name] + keys)
  }

  func capture() throws -> [String] {
    let text = try tmux(["capture-pane", "-p", "-t", name])
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The screen with its colours and attributes, as the escape sequences tmux keeps for them.
  func captureStyled() throws -> [String] {
    let text = try tmux(["capture-pane", "-p", "-e", "-t", name])
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Polls the styled screen (`captureStyled`) until `predicate` holds or the time runs out, and
  /// returns the plain screen read right after it held, or the last one.
  @discardableResult
  func waitForStyled(timeout: TimeInterval = 20, _ predicate: ([String]) -> Bool) throws -> [String] {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if predicate(try captureStyled()) { return try capture() }
      usleep(50_000)
    }
    return try capture()
  }

  func display(_ format: String) throws -> String {
    try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the screen until `predicate` holds or the time runs out; returns the last screen.
  ///
  /// Once it holds, the screen is read again after a moment, so that a frame caught half drawn
  /// (the first rows new, the rest not yet) is not what the test goes on to check.
  @discardableResult
  func waitFor(timeout: TimeInterval = 20, _ predicate: ([String]) -> Bool) throws -> [String] {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = try capture()
    while Date() < deadline {
      if predicate(screen) {
        usleep(150_000)
        let settled = try capture()
        if predicate(settled) { return settled }
        screen = settled
        continue
      }
      usleep(50_000)
      screen = try capture()
    }
    return screen
  }

  /// Waits until the program has exited and returns its exit status.
  func waitForExit(timeout: TimeInterval = 10) throws -> Int? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try display("#{pane_dead}") == "1" { return Int(try display("#{pane_dead_status}")) }
      usleep(50_000)
    }
    return nil
  }
}
