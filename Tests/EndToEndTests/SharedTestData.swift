import Foundation
import XCTest

/// The project's shared test data: `../shared/testdata` beside the repository (CI copies it there).
enum SharedTestData {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let directory = repository.deletingLastPathComponent().appendingPathComponent("shared/testdata")

  /// The contents of `path` under the shared test data; fails the test (never skips) when absent.
  static func bytes(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
    let url = directory.appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail(
        "shared test data missing: \(url.standardizedFileURL.path) (expected ../shared beside the repository)",
        file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    return Array(data)
  }
}
