import Foundation
import XCTest

/// Compares text with `Snapshots/<name>.txt` beside this file; records it when missing or when
/// RECORD_SNAPSHOTS=1 is set (and fails, so a recording is never mistaken for a pass).
func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
  let directory = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent(
    "Snapshots")
  let url = directory.appendingPathComponent(name + ".txt")
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? text.write(to: url, atomically: true, encoding: .utf8)
    XCTFail("recorded snapshot \(name); check it and run again", file: file, line: line)
    return
  }
  if expected != text {
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = text.components(separatedBy: "\n")
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let old = index < expectedLines.count ? expectedLines[index] : "<none>"
      let new = index < actualLines.count ? actualLines[index] : "<none>"
      if old != new { diff.append("line \(index + 1):\n- \(old)\n+ \(new)") }
    }
    XCTFail("snapshot \(name) differs:\n" + diff.prefix(8).joined(separator: "\n"), file: file, line: line)
  }
}
