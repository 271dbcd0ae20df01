import Foundation
import XCTest

/// The reader works wherever it is started: any locale, any folder, a copied binary.
final class EnvironmentTests: XCTestCase {
  func testCJKShowsUnderLocalesThatAreNotUTF8() throws {
    for locale in ["C", "POSIX", ""] {
      let unset = locale.isEmpty ? "-u LANG " : "LANG=\(locale) "
      let command =
        "env -u LC_ALL -u LC_CTYPE \(unset)\(TmuxSession.quote(ReaderProcess.executable.path)) --no-remember"
      let session = try TmuxSession(
        command: "sh -c \(TmuxSession.quote(command + "; echo reader-exit=$?; sleep 30"))", width: 100,
        height: 30)
      let screen = try session.waitFor { $0.joined().contains("整理說明") || $0.joined().contains("reader-exit") }
      XCTAssertTrue(screen.joined().contains("整理說明"), "LANG=\(locale): \(screen.joined(separator: "\n"))")
      XCTAssertTrue(screen[0].contains("│ 好的，我來整理"), "LANG=\(locale): \(screen[0])")
      try session.send("q")
      XCTAssertTrue(
        try session.waitFor { $0.joined().contains("reader-exit=0") }.joined().contains("reader-exit=0"))
    }
  }

  func testACopiedBinaryCarriesTheArticleAndWorksFromAnyFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-copy-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("reader")
    try FileManager.default.copyItem(at: ReaderProcess.executable, to: copy)
    let process = Process()
    process.executableURL = copy
    process.arguments = ["--print"]
    process.currentDirectoryURL = URL(fileURLWithPath: "/")
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("整理說明:"))
  }
}
