import Foundation
import XCTest

/// Data files the tests read from the repository's `Tests/Fixtures` (such as OpenCC's test cases).
enum TestFixtures {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let directory = repository.appendingPathComponent("Tests/Fixtures")

  /// The contents of `path` under `Tests/Fixtures`; fails the test (never skips) when absent.
  static func bytes(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
    let url = directory.appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail("test fixture missing: \(url.standardizedFileURL.path)", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    return Array(data)
  }
}
