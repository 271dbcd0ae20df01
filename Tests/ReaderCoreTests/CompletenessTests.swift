import Foundation
import XCTest

@testable import ReaderCore

/// Nothing dropped, nothing doubled: for every Markdown fixture in `Tests/Fixtures/markdown/`
/// and every width a reader might use, `--print --width W` shows the same visible characters in
/// the same order as `--width 0` (marks, rules and repeated record labels aside).
///
/// Every `.md` file added to that folder is checked; it needs nothing else.
final class CompletenessTests: XCTestCase {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/markdown")

  static let widths = [20, 37, 60, 80]

  private func fixtures() throws -> [URL] {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
    return names.filter { $0.hasSuffix(".md") }.sorted().map { Self.folder.appendingPathComponent($0) }
  }

  func testTheFixturesFolderHoldsTheDocumentsThisChecks() throws {
    let names = try fixtures().map(\.lastPathComponent)
    XCTAssertTrue(names.contains("rust-book-error-handling.md"), "\(names)")
    XCTAssertTrue(names.contains("weekly-318-licences-and-jobs.md"), "\(names)")
  }

  func testEveryFixturePrintsEveryCharacterOnceAtEveryWidth() throws {
    for url in try fixtures() {
      let bytes = try XCTUnwrap(FileManager.default.contents(atPath: url.path), url.lastPathComponent)
      let decoded = SourceDecoder.decode(Array(bytes))
      let document = MarkdownParser().parse(decoded.text, title: url.lastPathComponent)
      let unwrapped = PrintedCharacters.sequence(of: document, width: 0)
      XCTAssertGreaterThan(unwrapped.count, 100, "\(url.lastPathComponent) looks empty")
      for width in Self.widths {
        let wrapped = PrintedCharacters.sequence(of: document, width: width)
        assertSame(wrapped, unwrapped, "\(url.lastPathComponent) at width \(width)")
        DocumentPrinter.forEachLine(of: document, width: width) { line in
          XCTAssertLessThanOrEqual(line.width, width, "\(url.lastPathComponent): \(line.text)")
        }
      }
    }
  }

  /// Equal sequences; otherwise the first place they part, with some text either side.
  private func assertSame(
    _ actual: [Unicode.Scalar], _ expected: [Unicode.Scalar], _ message: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    guard actual != expected else { return }
    let index =
      zip(actual, expected).enumerated().first { $1.0 != $1.1 }?.offset ?? min(actual.count, expected.count)
    func around(_ scalars: [Unicode.Scalar]) -> String {
      let range = max(0, index - 20)..<min(scalars.count, index + 20)
      return String(String.UnicodeScalarView(scalars[range]))
    }
    XCTFail(
      "\(message): parts at character \(index) (\(actual.count) vs \(expected.count))\n"
        + "  printed:   \(around(actual))\n  unwrapped: \(around(expected))", file: file, line: line)
  }
}
