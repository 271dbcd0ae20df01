import Foundation
import XCTest

@testable import ReaderCore

/// Markdown inputs where a careless cut would change the parse, and the generated benchmark text.
enum MarkdownSamples {
  /// Named inputs; each has blank lines followed by column-0 lines where no cut may go.
  static let tricky: [(name: String, text: String)] = [
    (
      "fences with blank lines and Markdown inside",
      """
      Intro paragraph.

      ```python
      # not a heading

      - not a list
      ~~~
      ``
      **not bold**

      ```

      Between.

      ~~~~ text
      ```

      ~~~
      still code

      ~~~~~

      After.

      ````
      ```

      inner

      ```
      ````

      ```` `not a fence because the info string has a backtick`

      Tail.
      """
    ),
    (
      "unclosed fence runs to the end",
      """
      Start.

      ```
      code

      more code

      # still code
      """
    ),
    (
      "indented and nested fence closers",
      """
      Para.

         ```
      code

        not closed by this line:
          ```

      still code
         ```

      After.
      """
    ),
    (
      "lists with blank lines between items",
      """
      Before.

      - one

      - two

        continued paragraph of two

      - three
      * other bullet makes a new list

      1. first

      2. second

      10) other delimiter

      after the lists.

      - a
        - nested

          nested continuation

      End.
      """
    ),
    (
      "block quotes and lazy lines",
      """
      > quoted
      lazy continuation

      > second quote

      > - list in quote
      >
      >   continued

      Outside.

      > quote
      >
      > > nested quote

      > ```
      > fenced in a quote

      Last.
      """
    ),
    (
      "indented code with blank lines",
      """
      Para.

          code line

          more code after blank


          and more
      Not code.

      \tTab indented code

      \tmore

      Done.
      """
    ),
    (
      "setext headings and thematic breaks",
      """
      Title
      =====

      Sub title
      ---------

      Para
      ---

      ---

      * * *

      Text
      ===

      ===

      End.
      """
    ),
    (
      "HTML blocks",
      """
      <div>
      inside div

      </div>

      <!-- comment

      ```

      still comment -->

      <pre>

      ```
      pre text

      </pre>

      <script>
      var a = 1;

      b = 2;
      </script>

      <?php

      echo 1;

      ?>

      <!DOCTYPE html

      >

      <![CDATA[

      data

      ]]>

      <span class="x">

      ```
      fence after an HTML block
      ```

      <custom-tag>
      ```

      Paragraph.
      """
    ),
    (
      "tables and headings",
      """
      # Heading

      | a | b |
      |---|---|
      | 1 | 2 |

      | c |
      |---|
      | 3 |
      text after table

      ## Second

      ### Third ###
      """
    ),
    (
      "line ends: CRLF and lone CR",
      "Para one.\r\n\r\n```\r\ncode\r\n\r\nmore\r\n```\r\n\r\nPara two.\r\rPara three.\r\r- item\r\r- item\r\rEnd.\r"
    ),
  ]

  /// The path of `scripts/generate-documents` in this checkout.
  static var generatorPath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/generate-documents").path
  }

  /// Runs the generator for one size (in MB) into a fresh directory and returns the bytes written.
  static func generatedDocument(megabytes: String) throws -> [UInt8] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "reader-generated-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    guard FileManager.default.isExecutableFile(atPath: generatorPath) else {
      throw SampleError("scripts/generate-documents is missing or not executable at \(generatorPath)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", generatorPath, directory.path, "--sizes", megabytes]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw SampleError(
        "scripts/generate-documents failed with status \(process.terminationStatus) (needs python3)")
    }
    let file = directory.appendingPathComponent("bench-\(megabytes)mb.md")
    return [UInt8](try Data(contentsOf: file))
  }

  /// Why a sample could not be made; the test fails with this message.
  struct SampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
