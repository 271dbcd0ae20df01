import Foundation
import XCTest

/// Finds the built `reader` executable beside the test bundle and runs it.
enum ReaderBinary {
  static var url: URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
    for candidate in [directory, directory.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent("reader")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return directory.appendingPathComponent("reader")
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Runs the binary with arguments and optional standard input; returns status and output.
  static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws
    -> (status: Int32, stdout: Data, stderr: String)
  {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    env.merge(environment) { $1 }
    process.environment = env
    let output = Pipe()
    let errors = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = inputPipe
    try process.run()
    if let input {
      DispatchQueue.global().async {
        inputPipe.fileHandleForWriting.write(input)
        try? inputPipe.fileHandleForWriting.close()
      }
    } else {
      try? inputPipe.fileHandleForWriting.close()
    }
    let stderr = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      stderr.data = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, stdout, String(decoding: stderr.data, as: UTF8.self))
  }

  /// The shell command that starts the binary in tmux and reports its exit status on screen.
  static func shellCommand(_ arguments: [String] = []) -> String {
    let quoted = ([url.path] + arguments).map(TmuxSession.quote).joined(separator: " ")
    return "sh -c \(TmuxSession.quote("\(quoted); echo \"reader-exit=$?\"; sleep 60"))"
  }
}

/// Data filled in by another thread; read only after that thread signalled it is done.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
