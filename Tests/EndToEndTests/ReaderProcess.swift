import Foundation
import XCTest

/// Runs the built `reader` binary with arguments and standard input, as a shell pipeline would.
struct ReaderProcess {
  /// What one run gave back.
  struct Output {
    var status: Int32
    var standardOutput: [UInt8]
    var standardError: String

    var text: String { String(decoding: standardOutput, as: UTF8.self) }
  }

  /// The built product, beside the test bundle.
  static var executable: URL {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("reader")
      }
    #endif
    return Bundle.main.bundleURL.appendingPathComponent("reader")
  }

  static func run(
    _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
    executable: URL = Self.executable, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Output {
    let path = executable.path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      XCTFail("the reader binary is missing at \(path): run swift build first", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    env.merge(environment) { $1 }
    process.environment = env
    let standardInput = Pipe()
    let standardOutput = Pipe()
    let standardError = Pipe()
    process.standardInput = standardInput
    process.standardOutput = standardOutput
    process.standardError = standardError
    try process.run()
    // Write and read on separate threads so that neither pipe can fill up and block the other.
    let writer = Thread {
      standardInput.fileHandleForWriting.write(Data(input))
      try? standardInput.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = ErrorCollector(standardError.fileHandleForReading)
    let outputData = standardOutput.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, standardOutput: Array(outputData),
      standardError: String(decoding: errorData.wait(), as: UTF8.self))
  }
}

/// Reads a pipe to its end on its own thread.
private final class ErrorCollector: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
