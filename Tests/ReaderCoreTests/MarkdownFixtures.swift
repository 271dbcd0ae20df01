import Foundation
import ReaderCore
import XCTest

/// The Markdown documents under `Tests/Fixtures/markdown`, written for these tests.
enum MarkdownFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/markdown")

  /// The text of `name`; fails the test (never skips) when it is missing.
  static func text(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let url = directory.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail("test fixture missing: \(url.path)", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    return String(decoding: data, as: UTF8.self)
  }

  static func document(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Document
  {
    MarkdownParser().parse(try text(name, file: file, line: line), title: name)
  }

  /// The path of `name`, for tests that open it as the viewer would.
  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
