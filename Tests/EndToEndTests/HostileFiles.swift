import Foundation
import XCTest

/// Hostile files written by the tests themselves into a fresh temporary directory.
final class HostileFiles {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "reader-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  /// Writes `bytes` to a file called `name` and returns its path.
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  /// Markdown with escape sequences everywhere a document can put them, plus invalid bytes.
  static let escapes: [UInt8] =
    Array(
      """
      # Heading \u{1B}]0;pwned\u{7} and \u{1B}[2J clear and &#27;]2;entity&#7;

      Paragraph \u{1B}[?1049l leave alternate screen, \u{1B}[?1003h mouse, BEL \u{7}, BS \u{8}, DEL \u{7F}, \
      C1 \u{9B}31m and \u{85}, bidi \u{202E}reversed\u{202C} and &#x9b;&#x202e;.

      [link \u{1B}]8;;http://evil.example\u{7}text\u{1B}]8;;\u{7}](http://example.com) and `code \u{1B}c reset`

      ```\u{1B}[31m
      code block \u{1B}]0;code-title\u{7}\ttab
      ```

      | cell \u{1B}[5m | \u{1B}P q |
      |---|---|
      | \u{9B}2J | ok |

      > quote \u{1B}[H

      - item \u{1B}[2K

      """.utf8) + [0xFF, 0xFE, 0xC0, 0x0A, 0x00, 0x0A]
}
