import Foundation
import XCTest

/// A document under `Tests/Fixtures/markdown/`, read from the repository.
enum FixtureFile {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/markdown")

  /// The text of fixture `name`; fails the test (never skips) when it is missing.
  static func text(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let url = directory.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail("fixture missing: Tests/Fixtures/markdown/\(name)", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    return String(decoding: data, as: UTF8.self)
  }
}
